package dev.jwdb.engine.model;

import java.util.Map;

/**
 * Symbolic names: from the binary {@code name} section, or from {@code $ids} in text. Indices are in the module's
 * index spaces (imports first). Missing entries have no name.
 */
public record Names(String module, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals,
                    Map<Integer, String> globals) {
    public static final Names EMPTY = new Names(null, Map.of(), Map.of(), Map.of());

    public Names {
        functions = Map.copyOf(functions);
        locals = Map.copyOf(locals);
        globals = Map.copyOf(globals);
    }

    public boolean isEmpty() {
        return module == null && functions.isEmpty() && locals.isEmpty() && globals.isEmpty();
    }

    public String function(int index) {
        return functions.get(index);
    }

    public String local(int function, int local) {
        Map<Integer, String> m = locals.get(function);
        return m == null ? null : m.get(local);
    }

    public String global(int index) {
        return globals.get(index);
    }
}
