package dev.jwdb.engine.text;

import dev.jwdb.engine.model.Names;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code $ids} a module is printed with, derived from its name section: characters that the text format does
 * not allow in an id become {@code _}, and names that collide within one index space get a {@code .N} suffix, so
 * that the printed text always parses and every reference stays unambiguous. Without a name, an index is printed.
 */
final class TextNames {
    private final String module;
    private final Map<Integer, String> functions;
    private final Map<Integer, String> globals;
    private final Map<Integer, Map<Integer, String>> locals = new HashMap<>();

    TextNames(Names names) {
        this.module = names.module() == null ? null : id(names.module());
        this.functions = unique(names.functions());
        this.globals = unique(names.globals());
        names.locals().forEach((function, byIndex) -> locals.put(function, unique(byIndex)));
    }

    /** The module's {@code $id}, or null. */
    String module() {
        return module;
    }

    boolean hasFunction(int index) {
        return functions.containsKey(index);
    }

    /** How a reference to function {@code index} is printed: its {@code $id} or its index. */
    String function(int index) {
        return functions.getOrDefault(index, Integer.toString(index));
    }

    boolean hasGlobal(int index) {
        return globals.containsKey(index);
    }

    String global(int index) {
        return globals.getOrDefault(index, Integer.toString(index));
    }

    boolean hasLocal(int function, int local) {
        return locals.getOrDefault(function, Map.of()).containsKey(local);
    }

    String local(int function, int local) {
        return locals.getOrDefault(function, Map.of()).getOrDefault(local, Integer.toString(local));
    }

    private static Map<Integer, String> unique(Map<Integer, String> raw) {
        Map<Integer, String> out = new HashMap<>();
        Set<String> taken = new HashSet<>();
        raw.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String base = id(entry.getValue());
            if (base == null) {
                return;
            }
            String chosen = base;
            for (int n = 1; !taken.add(chosen); n++) {
                chosen = base + "." + n;
            }
            out.put(entry.getKey(), chosen);
        });
        return out;
    }

    /** {@code $} and the name with every character outside the text format's idchar set replaced; null if empty. */
    static String id(String name) {
        if (name.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length() + 1).append('$');
        name.codePoints().forEach(c -> out.append(isIdChar(c) ? (char) c : '_'));
        return out.toString();
    }

    private static boolean isIdChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }
}
