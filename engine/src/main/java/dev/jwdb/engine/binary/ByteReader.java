package dev.jwdb.engine.binary;

import dev.jwdb.engine.MalformedException;

/**
 * A cursor over the whole module's bytes. Reads are not confined to the current section: like the spec's reference
 * decoder, a section that runs past its declared size is only caught by the size check when the section ends, which
 * is what decides between "section size mismatch", "END opcode expected" and "illegal opcode" in the spec tests.
 */
final class ByteReader {
    static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    int length() {
        return bytes.length;
    }

    boolean atEnd() {
        return position >= bytes.length;
    }

    /** The next byte without consuming it, or -1 at the end of the module. */
    int peek() {
        return atEnd() ? -1 : bytes[position] & 0xFF;
    }

    int u8() {
        if (atEnd()) {
            throw error(UNEXPECTED_END, bytes.length);
        }
        return bytes[position++] & 0xFF;
    }

    /** Four raw little-endian bytes, as in f32 constants. */
    int fixed32() {
        int b0 = u8();
        int b1 = u8();
        int b2 = u8();
        int b3 = u8();
        return b0 | b1 << 8 | b2 << 16 | b3 << 24;
    }

    long fixed64() {
        long low = fixed32() & 0xFFFFFFFFL;
        long high = fixed32() & 0xFFFFFFFFL;
        return low | high << 32;
    }

    /** An unsigned LEB128 u32; values of 2^31 and above come back as negative ints (the bits are what matter). */
    int u32() {
        return (int) unsigned(32);
    }

    int s32() {
        return (int) signed(32);
    }

    long s33() {
        return signed(33);
    }

    long s64() {
        return signed(64);
    }

    /**
     * An unsigned LEB128 number of at most {@code bits} bits. Padding bytes are allowed up to the maximum length;
     * the last permitted byte must not carry bits beyond {@code bits}.
     */
    long unsigned(int bits) {
        long result = 0;
        int shift = 0;
        for (int remaining = bits; ; remaining -= 7) {
            if (remaining <= 0) {
                throw error("integer representation too long", position);
            }
            int b = u8();
            if (remaining < 7 && (b & 0x7F) >= 1 << remaining) {
                throw error("integer too large", position - 1);
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** A signed LEB128 number of at most {@code bits} bits; unused bits of the last byte must copy the sign bit. */
    long signed(int bits) {
        long result = 0;
        int shift = 0;
        for (int remaining = bits; ; remaining -= 7) {
            if (remaining <= 0) {
                throw error("integer representation too long", position);
            }
            int b = u8();
            if (remaining < 7) {
                int unused = (-1 << (remaining - 1)) & 0x7F;
                int actual = b & unused;
                if (actual != 0 && actual != unused) {
                    throw error("integer too large", position - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
    }

    /**
     * A u32 that counts bytes or vector entries. Every entry takes at least one byte, so a count larger than what is
     * left of the module is refused here, before anyone allocates for it.
     */
    int count() {
        int start = position;
        long n = unsigned(32);
        if (n > bytes.length - start) {
            throw error("length out of bounds", start);
        }
        return (int) n;
    }

    byte[] bytes(int n) {
        require(n);
        byte[] out = new byte[n];
        System.arraycopy(bytes, position, out, 0, n);
        position += n;
        return out;
    }

    void skip(int n) {
        require(n);
        position += n;
    }

    private void require(int n) {
        if (n < 0 || n > bytes.length - position) {
            throw error(UNEXPECTED_END, bytes.length);
        }
    }

    /** A length-prefixed name, which must be well-formed UTF-8. */
    String name() {
        int start = position;
        byte[] raw = bytes(count());
        if (!Utf8.isWellFormed(raw)) {
            throw error("malformed UTF-8 encoding", start);
        }
        return Utf8.decode(raw);
    }

    MalformedException error(String message, int at) {
        return new MalformedException(message, at);
    }
}
