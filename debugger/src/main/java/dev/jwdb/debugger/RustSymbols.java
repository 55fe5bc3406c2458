package dev.jwdb.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rust's symbol names as a Rust programmer writes them: {@code _ZN6scores5total17h9732aab34b6ee876E} (rustc's
 * legacy mangling, what the name section of a Rust module holds) is {@code scores::total}. A user names a function
 * by its path or the end of it ({@code break total}), and backtraces show paths.
 */
public final class RustSymbols {
    private static final Map<String, String> RUST_ESCAPES = Map.ofEntries(
            Map.entry("$LT$", "<"), Map.entry("$GT$", ">"), Map.entry("$RF$", "&"), Map.entry("$BP$", "*"),
            Map.entry("$C$", ","), Map.entry("$SP$", "@"), Map.entry("$u20$", " "), Map.entry("$u27$", "'"),
            Map.entry("$u5b$", "["), Map.entry("$u5d$", "]"), Map.entry("$u7b$", "{"), Map.entry("$u7d$", "}"),
            Map.entry("$u7e$", "~"), Map.entry("$u22$", "\""), Map.entry("$u3b$", ";"), Map.entry("$u2b$", "+"),
            Map.entry("$LP$", "("), Map.entry("$RP$", ")"));

    private RustSymbols() {
    }

    /** Rust's legacy mangling ({@code _ZN3std7process5abort17h0123456789abcdefE}) as a path; other names as is. */
    public static String demangle(String mangled) {
        if (!mangled.startsWith("_ZN")) {
            // a name a tool demangled already keeps rustc's hash: std::rt::lang_start_internal::h0123456789abcdef
            return mangled.replaceFirst("::h[0-9a-f]{16}$", "");
        }
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

    /**
     * Whether {@code asked} names the function whose demangled name is {@code path}: the whole path, or its last
     * components ({@code total} and {@code scores::total} name {@code scores::total}; {@code tal} does not). The
     * {@code ::} inside {@code <...>} do not separate components.
     */
    public static boolean names(String asked, String path) {
        if (asked.isEmpty() || !path.endsWith(asked)) {
            return false;
        }
        if (asked.length() == path.length()) {
            return true;
        }
        int before = path.length() - asked.length();
        return path.startsWith("::", before - 2) && depth(path, before) == 0;
    }

    /** How deep inside {@code <...>} position {@code at} of {@code path} is. */
    private static int depth(String path, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = path.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && depth > 0 && path.charAt(i - 1) != '-') {
                depth--;
            }
        }
        return depth;
    }
}
