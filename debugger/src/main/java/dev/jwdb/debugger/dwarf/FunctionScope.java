package dev.jwdb.debugger.dwarf;

import java.util.List;

/**
 * The source-level view of a function at one address: its name, how to find its frame base, and the variables in
 * scope there (parameters first, then locals, innermost block first, as gdb lists them).
 *
 * @param frameBase the DWARF expression of {@code DW_AT_frame_base}, or null
 */
public record FunctionScope(String name, byte[] frameBase, List<Variable> variables) {
    public FunctionScope {
        variables = List.copyOf(variables);
    }

    /**
     * A parameter or local variable.
     *
     * @param location the DWARF expression that finds it at this address, or null when it has none here
     *                 (optimized out)
     */
    public record Variable(String name, boolean parameter, DwarfType type, byte[] location) {
    }
}
