package dev.jwdb.debugger.dwarf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RustTypeTest {
    private static final DwarfType.Rust NONE = new DwarfType.Rust(null, null, List.of());
    private static final DwarfType U8 = new DwarfType(DwarfType.Kind.BASE, "u8", 1, DwarfType.ATE_UNSIGNED, null,
            List.of(), List.of(), Map.of(), NONE);
    private static final DwarfType U32 = new DwarfType(DwarfType.Kind.BASE, "u32", 4, DwarfType.ATE_UNSIGNED,
            null, List.of(), List.of(), Map.of(), NONE);

    private static DwarfType.Variant variant(Long value, String name) {
        return new DwarfType.Variant(value, new DwarfType.Member(name, () -> U32, 0, 0));
    }

    @Test
    void typesAreWrittenAsRustWritesThem() {
        DwarfType reference = new DwarfType(DwarfType.Kind.POINTER, "&u32", 4, 0, () -> U32, List.of(), List.of(),
                Map.of(), NONE);
        assertEquals("&u32", reference.toString());
        DwarfType unnamed = new DwarfType(DwarfType.Kind.POINTER, null, 4, 0, () -> U8, List.of(), List.of(),
                Map.of(), NONE);
        assertEquals("*const u8", unnamed.toString());
        DwarfType array = new DwarfType(DwarfType.Kind.ARRAY, null, 0, 0, () -> U8, List.of(), List.of(2L, 3L),
                Map.of(), NONE);
        assertEquals("[[u8; 3]; 2]", array.toString());
        DwarfType vec = new DwarfType(DwarfType.Kind.STRUCT, "Vec<u8, alloc::alloc::Global>", 12, 0, null,
                List.of(), List.of(), Map.of(), new DwarfType.Rust("alloc::vec::Vec<u8, alloc::alloc::Global>", null,
                List.of(new DwarfType.Member("T", () -> U8, 0, 0))));
        assertEquals("alloc::vec::Vec<u8, alloc::alloc::Global>", vec.toString());
        assertEquals(U8, vec.rust().typeParameter("T"));
        assertNull(vec.rust().typeParameter("A"));
    }

    @Test
    void theDiscriminantChoosesAVariantAndAValueNoneHasIsTheDefaults() {
        DwarfType.Member discriminant = new DwarfType.Member(null, () -> U32, 8, 0);
        // Option<(NonNull<u8>, Layout)>: None is 0 in the niche, Some is every other value
        DwarfType.Variants option = new DwarfType.Variants(discriminant, List.of(variant(0L, "None"),
                variant(null, "Some")));
        assertEquals("None", option.of(0, 4).member().name());
        assertEquals("Some", option.of(8, 4).member().name());
        // a tagged enum: each variant has its value, compared in the discriminant's size
        DwarfType.Variants grade = new DwarfType.Variants(discriminant, List.of(variant(0L, "Empty"),
                variant(1L, "Low"), variant(0xFFL, "High")));
        assertEquals("Low", grade.of(1, 4).member().name());
        assertEquals("High", grade.of(-1, 1).member().name(), "a byte's 0xff is -1 read signed");
        assertNull(grade.of(7, 4), "no variant has 7, and none is the default");
        // one variant and nothing to tell: that one
        DwarfType.Variants single = new DwarfType.Variants(null, List.of(variant(0L, "Only")));
        assertEquals("Only", single.of(0, 0).member().name());
    }
}
