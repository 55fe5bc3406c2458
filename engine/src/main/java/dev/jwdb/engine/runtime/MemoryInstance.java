package dev.jwdb.engine.runtime;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A linear memory. The bytes live in one Java array, replaced when the memory grows, so code that caches the array
 * must fetch it again after anything that may grow the memory.
 */
public final class MemoryInstance implements ExternVal {
    public static final int PAGE_SIZE = 65536;
    public static final String OUT_OF_BOUNDS = "out of bounds memory access";

    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long declaredMax;
    private final long maxPages;
    private byte[] bytes;

    /** A memory of the type's minimum size, allowed to grow up to its maximum and {@code limits}. */
    public MemoryInstance(MemoryType type, StoreLimits limits) {
        Limits l = type.limits();
        this.declaredMax = l.max();
        this.maxPages = l.hasMax() ? Math.min(l.max(), limits.maxMemoryPages()) : limits.maxMemoryPages();
        if (l.min() > maxPages) {
            throw new ExhaustionException(
                    "memory size " + l.min() + " pages exceeds the limit of " + maxPages + " pages");
        }
        this.bytes = allocate(l.min());
    }

    public MemoryInstance(MemoryType type) {
        this(type, StoreLimits.DEFAULT);
    }

    private static byte[] allocate(long pages) {
        try {
            return new byte[Math.toIntExact(pages * PAGE_SIZE)];
        } catch (OutOfMemoryError e) {
            throw new ExhaustionException("out of memory allocating " + pages + " pages");
        }
    }

    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }

    /** The current type: the minimum is the current size, as import matching requires. */
    public MemoryType type() {
        return new MemoryType(new Limits(pages(), declaredMax));
    }

    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    /** Grows by {@code delta} pages (an unsigned i32); returns the old size in pages, or -1 when it cannot. */
    public int grow(int delta) {
        int old = pages();
        long wanted = old + Integer.toUnsignedLong(delta);
        if (wanted > maxPages) {
            return -1;
        }
        if (delta != 0) {
            try {
                bytes = Arrays.copyOf(bytes, (int) (wanted * PAGE_SIZE));
            } catch (OutOfMemoryError e) {
                return -1;
            }
        }
        return old;
    }

    /** Engine internal: the live byte array (replaced on growth). */
    public byte[] bytes() {
        return bytes;
    }

    public byte readByte(long address) {
        check(address, 1);
        return bytes[(int) address];
    }

    public void writeByte(long address, byte value) {
        check(address, 1);
        bytes[(int) address] = value;
    }

    public int readI32(long address) {
        check(address, 4);
        return (int) I32.get(bytes, (int) address);
    }

    public void writeI32(long address, int value) {
        check(address, 4);
        I32.set(bytes, (int) address, value);
    }

    public long readI64(long address) {
        check(address, 8);
        return (long) I64.get(bytes, (int) address);
    }

    public void writeI64(long address, long value) {
        check(address, 8);
        I64.set(bytes, (int) address, value);
    }

    public byte[] read(long address, int length) {
        check(address, length);
        return Arrays.copyOfRange(bytes, (int) address, (int) address + length);
    }

    public void write(long address, byte[] data) {
        check(address, data.length);
        System.arraycopy(data, 0, bytes, (int) address, data.length);
    }

    private void check(long address, int length) {
        if (address < 0 || length < 0 || address + length > bytes.length) {
            throw new IndexOutOfBoundsException(OUT_OF_BOUNDS + ": " + length + " bytes at " + address
                    + " in a memory of " + bytes.length + " bytes");
        }
    }
}
