package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * C's types as the expression evaluator needs them on wasm32: the base types a computed value or a cast has
 * ({@code int} and {@code long} are 4 bytes, {@code long long} 8, pointers 4), what counts as an integer, a float
 * or a pointer, the integer promotions and the usual arithmetic conversions.
 */
final class CTypes {
    /** Bytes of an address, of a pointer, and of {@code long}, in wasm32. */
    static final int POINTER_SIZE = 4;

    static final DwarfType BOOL = DwarfType.base("_Bool", 1, DwarfType.ATE_BOOLEAN);
    static final DwarfType CHAR = DwarfType.base("char", 1, DwarfType.ATE_SIGNED_CHAR);
    static final DwarfType SIGNED_CHAR = DwarfType.base("signed char", 1, DwarfType.ATE_SIGNED_CHAR);
    static final DwarfType UNSIGNED_CHAR = DwarfType.base("unsigned char", 1, DwarfType.ATE_UNSIGNED_CHAR);
    static final DwarfType SHORT = DwarfType.base("short", 2, DwarfType.ATE_SIGNED);
    static final DwarfType UNSIGNED_SHORT = DwarfType.base("unsigned short", 2, DwarfType.ATE_UNSIGNED);
    static final DwarfType INT = DwarfType.base("int", 4, DwarfType.ATE_SIGNED);
    static final DwarfType UNSIGNED_INT = DwarfType.base("unsigned int", 4, DwarfType.ATE_UNSIGNED);
    static final DwarfType LONG = DwarfType.base("long", POINTER_SIZE, DwarfType.ATE_SIGNED);
    static final DwarfType UNSIGNED_LONG = DwarfType.base("unsigned long", POINTER_SIZE, DwarfType.ATE_UNSIGNED);
    static final DwarfType LONG_LONG = DwarfType.base("long long", 8, DwarfType.ATE_SIGNED);
    static final DwarfType UNSIGNED_LONG_LONG = DwarfType.base("unsigned long long", 8, DwarfType.ATE_UNSIGNED);
    static final DwarfType FLOAT = DwarfType.base("float", 4, DwarfType.ATE_FLOAT);
    static final DwarfType DOUBLE = DwarfType.base("double", 8, DwarfType.ATE_FLOAT);

    /** The words a base type is spelled with; {@code const} and {@code volatile} are allowed and ignored. */
    static final List<String> KEYWORDS = List.of("void", "_Bool", "char", "short", "int", "long", "float", "double",
            "signed", "unsigned", "const", "volatile");

    private CTypes() {
    }

    /** The base type spelled by {@code words} (each one of {@link #KEYWORDS}), as C reads {@code unsigned long}. */
    static DwarfType spelled(List<String> words) throws DebugException {
        Map<String, Integer> n = new HashMap<>();
        for (String w : words) {
            if (!w.equals("const") && !w.equals("volatile")) {
                n.merge(w, 1, Integer::sum);
            }
        }
        int longs = n.getOrDefault("long", 0);
        boolean unsigned = n.containsKey("unsigned");
        boolean sign = unsigned || n.containsKey("signed");
        DebugException bad = new DebugException("\"" + String.join(" ", words) + "\" is not a C type");
        if (n.getOrDefault("signed", 0) + n.getOrDefault("unsigned", 0) > 1 || n.getOrDefault("int", 0) > 1
                || longs > 2) {
            throw bad;
        }
        // the one word that says what the type is, besides signed/unsigned, long and int
        String kind = null;
        for (String w : n.keySet()) {
            if (!List.of("signed", "unsigned", "long", "int").contains(w)) {
                if (kind != null || n.get(w) > 1) {
                    throw bad;
                }
                kind = w;
            }
        }
        if (kind == null) {
            if (n.isEmpty()) {
                throw bad;
            }
            return longs == 2 ? (unsigned ? UNSIGNED_LONG_LONG : LONG_LONG)
                    : longs == 1 ? (unsigned ? UNSIGNED_LONG : LONG) : unsigned ? UNSIGNED_INT : INT;
        }
        boolean withInt = n.containsKey("int");
        switch (kind) {
            case "char":
                if (longs > 0 || withInt) {
                    throw bad;
                }
                return n.containsKey("signed") ? SIGNED_CHAR : unsigned ? UNSIGNED_CHAR : CHAR;
            case "short":
                if (longs > 0) {
                    throw bad;
                }
                return unsigned ? UNSIGNED_SHORT : SHORT;
            case "double":
                if (sign || withInt || longs > 1) {
                    throw bad;
                }
                if (longs == 1) {
                    throw new DebugException("long double is not supported");
                }
                return DOUBLE;
            default:
                if (sign || withInt || longs > 0) {
                    throw bad;
                }
                return kind.equals("float") ? FLOAT : kind.equals("_Bool") ? BOOL : DwarfType.VOID;
        }
    }

