package dev.jwdb.engine.binary;

import java.util.List;

/** The binary format's section ids, and the order the known sections must appear in; shared by decoder and encoder. */
public final class SectionId {
    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    /** The known sections in their required order: the data count section precedes the code it serves. */
    public static final List<Integer> ORDER = List.of(TYPE, IMPORT, FUNCTION, TABLE, MEMORY, GLOBAL, EXPORT, START,
            ELEMENT, DATA_COUNT, CODE, DATA);

    private SectionId() {
    }
}
