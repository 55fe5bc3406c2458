package dev.jwdb.engine.wasi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to guest memory: every read and write is checked first and a bad pointer becomes
 * {@code EFAULT}. Pointers arrive as i32 slots and are taken as unsigned.
 */
final class Guest {
    /** Upper bound for one transfer, so that a guest cannot make the host allocate its whole memory at once. */
    static final int MAX_TRANSFER = 16 << 20;

    private final GuestMemory memory;

    Guest(GuestMemory memory) {
        this.memory = memory;
    }

    static long pointer(long slot) {
        return slot & 0xFFFFFFFFL;
    }

    static int u32Int(long slot) {
        return (int) slot;
    }

    void check(long address, long length) {
        if (length < 0 || !memory.contains(address, length)) {
            throw new ErrnoException(Errno.FAULT);
        }
    }

    int u8(long address) {
        check(address, 1);
        return memory.readU8(address);
    }

    int u16(long address) {
        check(address, 2);
        return memory.readU8(address) | memory.readU8(address + 1) << 8;
    }

    int i32(long address) {
        check(address, 4);
        return memory.readI32(address);
    }

    long u32(long address) {
        return i32(address) & 0xFFFFFFFFL;
    }

    long i64(long address) {
        check(address, 8);
        return memory.readI64(address);
    }

    void putU8(long address, int value) {
        check(address, 1);
        memory.writeU8(address, value);
    }

    void putU16(long address, int value) {
        check(address, 2);
        memory.writeU8(address, value & 0xFF);
        memory.writeU8(address + 1, (value >>> 8) & 0xFF);
    }

    void putI32(long address, int value) {
        check(address, 4);
        memory.writeI32(address, value);
    }

    void putI64(long address, long value) {
        check(address, 8);
        memory.writeI64(address, value);
    }

    byte[] bytes(long address, long length) {
        check(address, length);
        if (length > MAX_TRANSFER) {
            throw new ErrnoException(Errno.INVAL);
        }
        byte[] b = new byte[(int) length];
        memory.read(address, b, 0, b.length);
        return b;
    }

    void put(long address, byte[] bytes, int offset, int length) {
        check(address, length);
        memory.write(address, bytes, offset, length);
    }

    void put(long address, byte[] bytes) {
        put(address, bytes, 0, bytes.length);
    }

    /** A UTF-8 string; invalid UTF-8 is {@code EILSEQ}, as WASI paths must be valid Unicode. */
    String string(long address, long length) {
        byte[] b = bytes(address, length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ErrnoException(Errno.ILSEQ);
        }
    }

    /** A path argument: non-empty, without NUL. */
    String path(long address, long length) {
        String s = string(address, length);
        if (s.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.ILSEQ);
        }
        if (s.isEmpty()) {
            throw new ErrnoException(Errno.NOENT);
        }
        return s;
    }

    /** Reads an array of iovecs (buf u32, len u32), checking that every buffer lies in memory. */
    Iovecs iovecs(long address, long count) {
        if (count < 0 || count > 1024 * 1024) {
            throw new ErrnoException(Errno.INVAL);
        }
        check(address, count * 8);
        long[] bufs = new long[(int) count];
        long[] lens = new long[(int) count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            bufs[i] = u32(address + 8L * i);
            lens[i] = u32(address + 8L * i + 4);
            check(bufs[i], lens[i]);
            total += lens[i];
        }
        return new Iovecs(this, bufs, lens, total);
    }

    /** Scatter/gather buffers in guest memory. */
    record Iovecs(Guest guest, long[] bufs, long[] lens, long total) {
        /** The bytes of all buffers, up to {@link #MAX_TRANSFER}. */
        byte[] gather() {
            int size = (int) Math.min(total, MAX_TRANSFER);
            byte[] out = new byte[size];
            int at = 0;
            for (int i = 0; i < bufs.length && at < size; i++) {
                int n = (int) Math.min(lens[i], size - at);
                guest.memory.read(bufs[i], out, at, n);
                at += n;
            }
            return out;
        }

        /** The capacity one transfer may fill. */
        int capacity() {
            return (int) Math.min(total, MAX_TRANSFER);
        }

        void scatter(byte[] data, int length) {
            int at = 0;
            for (int i = 0; i < bufs.length && at < length; i++) {
                int n = (int) Math.min(lens[i], length - at);
                guest.memory.write(bufs[i], data, at, n);
                at += n;
            }
        }
    }
}
