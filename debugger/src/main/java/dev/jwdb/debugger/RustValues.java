package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfException;
import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of Rust types shown as Rust's {@code {:?}} shows them, since that is how a Rust programmer reads them:
 * {@code "hello"} for a {@code &str} or a {@code String}, {@code [52, 1, 78]} for a slice or a {@code Vec},
 * {@code Word { text: "hello", score: 52 }} for a structure, {@code Low(1)} and {@code High { score: 78 }} for an
 * enum's variant, {@code (1, 2)} for a tuple, {@code 'a'} for a {@code char}. A reference shows what it refers to
 * after a {@code &} ({@code &"hello"}); a raw pointer shows its address, and so does a trait object
 * ({@code &dyn Write at 0x...}). A type this does not know (a {@code HashMap}, an {@code Rc}) shows as the
 * structure rustc describes, field by field.
 */
final class RustValues {
    /** Elements of a slice or Vec, and bytes of a string, shown before {@code ...}. */
    static final int SHOWN_ELEMENTS = 20;
    static final int SHOWN_BYTES = 200;
    /** Values nested deeper than this show as {@code ..}. */
    private static final int SHOWN_DEPTH = 5;
    /** Values (fields, elements) one variable shows at most, however its types nest: the rest are {@code ..}. */
    private static final int SHOWN_VALUES = 1000;

    /** What the formatter reads: linear memory, and the value of a place that is not in memory. */
    interface Memory {
        byte[] bytes(long address, int size) throws DwarfException;

        long slot(DwarfExpression.Place place) throws DwarfException;
    }

    private final Memory memory;
    /** What is left of {@link #SHOWN_VALUES} for the value being shown. */
    private int left;

    RustValues(Memory memory) {
        this.memory = memory;
    }

    /** The value at {@code place} shown by Rust type {@code type}. */
    String format(DwarfType type, DwarfExpression.Place place) throws DwarfException {
        left = SHOWN_VALUES;
        return format(type, place, 0);
    }

    private String format(DwarfType type, DwarfExpression.Place place, int depth) throws DwarfException {
        DwarfType t = type.stripped();
        if (!(place instanceof DwarfExpression.Place.Memory at)) {
            return scalar(t, memory.slot(place), depth);
        }
        long address = at.address();
        switch (t.kind()) {
            case STRUCT, UNION -> {
                return aggregate(t, address, depth);
            }
            case ARRAY -> {
                if (depth >= SHOWN_DEPTH) {
                    return "[..]";
                }
                long count = t.counts().isEmpty() ? -1 : t.counts().get(0);
                if (count < 0 || t.counts().size() > 1) {
                    return "<array at 0x" + Long.toHexString(address) + ">";
                }
                return sequence(t.target(), address, count, depth);
            }
            case VOID, FUNCTION, UNKNOWN -> {
                return "<no value of type " + t + ">";
            }
            default -> {
                long size = t.size();
                if (size == 16 && t.kind() == DwarfType.Kind.BASE) {
                    return wide(t, memory.bytes(address, 16));
                }
                if (size > 8 || size < 0) {
                    return "<" + size + "-byte " + t + ">";
                }
                return scalar(t, size == 0 ? 0 : little(memory.bytes(address, (int) size)), depth);
            }
        }
    }

