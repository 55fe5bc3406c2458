package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C value shown as gdb shows it, by its type: {@code 3}, {@code 97 'a'}, {@code 0x115b0}, a {@code char *} with
 * its string ({@code 0x11610 "1"}), a function pointer with its function ({@code 0x1 <__stdio_close>}),
 * {@code {count = 1, min = 3}}, {@code {1, 2, 3}}, an enumerator's name. In hex
 * (or signed, or unsigned decimal) every integer, character and pointer is shown so, members and elements too.
 */
final class CValueText {
    /** Elements of an array, and characters of a string, shown before {@code ...}. */
    private static final int SHOWN_ELEMENTS = 20;
    private static final int SHOWN_CHARACTERS = 200;
    /** Structures nested deeper than this show as {@code {...}}. */
    private static final int SHOWN_DEPTH = 4;

    private CValueText() {
    }

    /** The value of {@code type} at {@code place}. */
    static String format(DwarfType type, DwarfExpression.Place place, CScope m, SourceValue.Radix radix)
            throws DebugException {
        return format(type, place, m, radix, 0);
    }

    private static String format(DwarfType type, DwarfExpression.Place place, CScope m, SourceValue.Radix radix,
                                 int depth) throws DebugException {
        DwarfType t = type.stripped();
        int size = CTypes.size(t);
        if (!(place instanceof DwarfExpression.Place.Memory memory)) {
            return scalar(t, m.slot(place), m, radix);
        }
        long address = memory.address();
        switch (t.kind()) {
            case STRUCT, UNION -> {
                if (depth >= SHOWN_DEPTH) {
                    return "{...}";
                }
                List<String> parts = new ArrayList<>();
                for (DwarfType.Member member : t.members()) {
                    String value = member.bitSize() != 0 ? "<bit field>" : format(member.type() == null
                            ? DwarfType.VOID : member.type().get(), new DwarfExpression.Place.Memory(address
                            + member.offset()), m, radix, depth + 1);
                    parts.add((member.name() == null ? "" : member.name() + " = ") + value);
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case ARRAY -> {
                DwarfType element = t.target();
                long count = t.counts().isEmpty() ? -1 : t.counts().get(0);
                if (isChar(element.stripped()) && radix == SourceValue.Radix.NATURAL) {
                    return quoted(m.bytes(address, (int) Math.max(0, Math.min(count, SHOWN_CHARACTERS))), false);
                }
                if (count < 0) {
                    return "0x" + Long.toHexString(address) + " <array>";
                }
                if (t.counts().size() > 1) {
                    element = DwarfType.arrayOf(element, t.counts().subList(1, t.counts().size()));
                }
                long stride = element.size();
                List<String> parts = new ArrayList<>();
                for (long i = 0; i < count && i < SHOWN_ELEMENTS; i++) {
                    parts.add(format(element, new DwarfExpression.Place.Memory(address + i * stride), m, radix,
                            depth + 1));
                }
                return "{" + String.join(", ", parts) + (count > SHOWN_ELEMENTS ? "..." : "") + "}";
            }
            case VOID, FUNCTION, UNKNOWN -> {
                return "<no value of type " + t + ">";
            }
            default -> {
                if (size < 1 || size > 8) {
                    return "<" + size + "-byte " + t + ">";
                }
                return scalar(t, bits(m.bytes(address, size)), m, radix);
            }
        }
    }

    /** Little-endian bytes as a number. */
    static long bits(byte[] bytes) {
        long v = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            v = v << 8 | (bytes[i] & 0xFF);
        }
        return v;
    }

    /** A base type, pointer or enumeration's value from its bits. */
    private static String scalar(DwarfType t, long bits, CScope m, SourceValue.Radix radix) {
        int size = (int) Math.max(1, Math.min(t.size(), 8));
        long mask = size == 8 ? -1L : (1L << 8 * size) - 1;
        long raw = bits & mask;
        long signed = size == 8 ? raw : raw << (64 - 8 * size) >> (64 - 8 * size);
        switch (radix) {
            case HEX:
                return "0x" + Long.toHexString(raw);
            case UNSIGNED:
                if (!CTypes.isFloat(t)) {
                    return Long.toUnsignedString(raw);
                }
                break;
            case SIGNED:
                if (!CTypes.isFloat(t)) {
                    return Long.toString(signed);
                }
                break;
            default:
                break;
        }
        switch (t.kind()) {
            case POINTER -> {
                String text = "0x" + Long.toHexString(raw);
                if (raw != 0 && t.target().stripped().kind() == DwarfType.Kind.FUNCTION) {
                    String function = m.functionAt(raw);
                    return function == null ? text : text + " <" + function + ">";
                }
                if (raw != 0 && isChar(t.target().stripped())) {
                    try {
                        text += " " + quoted(m.bytes(raw, (int) Math.min(SHOWN_CHARACTERS, Math.max(0,
                                m.memorySize() - raw))), true);
                    } catch (DebugException e) {
                        text += " <unreadable>";
                    }
                }
                return text;
            }
            case ENUM -> {
                String name = t.enumerators().get(raw);
                return name != null ? name : Long.toString(raw);
            }
            case BASE -> {
                switch (t.encoding()) {
                    case DwarfType.ATE_FLOAT:
                        if (size != 4 && size != 8) {
                            return "<float>";
                        }
                        double d = size == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            return Double.isNaN(d) ? (raw >>> (8 * size - 1) != 0 ? "-nan" : "nan") : d > 0 ? "inf"
                                    : "-inf"; // as C's printf and gdb write them
                        }
                        return size == 4 ? Float.toString((float) d) : Double.toString(d);
                    case DwarfType.ATE_BOOLEAN:
                        return raw == 0 ? "false" : "true";
                    case DwarfType.ATE_SIGNED_CHAR:
                        return signed + " " + charLiteral((int) raw);
                    case DwarfType.ATE_UNSIGNED_CHAR:
                        return raw + " " + charLiteral((int) raw);
                    case DwarfType.ATE_SIGNED:
                        return Long.toString(signed);
                    default:
                        return Long.toUnsignedString(raw);
                }
            }
            default -> {
                return "0x" + Long.toHexString(raw);
            }
        }
    }

    private static boolean isChar(DwarfType t) {
        return t.kind() == DwarfType.Kind.BASE && t.size() == 1 && (t.encoding() == DwarfType.ATE_SIGNED_CHAR
                || t.encoding() == DwarfType.ATE_UNSIGNED_CHAR);
    }

    /** {@code 'A'}, {@code '\n'}, {@code '\377'} as C writes characters. */
    private static String charLiteral(int c) {
        return "'" + escaped(c & 0xFF, '\'') + "'";
    }

    /** {@code "text"} up to the first NUL ({@code ...} after it when cut short while {@code toNul}). */
    private static String quoted(byte[] bytes, boolean toNul) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(c -> b.append(c < 0x80 ? escaped(c, '"') : new String(Character.toChars(c))));
        b.append('"');
        if (toNul && end == bytes.length && bytes.length > 0) {
            b.append("...");
        }
        return b.toString();
    }

    private static String escaped(int c, char quote) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 0 -> "\\000";
            case '\\' -> "\\\\";
            default -> c == quote ? "\\" + quote : c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                    : String.format("\\%03o", c);
        };
    }
}
