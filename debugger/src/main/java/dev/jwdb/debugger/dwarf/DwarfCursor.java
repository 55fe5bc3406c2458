package dev.jwdb.debugger.dwarf;

import java.nio.charset.StandardCharsets;

/**
 * Reads one DWARF section, little-endian as WebAssembly's DWARF is. Every read is bounds-checked against a limit
 * (the end of the section, or of the unit being read) and fails with a {@link DwarfException} naming the section
 * and offset, so that a truncated or corrupted section can never read past its data or loop on garbage.
 */
final class DwarfCursor {
    private final byte[] data;
    private final String section;
    private int position;
    private int limit;

    DwarfCursor(byte[] data, String section, int position) {
        this.data = data;
        this.section = section;
        this.position = position;
        this.limit = data.length;
    }

    String section() {
        return section;
    }

    int position() {
        return position;
    }

    void seek(long offset) throws DwarfException {
        if (offset < 0 || offset > limit) {
            throw error("offset 0x" + Long.toHexString(offset) + " is outside the section's " + limit + " bytes");
        }
        position = (int) offset;
    }

    int limit() {
        return limit;
    }

    /** Restricts reads to {@code end} (the end of a unit); returns the previous limit to restore. */
    int limitTo(long end) throws DwarfException {
        if (end < position || end > limit) {
            throw error("a length of " + (end - position) + " bytes runs past the end of the data (" + (limit
                    - position) + " bytes left)");
        }
        int previous = limit;
        limit = (int) end;
        return previous;
    }

    void restoreLimit(int previous) {
        limit = previous;
    }

    boolean atEnd() {
        return position >= limit;
    }

    int remaining() {
        return limit - position;
    }

    DwarfException error(String message) {
        return new DwarfException(section + " at 0x" + Integer.toHexString(position) + ": " + message);
    }

    private void need(long n) throws DwarfException {
        if (n > limit - position) {
            throw error("unexpected end of data (" + n + " bytes needed, " + (limit - position) + " left)");
        }
    }

    int u8() throws DwarfException {
        need(1);
        return data[position++] & 0xFF;
    }

    byte s8() throws DwarfException {
        need(1);
        return data[position++];
    }

    int u16() throws DwarfException {
        need(2);
        int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    int u24() throws DwarfException {
        need(3);
        int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8 | (data[position + 2] & 0xFF) << 16;
        position += 3;
        return v;
    }

    long u32() throws DwarfException {
        return littleEndian(4);
    }

    long u64() throws DwarfException {
        return littleEndian(8);
    }

    /** The next {@code bytes} bytes as an unsigned little-endian number. */
    private long littleEndian(int bytes) throws DwarfException {
        need(bytes);
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = v << 8 | (data[position + i] & 0xFF);
        }
        position += bytes;
        return v;
    }

    /** An unsigned value of {@code size} bytes (1, 2, 4 or 8): addresses and section offsets. */
    long unsigned(int size) throws DwarfException {
        return switch (size) {
            case 1 -> u8();
            case 2 -> u16();
            case 4 -> u32();
            case 8 -> u64();
            default -> throw error("unsupported size of " + size + " bytes");
        };
    }

    /**
     * An unsigned LEB128. Bits past the 64th are dropped, as other readers do; the encoding may be padded, but a
     * run of continuation bytes longer than any padding is refused rather than read to the end of the data.
     */
    long uleb() throws DwarfException {
        long result = 0;
        int shift = 0;
        for (int n = 0; ; n++) {
            if (n >= 16) {
                throw error("LEB128 number longer than 16 bytes");
            }
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    long sleb() throws DwarfException {
        long result = 0;
        int shift = 0;
        int b;
        int n = 0;
        do {
            if (n++ >= 16) {
                throw error("LEB128 number longer than 16 bytes");
            }
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7F) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A ULEB128 that must fit a non-negative int: counts and indices. */
    int ulebInt(String what) throws DwarfException {
        int at = position;
        long v = uleb();
        if (v < 0 || v > Integer.MAX_VALUE) {
            position = at;
            throw error(what + " " + Long.toUnsignedString(v) + " is too large");
        }
        return (int) v;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() throws DwarfException {
        int start = position;
        while (position < limit && data[position] != 0) {
            position++;
        }
        if (position >= limit) {
            position = start;
            throw error("string without its terminating NUL");
        }
        String s = new String(data, start, position - start, StandardCharsets.UTF_8);
        position++;
        return s;
    }

    void skip(long n) throws DwarfException {
        if (n < 0) {
            throw error("negative length " + n);
        }
        need(n);
        position += (int) n;
    }

    byte[] bytes(int n) throws DwarfException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    /** The NUL-terminated string at {@code offset} of {@code data} (a string section), without moving. */
    static String stringAt(byte[] data, String section, long offset) throws DwarfException {
        if (data == null) {
            throw new DwarfException("a string in " + section + " is referred to, but the module has no " + section);
        }
        if (offset < 0 || offset >= data.length) {
            throw new DwarfException(section + ": string offset 0x" + Long.toHexString(offset)
                    + " is outside the section's " + data.length + " bytes");
        }
        return new DwarfCursor(data, section, (int) offset).cstring();
    }

    /**
     * A unit's initial length: 32-bit DWARF, or 0xffffffff then a 64-bit length (64-bit DWARF). Returns the length;
     * {@link #offsetSize} tells which format it was.
     */
    long initialLength() throws DwarfException {
        long length = u32();
        if (length == 0xFFFF_FFFFL) {
            offsetSize = 8;
            return u64();
        }
        if (length >= 0xFFFF_FFF0L) {
            throw error("reserved unit length 0x" + Long.toHexString(length));
        }
        offsetSize = 4;
        return length;
    }

    /** 4 for 32-bit DWARF, 8 for 64-bit: the size of section offsets in the unit being read. */
    int offsetSize = 4;

    long offset() throws DwarfException {
        return unsigned(offsetSize);
    }
}
