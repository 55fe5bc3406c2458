package dev.jwdb.engine.wasi;

/**
 * The guest's linear memory as the WASI host sees it: little-endian, addressed by unsigned 32-bit offsets.
 *
 * <p>The host checks every access with {@link #contains} before making it, so implementations may assume the
 * range is valid; a guest pointer outside the memory becomes {@code EFAULT}, never a host exception.
 */
public interface GuestMemory {
    /** The current size in bytes. */
    long size();

    int readU8(long address);

    void writeU8(long address, int value);

    int readI32(long address);

    void writeI32(long address, int value);

    long readI64(long address);

    void writeI64(long address, long value);

    void read(long address, byte[] target, int offset, int length);

    void write(long address, byte[] source, int offset, int length);

    /** Whether the {@code length} bytes at {@code address} all lie inside the memory. */
    default boolean contains(long address, long length) {
        return address >= 0 && length >= 0 && address + length <= size();
    }
}
