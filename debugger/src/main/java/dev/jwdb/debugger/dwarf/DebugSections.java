package dev.jwdb.debugger.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * The DWARF sections of a module, by name ({@code .debug_line}, {@code .debug_info}...). In WebAssembly they are
 * custom sections; the first of each name counts, as in other tools.
 */
public final class DebugSections {
    private final Map<String, byte[]> sections = new HashMap<>();

    /** Adds a section unless one of that name is already there. */
    public void add(String name, byte[] content) {
        if (name.startsWith(".debug_")) {
            sections.putIfAbsent(name, content);
        }
    }

    /** The section's content, or null when the module has none. */
    public byte[] get(String name) {
        return sections.get(name);
    }

    public boolean has(String name) {
        return sections.containsKey(name);
    }
}
