package dev.jwdb.debugger.dwarf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DwarfTypeTest {
    private static final DwarfType CHAR = new DwarfType(DwarfType.Kind.BASE, "char", 1, DwarfType.ATE_SIGNED_CHAR,
            null, List.of(), List.of(), Map.of());

    private static DwarfType of(DwarfType.Kind kind, String name, DwarfType target, List<Long> counts) {
        return new DwarfType(kind, name, 0, 0, () -> target, List.of(), counts, Map.of());
    }

    @Test
    void typesAreWrittenAsCWritesThem() {
        DwarfType pointer = new DwarfType(DwarfType.Kind.POINTER, null, 4, 0, () -> CHAR, List.of(), List.of(),
                Map.of());
        DwarfType constChar = of(DwarfType.Kind.QUALIFIED, "const", CHAR, List.of());
        DwarfType pointerToConst = new DwarfType(DwarfType.Kind.POINTER, null, 4, 0, () -> constChar, List.of(),
                List.of(), Map.of());
        assertEquals("char *", pointer.toString());
        assertEquals("char **", new DwarfType(DwarfType.Kind.POINTER, null, 4, 0, () -> pointer, List.of(),
                List.of(), Map.of()).toString());
        assertEquals("const char * restrict", of(DwarfType.Kind.QUALIFIED, "restrict", pointerToConst, List.of())
                .toString());
        DwarfType array = of(DwarfType.Kind.ARRAY, null, CHAR, List.of(3L, 4L));
        assertEquals("char [3][4]", array.toString());
        assertEquals(12, array.size(), "an array's size is its elements'");
    }

    /** Corrupted debugging information can make a type its own target: nothing may recurse without end. */
    @Test
    void aTypeThatIsItsOwnTargetEnds() {
        DwarfType[] self = new DwarfType[1];
        self[0] = new DwarfType(DwarfType.Kind.TYPEDEF, "loop", 0, 0, () -> self[0], List.of(), List.of(),
                Map.of());
        assertEquals(0, self[0].size());
        assertEquals("loop", self[0].toString());
        assertEquals(DwarfType.Kind.TYPEDEF, self[0].stripped().kind());
        DwarfType[] pointer = new DwarfType[1];
        pointer[0] = new DwarfType(DwarfType.Kind.POINTER, null, 4, 0, () -> pointer[0], List.of(), List.of(),
                Map.of());
        assertEquals(4, pointer[0].size());
        assertEquals(true, pointer[0].toString().endsWith("**"));
        DwarfType[] array = new DwarfType[1];
        array[0] = new DwarfType(DwarfType.Kind.ARRAY, null, 0, 0, () -> array[0], List.of(), List.of(2L),
                Map.of());
        assertEquals(0, array[0].size());
    }
}
