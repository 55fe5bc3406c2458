package dev.jwdb.wat.encode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the binary format's primitive encodings, always in their shortest form. */
public final class ByteSink {
    private byte[] buffer = new byte[64];
    private int size;

    public ByteSink u8(int b) {
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[size++] = (byte) b;
        return this;
    }

    public ByteSink bytes(byte[] b) {
        if (size + b.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + b.length));
        }
        System.arraycopy(b, 0, buffer, size, b.length);
        size += b.length;
        return this;
    }

    /** An unsigned LEB128 number; an int argument is taken as the u32 with the same bits. */
    public ByteSink u32(long value) {
        long v = value & 0xFFFFFFFFL;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** A signed LEB128 number; s32, s33 and s64 share it, as a value's shortest form does not depend on the width. */
    public ByteSink signed(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    public ByteSink fixed32(int bits) {
        return u8(bits).u8(bits >>> 8).u8(bits >>> 16).u8(bits >>> 24);
    }

    public ByteSink fixed64(long bits) {
        return fixed32((int) bits).fixed32((int) (bits >>> 32));
    }

    public ByteSink name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).bytes(utf8);
    }

    /** Another sink's content preceded by its size, the framing of sections, bodies and subsections. */
    public ByteSink sized(ByteSink content) {
        return u32(content.size).bytes(content.toByteArray());
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