    private String aggregate(DwarfType t, long address, int depth) throws DwarfException {
        String name = t.name() == null ? "" : t.name();
        String path = t.rust() == null ? name : t.rust().path();
        if (depth >= SHOWN_DEPTH) {
            return "..";
        }
        if (t.rust() != null && t.rust().variants() != null) {
            return variant(t, address, depth);
        }
        DwarfType.Member data = member(t, "data_ptr");
        DwarfType.Member length = member(t, "length");
        if (data != null && length != null && t.members().size() == 2 && name.startsWith("&")) {
            long pointer = word(t, data, address);
            long count = word(t, length, address);
            if (name.equals("&str") || name.equals("&mut str")) {
                return string(pointer, count);
            }
            if (name.startsWith("&[") || name.startsWith("&mut [")) {
                return sequence(type(data).stripped().target(), pointer, count, depth);
            }
        }
        DwarfType.Member pointer = member(t, "pointer");
        if (pointer != null && member(t, "vtable") != null && name.contains("dyn ")) {
            // a trait object: what it points to has no type DWARF can name here
            return name + " at 0x" + Long.toHexString(word(t, pointer, address));
        }
        if (path.equals("alloc::string::String")) {
            DwarfType.Member vec = member(t, "vec");
            if (vec != null) {
                long[] parts = vec(type(vec).stripped(), address + vec.offset());
                if (parts != null) {
                    return string(parts[0], parts[1]);
                }
            }
        }
        if (path.startsWith("alloc::vec::Vec<") && t.rust().typeParameter("T") != null) {
            long[] parts = vec(t, address);
            if (parts != null) {
                return sequence(t.rust().typeParameter("T"), parts[0], parts[1], depth);
            }
        }
        return fields(shortName(name), t, address, depth);
    }

    /** A Vec's data pointer and length: {@code buf.ptr...pointer} (the first pointer down its buffer) and {@code len}. */
    private long[] vec(DwarfType t, long address) throws DwarfException {
        DwarfType.Member buf = member(t, "buf");
        DwarfType.Member len = member(t, "len");
        if (buf == null || len == null) {
            return null;
        }
        DwarfType at = type(buf).stripped();
        long offset = buf.offset();
        for (int depth = 0; depth < 8 && at.kind() == DwarfType.Kind.STRUCT && !at.members().isEmpty(); depth++) {
            DwarfType.Member next = member(at, "ptr");
            if (next == null) {
                next = member(at, "inner"); // RawVec { inner: RawVecInner { ptr, .. } } in later versions
            }
            if (next == null) {
                next = at.members().get(0); // Unique { pointer: NonNull { pointer: *const T } }
            }
            offset += next.offset();
            at = type(next).stripped();
        }
        if (at.kind() != DwarfType.Kind.POINTER) {
            return null;
        }
        return new long[] {little(memory.bytes(address + offset, (int) at.size())), word(t, len, address)};
    }

    /** An enum's value: its variant, chosen by the discriminant, with the variant's fields. */
    private String variant(DwarfType t, long address, int depth) throws DwarfException {
        DwarfType.Variants variants = t.rust().variants();
        long value = 0;
        int size = 0;
        DwarfType.Member discriminant = variants.discriminant();
        if (discriminant != null) {
            size = (int) Math.min(8, type(discriminant).size());
            value = little(memory.bytes(address + discriminant.offset(), size));
        }
        DwarfType.Variant v = variants.of(value, size);
        if (v == null) {
            return "<" + shortName(t.name()) + " with no variant for discriminant " + value + ">";
        }
        DwarfType data = type(v.member()).stripped();
        String name = v.member().name() == null ? "?" : v.member().name();
        return fields(name, data, address + v.member().offset(), depth);
    }

    /** A structure by its fields: {@code Name { a: 1 }}, {@code Name(1, 2)}, {@code (1, 2)}, or {@code Name}. */
    private String fields(String name, DwarfType t, long address, int depth) throws DwarfException {
        List<DwarfType.Member> members = t.members();
        if (members.isEmpty()) {
            return name;
        }
        boolean tuple = true;
        for (int i = 0; i < members.size(); i++) {
            if (!("__" + i).equals(members.get(i).name())) {
                tuple = false;
            }
        }
        List<String> parts = new ArrayList<>();
        for (DwarfType.Member m : members) {
            String value = m.bitSize() != 0 ? "<bit field>" : shown(type(m), address + m.offset(), depth + 1);
            parts.add(tuple ? value : (m.name() == null ? "?" : m.name()) + ": " + value);
        }
        String inside = String.join(", ", parts);
        if (tuple) {
            return (name.startsWith("(") ? "" : name) + "(" + inside + (name.startsWith("(") && parts.size() == 1
                    ? ",)" : ")");
        }
        return name + " { " + inside + " }";
    }

