package dev.jwdb.debugger;

/**
 * One scalar read from linear memory.
 *
 * @param bits the little-endian bytes as read, zero-extended (signedness and float-ness are {@code format}'s)
 */
public record MemoryCell(long address, MemoryFormat format, long bits) {
    /** The value as a number in its format: {@code -1}, {@code 255}, {@code 1.5}. */
    public String text() {
        return switch (format) {
            case I8 -> Byte.toString((byte) bits);
            case U8 -> Integer.toString((int) bits & 0xFF);
            case I16 -> Short.toString((short) bits);
            case U16 -> Integer.toString((int) bits & 0xFFFF);
            case I32 -> Integer.toString((int) bits);
            case U32 -> Integer.toUnsignedString((int) bits);
            case I64 -> Long.toString(bits);
            case U64 -> Long.toUnsignedString(bits);
            case F32 -> Float.toString(Float.intBitsToFloat((int) bits));
            case F64 -> Double.toString(Double.longBitsToDouble(bits));
        };
    }
}
