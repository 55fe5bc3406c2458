package dev.jwdb.debugger.dwarf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian DWARF data written by hand, for tests. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    Bytes u16(int v) {
        return u8(v & 0xFF, v >>> 8 & 0xFF);
    }

    Bytes u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> 8 * i) & 0xFF);
        }
        return this;
    }

    Bytes u64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> 8 * i) & 0xFF);
        }
        return this;
    }

    Bytes uleb(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    Bytes sleb(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            if (v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0) {
                out.write(b);
                return this;
            }
            out.write(b | 0x80);
        }
    }

    Bytes cstring(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    Bytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
