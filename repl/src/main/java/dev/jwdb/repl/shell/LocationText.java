package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.Location;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Module;
import dev.jwdb.repl.FunctionNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Locations as the shell writes them: {@code fib+0x12}, the offset counted from the function's first instruction
 * as gdb counts from a function's entry, with {@code (fib.wat:7)} when the module came from text.
 */
public final class LocationText {
    private final DebugSession session;
    private final Map<Integer, Integer> entries = new HashMap<>();
    private Module cachedFor;

    public LocationText(DebugSession session) {
        this.session = session;
    }

    /** {@code fib+0x12}: what the prompt shows. */
    public String shortForm(Location location) {
        String name = functionName(location.function());
        int entry = entry(location);
        if (entry < 0 || location.offset() < entry) {
            return name + "@0x" + Integer.toHexString(location.offset());
        }
        return name + "+0x" + Integer.toHexString(location.offset() - entry);
    }

    /** {@code fib+0x12 (fib.wat:7)}. */
    public String longForm(Location location) {
        String at = shortForm(location);
        return location.hasLine() ? at + " (" + location.source() + ":" + location.line() + ")" : at;
    }

    /**
     * A display name without the text format's {@code $} (the prompt reads {@code fib+0x12}), Rust's mangled
     * symbols demangled ({@code wasi::lib_generated::path_open}).
     */
    public static String functionName(String name) {
        return FunctionNames.demangle(name.startsWith("$") ? name.substring(1) : name);
    }

    /** The byte offset of the function's first instruction, or -1 when it cannot be known. */
    private int entry(Location location) {
        Module module = session.module();
        if (module != cachedFor) {
            entries.clear();
            cachedFor = module;
        }
        return entries.computeIfAbsent(location.functionIndex(), index -> {
            int defined = module == null ? -1 : index - module.importedFunctionCount();
            if (defined >= 0 && defined < module.functions().size()) {
                Function f = module.functions().get(defined);
                if (!f.body().isEmpty() && f.body().get(0).offset() >= 0) {
                    return f.body().get(0).offset();
                }
            }
            // A module parsed from text has no offsets of its own; the session encodes it and knows them.
            try {
                return session.disassemble(location.function()).function().offset();
            } catch (Exception e) {
                return -1;
            }
        });
    }
}
