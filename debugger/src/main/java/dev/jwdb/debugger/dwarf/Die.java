package dev.jwdb.debugger.dwarf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A debugging information entry of {@code .debug_info}: its tag, attributes and children.
 *
 * @param offset its offset in {@code .debug_info} (what references to it hold)
 */
record Die(long offset, int tag, Map<Integer, AttributeValue> attributes, List<Die> children) {
    static final int TAG_FORMAL_PARAMETER = 0x05;
    static final int TAG_LEXICAL_BLOCK = 0x0b;
    static final int TAG_COMPILE_UNIT = 0x11;
    static final int TAG_INLINED_SUBROUTINE = 0x1d;
    static final int TAG_SUBPROGRAM = 0x2e;
    static final int TAG_VARIABLE = 0x34;

    static final int AT_LOCATION = 0x02;
    static final int AT_NAME = 0x03;
    static final int AT_STMT_LIST = 0x10;
    static final int AT_LOW_PC = 0x11;
    static final int AT_HIGH_PC = 0x12;
    static final int AT_LANGUAGE = 0x13;
    static final int AT_COMP_DIR = 0x1b;
    static final int AT_PRODUCER = 0x25;
    static final int AT_STR_OFFSETS_BASE = 0x72;

    Die {
        children = children == null ? new ArrayList<>() : children;
    }

    boolean has(int attribute) {
        return attributes.containsKey(attribute);
    }

    AttributeValue get(int attribute) {
        return attributes.get(attribute);
    }
}
