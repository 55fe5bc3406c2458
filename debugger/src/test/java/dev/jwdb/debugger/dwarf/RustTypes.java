package dev.jwdb.debugger.dwarf;

import java.util.List;
import java.util.Map;

/** Rust types made by hand, as rustc's DWARF describes them, for tests outside this package. */
public final class RustTypes {
    private RustTypes() {
    }

    public static DwarfType base(String name, long size, int encoding) {
        return new DwarfType(DwarfType.Kind.BASE, name, size, encoding, null, List.of(), List.of(), Map.of(),
                rust(null));
    }

    public static DwarfType pointer(String name, DwarfType target) {
        return new DwarfType(DwarfType.Kind.POINTER, name, 4, 0, () -> target, List.of(), List.of(), Map.of(),
                rust(null));
    }

    public static DwarfType.Member member(String name, DwarfType type, long offset) {
        return new DwarfType.Member(name, () -> type, offset, 0);
    }

    /** A structure named {@code name} (its path too) with these members. */
    public static DwarfType struct(String name, long size, DwarfType.Member... members) {
        return new DwarfType(DwarfType.Kind.STRUCT, name, size, 0, null, List.of(members), List.of(), Map.of(),
                rust(name));
    }

    /** An enum of these variants, told apart by {@code discriminant} (null: none). */
    public static DwarfType enumeration(String name, long size, DwarfType.Member discriminant,
                                        DwarfType.Variant... variants) {
        return new DwarfType(DwarfType.Kind.STRUCT, name, size, 0, null, List.of(), List.of(), Map.of(),
                new DwarfType.Rust(name, new DwarfType.Variants(discriminant, List.of(variants)), List.of()));
    }

    public static DwarfType array(DwarfType element, long count) {
        return arrayOf(() -> element, count);
    }

    /** An array whose element type is resolved when asked for (it may be the array itself). */
    public static DwarfType arrayOf(java.util.function.Supplier<DwarfType> element, long count) {
        return new DwarfType(DwarfType.Kind.ARRAY, null, 0, 0, element, List.of(), List.of(count), Map.of(),
                rust(null));
    }

    private static DwarfType.Rust rust(String path) {
        return new DwarfType.Rust(path, null, List.of());
    }
}
