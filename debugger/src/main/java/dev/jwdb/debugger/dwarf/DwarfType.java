package dev.jwdb.debugger.dwarf;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A variable's type, as far as showing its value needs: C's base types, pointers, structures and unions, arrays,
 * enumerations, and the typedefs and qualifiers around them. A type that refers to another (a pointer, a typedef,
 * an array's elements) resolves it when asked, so that recursive types (a list node pointing to its own kind) are
 * fine.
 */
public final class DwarfType {
    public enum Kind {
        BASE, POINTER, STRUCT, UNION, ARRAY, ENUM, TYPEDEF, QUALIFIED, VOID, FUNCTION, UNKNOWN
    }

    /** A base type's encoding (DWARF 5 section 7.8). */
    public static final int ATE_BOOLEAN = 0x02;
    public static final int ATE_FLOAT = 0x04;
    public static final int ATE_SIGNED = 0x05;
    public static final int ATE_SIGNED_CHAR = 0x06;
    public static final int ATE_UNSIGNED = 0x07;
    public static final int ATE_UNSIGNED_CHAR = 0x08;
    public static final int ATE_UTF = 0x10;

    /** A structure's member: its name, its type and its byte offset; {@code bitSize} 0 unless a bit field. */
    public record Member(String name, Supplier<DwarfType> type, long offset, int bitSize) {
    }

    public static final DwarfType VOID = new DwarfType(Kind.VOID, "void", 0, 0, null, List.of(), List.of(),
            Map.of());

    private final Kind kind;
    private final String name;
    private final long size;
    private final int encoding;
    private final Supplier<DwarfType> target;
    private final List<Member> members;
    private final List<Long> counts;
    private final Map<Long, String> enumerators;
    /** What a Rust type has besides (its path, its variants, its type parameters); null for C. */
    private final Rust rust;

    DwarfType(Kind kind, String name, long size, int encoding, Supplier<DwarfType> target, List<Member> members,
              List<Long> counts, Map<Long, String> enumerators) {
        this(kind, name, size, encoding, target, members, counts, enumerators, null);
    }

    DwarfType(Kind kind, String name, long size, int encoding, Supplier<DwarfType> target, List<Member> members,
              List<Long> counts, Map<Long, String> enumerators, Rust rust) {
        this.rust = rust;
        this.kind = kind;
        this.name = name;
        this.size = size;
        this.encoding = encoding;
        this.target = target;
        this.members = List.copyOf(members);
        this.counts = List.copyOf(counts);
        this.enumerators = Map.copyOf(enumerators);
    }

    /** A base type of C ({@code int}, {@code unsigned long}) that no DWARF entry described: a computed value's. */
    public static DwarfType base(String name, long size, int encoding) {
        return new DwarfType(Kind.BASE, name, size, encoding, null, List.of(), List.of(), Map.of());
    }

    /** A pointer of {@code size} bytes to {@code target}: what {@code &x} and casts make. */
    public static DwarfType pointerTo(DwarfType target, long size) {
        return new DwarfType(Kind.POINTER, null, size, 0, () -> target, List.of(), List.of(), Map.of());
    }

    /** An array of {@code element} with these counts, outermost first: a row of a multi-dimensional array. */
    public static DwarfType arrayOf(DwarfType element, List<Long> counts) {
        return new DwarfType(Kind.ARRAY, null, 0, 0, () -> element, List.of(), counts, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The type's own name ({@code int}, {@code stats}, a typedef's name), or null. */
    public String name() {
        return name;
    }

    /** Its size in bytes; for a pointer the address size; 0 when unknown. */
    public long size() {
        return size(0);
    }

    /** The size, following at most a few levels of typedefs and arrays: corrupted types may refer to themselves. */
    private long size(int depth) {
        if (depth > 16) {
            return 0;
        }
        if (size == 0 && (kind == Kind.TYPEDEF || kind == Kind.QUALIFIED)) {
            return target().size(depth + 1);
        }
        if (size == 0 && kind == Kind.ARRAY) {
            long n = target().size(depth + 1);
            for (long c : counts) {
                n = c <= 0 || n > (1L << 40) / c ? 0 : n * c;
            }
            return n;
        }
        return size;
    }

    public int encoding() {
        return encoding;
    }

    /** What a pointer points to, an array holds, a typedef or qualifier names; {@link #VOID} when none. */
    public DwarfType target() {
        DwarfType t = target == null ? null : target.get();
        return t == null ? VOID : t;
    }

    public List<Member> members() {
        return members;
    }

    /** An array's element counts, outermost first (-1 when unknown). */
    public List<Long> counts() {
        return counts;
    }

    public Map<Long, String> enumerators() {
        return enumerators;
    }

    /** The type with typedefs and qualifiers looked through. */
    public DwarfType stripped() {
        DwarfType t = this;
        for (int i = 0; i < 32 && (t.kind == Kind.TYPEDEF || t.kind == Kind.QUALIFIED); i++) {
            t = t.target();
        }
        return t;
    }

    /** The Rust side of a type of a Rust unit, or null for a C type (or any other language's). */
    public Rust rust() {
        return rust;
    }

    /** As C writes it: {@code int}, {@code char **}, {@code struct stats}, {@code const char * restrict}, {@code long [4]}. */
    @Override
    public String toString() {
        return describe(0);
    }

    private String describe(int depth) {
        if (depth > 8) {
            return "...";
        }
        if (rust != null) {
            return rustName(depth);
        }
        return switch (kind) {
            case BASE, TYPEDEF, VOID, UNKNOWN -> name == null ? "?" : name;
            case POINTER -> {
                String to = target().describe(depth + 1);
                yield to.endsWith("*") ? to + "*" : to + " *";
            }
            case STRUCT -> "struct " + (name == null ? "{...}" : name);
            case UNION -> "union " + (name == null ? "{...}" : name);
            case ENUM -> "enum " + (name == null ? "{...}" : name);
            // C puts a pointer's own qualifier after its star: char *const
            case QUALIFIED -> target().kind == Kind.POINTER ? target().describe(depth + 1) + " " + name
                    : name + " " + target().describe(depth + 1);
            case FUNCTION -> "function";
            case ARRAY -> {
                StringBuilder b = new StringBuilder(target().describe(depth + 1)).append(' ');
                for (long c : counts) {
                    b.append('[').append(c < 0 ? "" : Long.toString(c)).append(']');
                }
                yield b.toString();
            }
        };
    }

    /** As Rust writes it: {@code u32}, {@code &str}, {@code alloc::vec::Vec<u8, alloc::alloc::Global>}, {@code [u8; 4]}. */
    private String rustName(int depth) {
        return switch (kind) {
            case ARRAY -> {
                String of = target().describe(depth + 1);
                for (int i = counts.size() - 1; i >= 0; i--) {
                    of = "[" + of + "; " + (counts.get(i) < 0 ? "?" : Long.toString(counts.get(i))) + "]";
                }
                yield of;
            }
            // rustc names its pointers (&u32, *const u8, &mut scores::Word); the others are C's, by their targets
            case POINTER -> name != null ? name : "*const " + target().describe(depth + 1);
            case STRUCT, UNION, ENUM -> rust.path() != null ? rust.path() : name == null ? "?" : name;
            default -> name == null ? "?" : name;
        };
    }

    /**
     * What rustc's DWARF says of a type besides C's: its path ({@code alloc::vec::Vec<u8, alloc::alloc::Global>},
     * the name inside its namespaces), an enum's variants ({@code DW_TAG_variant_part}), and its type parameters
     * ({@code DW_TAG_template_type_parameter}, {@code T} of {@code Vec<T>}).
     *
     * @param variants null unless the type is an enum with data (a structure holding a variant part)
     */
    public record Rust(String path, Variants variants, List<Member> typeParameters) {
        public Rust {
            typeParameters = List.copyOf(typeParameters);
        }

        /** Type parameter {@code name}'s type, or null. */
        public DwarfType typeParameter(String name) {
            for (Member m : typeParameters) {
                if (name.equals(m.name()) && m.type() != null) {
                    return m.type().get();
                }
            }
            return null;
        }
    }

    /**
     * An enum's variants and how to tell which one a value holds: the discriminant, a member of the enum (its type
     * an integer), is compared with each variant's value; a variant without one is the default (the variant whose
     * data holds the niche, in an enum that keeps its discriminant in a niche: {@code Some} of {@code Option<&T>}).
     *
     * @param discriminant null when the enum has one variant or none, and so nothing to tell
     */
    public record Variants(Member discriminant, List<Variant> variants) {
        public Variants {
            variants = List.copyOf(variants);
        }

        /** The variant whose value is {@code value} (compared in the discriminant's size), else the default, else null. */
        public Variant of(long value, int size) {
            long mask = size >= 8 || size <= 0 ? -1L : (1L << 8 * size) - 1;
            Variant fallback = null;
            for (Variant v : variants) {
                if (v.value() == null) {
                    fallback = v;
                } else if ((v.value() & mask) == (value & mask)) {
                    return v;
                }
            }
            return fallback != null || discriminant != null || variants.size() != 1 ? fallback : variants.get(0);
        }
    }

    /**
     * One variant: its discriminant value (null for the default variant) and the member that holds its data, named
     * after it, whose type is a structure of the variant's fields (at offsets from the enum's start).
     */
    public record Variant(Long value, Member member) {
    }
}