    static boolean isInteger(DwarfType type) {
        DwarfType t = type.stripped();
        return t.kind() == DwarfType.Kind.ENUM || t.kind() == DwarfType.Kind.BASE && t.encoding()
                != DwarfType.ATE_FLOAT && t.size() >= 1 && t.size() <= 8;
    }

    static boolean isFloat(DwarfType type) {
        DwarfType t = type.stripped();
        return t.kind() == DwarfType.Kind.BASE && t.encoding() == DwarfType.ATE_FLOAT && (t.size() == 4
                || t.size() == 8);
    }

    static boolean isArithmetic(DwarfType type) {
        return isInteger(type) || isFloat(type);
    }

    static boolean isPointer(DwarfType type) {
        return type.stripped().kind() == DwarfType.Kind.POINTER;
    }

    /** A number or a pointer: what can be tested, compared, cast. */
    static boolean isScalar(DwarfType type) {
        return isArithmetic(type) || isPointer(type);
    }

    static boolean isStructure(DwarfType type) {
        DwarfType.Kind k = type.stripped().kind();
        return k == DwarfType.Kind.STRUCT || k == DwarfType.Kind.UNION;
    }

    /** Whether an integer type is signed (enumerations are, as C's {@code int} is). */
    static boolean isSigned(DwarfType type) {
        DwarfType t = type.stripped();
        return t.kind() == DwarfType.Kind.ENUM || t.encoding() == DwarfType.ATE_SIGNED
                || t.encoding() == DwarfType.ATE_SIGNED_CHAR;
    }

    static int size(DwarfType type) {
        return (int) Math.max(0, Math.min(type.stripped().size(), Integer.MAX_VALUE));
    }

    /** The integer promotions: a type narrower than {@code int}, a {@code _Bool} or an enumeration is {@code int}. */
    static DwarfType promoted(DwarfType type) {
        DwarfType t = type.stripped();
        if (t.kind() == DwarfType.Kind.ENUM || t.kind() == DwarfType.Kind.BASE && t.encoding() != DwarfType.ATE_FLOAT
                && (t.size() < 4 || t.encoding() == DwarfType.ATE_BOOLEAN)) {
            return INT;
        }
        return type;
    }

    /**
     * The usual arithmetic conversions: the type both operands of {@code + - * / % < ==}... are converted to. A
     * float wins over an integer, the wider float over the narrower; of integers (promoted) the wider wins, and of
     * two as wide, the unsigned one.
     */
    static DwarfType common(DwarfType a, DwarfType b) {
        if (isFloat(a) || isFloat(b)) {
            if (!isFloat(b)) {
                return a;
            }
            if (!isFloat(a)) {
                return b;
            }
            return size(b) > size(a) ? b : a;
        }
        DwarfType x = promoted(a);
        DwarfType y = promoted(b);
        if (size(x) != size(y)) {
            return size(x) > size(y) ? x : y;
        }
        return isSigned(x) && !isSigned(y) ? y : x;
    }

    /** {@code bits} cut to the width of integer {@code type}: sign-extended when it is signed, else zero-extended. */
    static long wrap(long bits, DwarfType type) {
        int size = size(type);
        if (size >= 8 || size < 1) {
            return bits;
        }
        int shift = 64 - 8 * size;
        return isSigned(type) ? bits << shift >> shift : bits << shift >>> shift;
    }
}