    /** A value in memory, or why it cannot be read, so that one bad field does not hide the others. */
    private String shown(DwarfType type, long address, int depth) {
        if (--left < 0) {
            return "..";
        }
        try {
            return format(type, new DwarfExpression.Place.Memory(address), depth);
        } catch (DwarfException | RuntimeException e) {
            return "<unreadable at 0x" + Long.toHexString(address) + ">";
        }
    }

    /** {@code [a, b, c]}: {@code count} elements of {@code element} from {@code address}. */
    private String sequence(DwarfType element, long address, long count, int depth) throws DwarfException {
        if (depth >= SHOWN_DEPTH) {
            return "[..]";
        }
        if (count < 0 || count > Integer.MAX_VALUE) {
            return "<" + Long.toUnsignedString(count) + " elements at 0x" + Long.toHexString(address) + ">";
        }
        long stride = element.size();
        List<String> parts = new ArrayList<>();
        for (long i = 0; i < count && i < SHOWN_ELEMENTS; i++) {
            if (left <= 0) {
                parts.add("..");
                break;
            }
            parts.add(shown(element, address + i * stride, depth + 1));
        }
        if (count > SHOWN_ELEMENTS) {
            parts.add("... (" + count + " in all)");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** {@code "text"}: {@code length} bytes of UTF-8 from {@code address}, escaped as Rust's {@code {:?}} does. */
    private String string(long address, long length) throws DwarfException {
        if (length < 0 || length > Integer.MAX_VALUE) {
            return "<a string of " + Long.toUnsignedString(length) + " bytes at 0x" + Long.toHexString(address)
                    + ">";
        }
        int shown = (int) Math.min(length, SHOWN_BYTES);
        byte[] bytes;
        try {
            bytes = memory.bytes(address, shown);
        } catch (DwarfException e) {
            return "<a string of " + length + " bytes at 0x" + Long.toHexString(address) + ", unreadable>";
        }
        if (shown < length && shown > 0) { // do not cut the last character in two
            int lead = shown - 1;
            while (lead > 0 && (bytes[lead] & 0xC0) == 0x80) {
                lead--;
            }
            int b = bytes[lead] & 0xFF;
            int needs = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            if (lead + needs > shown) {
                shown = lead;
            }
        }
        StringBuilder b = new StringBuilder("\"");
        String text = utf8(bytes, shown);
        if (text == null) {
            return "<" + length + " bytes at 0x" + Long.toHexString(address) + " that are not UTF-8>";
        }
        text.codePoints().forEach(c -> b.append(escaped(c, '"')));
        b.append('"');
        if (shown < length) {
            b.append("... (").append(length).append(" bytes)");
        }
        return b.toString();
    }

    private static String utf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A scalar (integer, bool, char, float, pointer, C-like enum) from its bits. */
    private String scalar(DwarfType t, long bits, int depth) throws DwarfException {
        long size = Math.max(0, Math.min(t.size(), 8));
        long raw = size == 8 ? bits : size == 0 ? 0 : bits & (1L << 8 * size) - 1;
        switch (t.kind()) {
            case POINTER -> {
                String name = t.name() == null ? "" : t.name();
                DwarfType target = t.target().stripped();
                boolean reference = name.startsWith("&");
                if (!reference || raw == 0 || depth >= SHOWN_DEPTH || target.kind() == DwarfType.Kind.VOID
                        || target.kind() == DwarfType.Kind.UNKNOWN || target.kind() == DwarfType.Kind.FUNCTION) {
                    return "0x" + Long.toHexString(raw);
                }
                String prefix = name.startsWith("&mut ") ? "&mut " : "&";
                try {
                    return prefix + format(target, new DwarfExpression.Place.Memory(raw), depth + 1);
                } catch (DwarfException | RuntimeException e) {
                    return "0x" + Long.toHexString(raw) + " <unreadable>";
                }
            }
            case ENUM -> {
                String name = t.enumerators().get(raw);
                return name != null ? name : shortName(t.name()) + "(" + raw + ")";
            }
            case BASE -> {
                if (size == 0) {
                    return "()";
                }
                long signed = size == 8 ? raw : raw << (64 - 8 * size) >> (64 - 8 * size);
                switch (t.encoding()) {
                    case DwarfType.ATE_BOOLEAN:
                        return raw == 0 ? "false" : raw == 1 ? "true" : "<invalid bool " + raw + ">";
                    case DwarfType.ATE_UTF:
                        return charLiteral(raw);
                    case DwarfType.ATE_FLOAT:
                        return size == 4 ? floating(Float.intBitsToFloat((int) raw))
                                : size == 8 ? floating(Double.longBitsToDouble(raw)) : "<float>";
                    case DwarfType.ATE_SIGNED:
                    case DwarfType.ATE_SIGNED_CHAR:
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

    /** A 16-byte integer ({@code u128}, {@code i128}) from its little-endian bytes. */
    private static String wide(DwarfType t, byte[] bytes) {
        byte[] big = new byte[17];
        for (int i = 0; i < 16; i++) {
            big[16 - i] = bytes[i];
        }
        BigInteger n = new BigInteger(big);
        if (t.encoding() == DwarfType.ATE_SIGNED && n.testBit(127)) {
            n = n.subtract(BigInteger.ONE.shiftLeft(128));
        }
        return n.toString();
    }

    /** As Rust writes a float: {@code 1.5}, {@code 3.0}, {@code 1e20}, {@code NaN}, {@code inf}. */
    private static String floating(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    private static String floating(float f) {
        return Float.isNaN(f) || Float.isInfinite(f) ? floating((double) f) : floating(Double.parseDouble(
                Float.toString(f)));
    }

    /** {@code 'a'}, {@code '\n'}, a control character by its code point; an invalid one is said to be. */
    private static String charLiteral(long c) {
        if (c > Character.MAX_CODE_POINT || c >= 0xD800 && c <= 0xDFFF) {
            return "<invalid char 0x" + Long.toHexString(c) + ">";
        }
        return "'" + escaped((int) c, '\'') + "'";
    }

    /** A character as Rust's {@code {:?}} escapes it inside {@code quote}s. */
    private static String escaped(int c, char quote) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 0 -> "\\0";
            case '\\' -> "\\\\";
            default -> c == quote ? "\\" + quote : Character.isISOControl(c) ? "\\u{" + Integer.toHexString(c) + "}"
                    : new String(Character.toChars(c));
        };
    }

    /** A type's name without its parameters, as {@code {:?}} writes a structure: {@code Iter}, not {@code Iter<u32>}. */
    private static String shortName(String name) {
        if (name == null) {
            return "?";
        }
        int open = name.indexOf('<');
        return open > 0 ? name.substring(0, open) : name;
    }

    private static DwarfType.Member member(DwarfType t, String name) {
        for (DwarfType.Member m : t.members()) {
            if (name.equals(m.name())) {
                return m;
            }
        }
        return null;
    }

    private static DwarfType type(DwarfType.Member m) {
        DwarfType t = m.type() == null ? null : m.type().get();
        return t == null ? DwarfType.VOID : t;
    }

    /** A member that is a machine word (a pointer, a length), read unsigned. */
    private long word(DwarfType t, DwarfType.Member m, long address) throws DwarfException {
        long size = type(m).size();
        if (size < 1 || size > 8) {
            throw new DwarfException("member " + m.name() + " of " + t + " is " + size + " bytes");
        }
        return little(memory.bytes(address + m.offset(), (int) size));
    }

    /** A little-endian unsigned number of up to 8 bytes. */
    private static long little(byte[] b) {
        long v = 0;
        for (int i = Math.min(b.length, 8) - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }
}
