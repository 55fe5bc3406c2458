package dev.jwdb.engine.wasi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** A guest memory backed by a Java byte array; for tests and for hosts that own their memory. */
public final class HeapGuestMemory implements GuestMemory {
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;

    public HeapGuestMemory(int size) {
        this.bytes = new byte[size];
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int readU8(long address) {
        return bytes[(int) address] & 0xFF;
    }

    @Override
    public void writeU8(long address, int value) {
        bytes[(int) address] = (byte) value;
    }

    @Override
    public int readI32(long address) {
        return (int) I32.get(bytes, (int) address);
    }

    @Override
    public void writeI32(long address, int value) {
        I32.set(bytes, (int) address, value);
    }

    @Override
    public long readI64(long address) {
        return (long) I64.get(bytes, (int) address);
    }

    @Override
    public void writeI64(long address, long value) {
        I64.set(bytes, (int) address, value);
    }

    @Override
    public void read(long address, byte[] target, int offset, int length) {
        System.arraycopy(bytes, (int) address, target, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, bytes, (int) address, length);
    }
}
