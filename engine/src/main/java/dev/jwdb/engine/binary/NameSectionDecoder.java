package dev.jwdb.engine.binary;

import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.model.Names;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code name} custom section: module name (0), function names (1), local names (2) and, from the
 * extended-name-section proposal, global names (7). Other subsections are skipped. Any defect makes the whole
 * section undecodable rather than the module malformed, because names are only debugging aid.
 */
final class NameSectionDecoder {
    static final String SECTION_NAME = "name";

    private static final int MODULE = 0;
    private static final int FUNCTIONS = 1;
    private static final int LOCALS = 2;
    private static final int GLOBALS = 7;

    private NameSectionDecoder() {
    }

    /** The names in {@code content}, or empty when the section does not follow the format. */
    static Optional<Names> decode(byte[] content) {
        try {
            return Optional.of(read(new ByteReader(content)));
        } catch (MalformedException e) {
            return Optional.empty();
        }
    }

    private static Names read(ByteReader in) {
        String module = null;
        Map<Integer, String> functions = Map.of();
        Map<Integer, Map<Integer, String>> locals = Map.of();
        Map<Integer, String> globals = Map.of();
        int lastId = -1;
        while (!in.atEnd()) {
            int at = in.position();
            int id = in.u8();
            if (id <= lastId) {
                throw in.error("name subsections out of order", at);
            }
            lastId = id;
            int size = in.count();
            int start = in.position();
            switch (id) {
                case MODULE -> module = in.name();
                case FUNCTIONS -> functions = nameMap(in);
                case LOCALS -> locals = indirectNameMap(in);
                case GLOBALS -> globals = nameMap(in);
                default -> in.skip(size);
            }
            if (in.position() != start + size) {
                throw in.error("name subsection size mismatch", start);
            }
        }
        return new Names(module, functions, locals, globals);
    }

    private static Map<Integer, String> nameMap(ByteReader in) {
        int n = in.count();
        Map<Integer, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = in.u32();
            out.put(index, in.name());
        }
        return out;
    }

    private static Map<Integer, Map<Integer, String>> indirectNameMap(ByteReader in) {
        int n = in.count();
        Map<Integer, Map<Integer, String>> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = in.u32();
            out.put(index, Map.copyOf(nameMap(in)));
        }
        return out;
    }
}
