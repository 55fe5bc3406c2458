package dev.jwdb.engine.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hand-assembles binary modules for tests, as int arrays so that bytes can be written as 0x80 rather than casts. */
final class WasmBytes {
    private WasmBytes() {
    }

    static final int[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    static byte[] module(int[]... sections) {
        return toBytes(cat(HEADER, cat(sections)));
    }

    /** A section with its size computed; sizes under 128 take one byte, which all these tests need. */
    static int[] section(int id, int[]... content) {
        int[] body = cat(content);
        return cat(new int[] {id}, u32(body.length), body);
    }

    static int[] b(int... bytes) {
        return bytes;
    }

    static int[] u32(long value) {
        int[] out = new int[5];
        int n = 0;
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out[n++] = value != 0 ? b | 0x80 : b;
        } while (value != 0);
        return Arrays.copyOf(out, n);
    }

    static int[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            out[i] = utf8[i] & 0xFF;
        }
        return cat(u32(out.length), out);
    }

    static int[] cat(int[]... parts) {
        int total = 0;
        for (int[] p : parts) {
            total += p.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] toBytes(int[] ints) {
        byte[] out = new byte[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = (byte) ints[i];
        }
        return out;
    }
}
