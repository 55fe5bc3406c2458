package dev.jwdb.wat.encode;

import dev.jwdb.engine.model.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes {@link Names} as the content of a {@code name} custom section, subsections and entries in index order. */
public final class NameSectionEncoder {
    public static final String SECTION_NAME = "name";

    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;
    private static final int GLOBALS = 7;

    private NameSectionEncoder() {
    }

    /** The section's content, after its name. */
    public static byte[] content(Names names) {
        ByteSink out = new ByteSink();
        if (names.module() != null) {
            subsection(MODULE, new ByteSink().name(names.module()), out);
        }
        if (!names.functions().isEmpty()) {
            subsection(FUNCTIONS, nameMap(names.functions(), new ByteSink()), out);
        }
        if (!names.locals().isEmpty()) {
            ByteSink locals = new ByteSink().u32(names.locals().size());
            for (int function : sortedKeys(names.locals())) {
                locals.u32(function);
                nameMap(names.locals().get(function), locals);
            }
            subsection(LOCALS, locals, out);
        }
        if (!names.globals().isEmpty()) {
            subsection(GLOBALS, nameMap(names.globals(), new ByteSink()), out);
        }
        return out.toByteArray();
    }

    private static void subsection(int id, ByteSink content, ByteSink out) {
        out.u8(id).sized(content);
    }

    private static ByteSink nameMap(Map<Integer, String> map, ByteSink out) {
        out.u32(map.size());
        for (int index : sortedKeys(map)) {
            out.u32(index).name(map.get(index));
        }
        return out;
    }

    /** Indices are u32, so ones that overflowed into negative ints sort last. */
    private static List<Integer> sortedKeys(Map<Integer, ?> map) {
        List<Integer> keys = new ArrayList<>(map.keySet());
        keys.sort(Integer::compareUnsigned);
        return keys;
    }
}
