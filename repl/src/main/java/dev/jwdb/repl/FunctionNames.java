package dev.jwdb.repl;

import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How jwdb names a function for the user: its name-section name (Rust's mangled symbols demangled, so a panic's
 * backtrace reads {@code std::process::abort}), else the name it is exported under, else {@code func[N]}.
 */
public final class FunctionNames {
    private static final Map<String, String> RUST_ESCAPES = Map.ofEntries(
            Map.entry("$LT$", "<"), Map.entry("$GT$", ">"), Map.entry("$RF$", "&"), Map.entry("$BP$", "*"),
            Map.entry("$C$", ","), Map.entry("$SP$", "@"), Map.entry("$u20$", " "), Map.entry("$u27$", "'"),
            Map.entry("$u5b$", "["), Map.entry("$u5d$", "]"), Map.entry("$u7b$", "{"), Map.entry("$u7d$", "}"),
            Map.entry("$u7e$", "~"), Map.entry("$u22$", "\""), Map.entry("$u3b$", ";"), Map.entry("$u2b$", "+"));

    private FunctionNames() {
    }

    static String of(FunctionInstance function) {
        if (function.instance() == null) {
            return "<host function>";
        }
        Module module = function.instance().module();
        String name = module.names().function(function.index());
        if (name != null) {
            return demangle(name);
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() == function.index()) {
                return e.name();
            }
        }
        return "func[" + function.index() + "]";
    }

    /** Rust's legacy mangling ({@code _ZN3std7process5abort17h0123456789abcdefE}) as a path; other names as is. */
    public static String demangle(String mangled) {
        // LLVM appends ".llvm.<digits>" to symbols it made local during link-time optimization.
        String symbol = mangled.replaceFirst("\\.llvm\\.\\d+$", "");
        if (!symbol.startsWith("_ZN") || !symbol.endsWith("E")) {
            return mangled;
        }
        List<String> parts = new ArrayList<>();
        int at = 3;
        int end = symbol.length() - 1;
        while (at < end) {
            int digits = at;
            while (digits < end && Character.isDigit(symbol.charAt(digits))) {
                digits++;
            }
            if (digits == at) {
                return mangled;
            }
            int length = Integer.parseInt(symbol.substring(at, digits));
            if (digits + length > end) {
                return mangled;
            }
            parts.add(symbol.substring(digits, digits + length));
            at = digits + length;
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1).matches("h[0-9a-f]{16}")) {
            parts.remove(parts.size() - 1);
        }
        List<String> readable = new ArrayList<>();
        for (String part : parts) {
            readable.add(unescape(part.startsWith("_$") ? part.substring(1) : part));
        }
        return String.join("::", readable);
    }

    private static String unescape(String part) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < part.length()) {
            if (part.startsWith("..", i)) {
                out.append("::");
                i += 2;
                continue;
            }
            if (part.charAt(i) == '$') {
                int close = part.indexOf('$', i + 1);
                String escape = close < 0 ? null : RUST_ESCAPES.get(part.substring(i, close + 1));
                if (escape != null) {
                    out.append(escape);
                    i = close + 1;
                    continue;
                }
            }
            out.append(part.charAt(i++));
        }
        return out.toString();
    }
}
