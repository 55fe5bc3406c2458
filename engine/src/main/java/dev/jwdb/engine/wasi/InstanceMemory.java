package dev.jwdb.engine.wasi;

import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;

/**
 * The memory a WASI guest exports as {@code memory}, seen by the host. It is bound after instantiation, because the
 * host functions must exist before the instance does; until then, and for a guest that exports no memory, it has
 * size 0, so every pointer the guest passes is {@code EFAULT}. The byte array is fetched on every access because
 * {@code memory.grow} replaces it.
 */
public final class InstanceMemory implements GuestMemory {
    /** The export name the WASI ABI reserves for the guest's linear memory. */
    public static final String EXPORT_NAME = "memory";

    private MemoryInstance memory;
    /** Told of each access during a call while a debugger watches memory; null otherwise. */
    private WatchedBytes watched;

    /** Binds to {@code instance}'s exported {@code memory}; returns whether it has one. */
    public boolean bind(Instance instance) {
        ExternVal export = instance.export(EXPORT_NAME);
        memory = export instanceof MemoryInstance m ? m : null;
        return memory != null;
    }

    /** Reports each access to {@code watched} from now on; null stops. */
    void watched(WatchedBytes watched) {
        this.watched = watched;
    }

    /** The bytes as they are now; only while bound. */
    byte[] bytes() {
        return memory.bytes();
    }

    private void reading(long address, int length) {
        if (watched != null) {
            watched.read(address, length);
        }
    }

    private void writing(long address, int length) {
        if (watched != null) {
            watched.beforeWrite(memory.bytes(), address, length);
        }
    }

    @Override
    public long size() {
        return memory == null ? 0 : memory.bytes().length;
    }

    @Override
    public int readU8(long address) {
        reading(address, 1);
        return memory.readByte(address) & 0xFF;
    }

    @Override
    public void writeU8(long address, int value) {
        writing(address, 1);
        memory.writeByte(address, (byte) value);
    }

    @Override
    public int readI32(long address) {
        reading(address, 4);
        return memory.readI32(address);
    }

    @Override
    public void writeI32(long address, int value) {
        writing(address, 4);
        memory.writeI32(address, value);
    }

    @Override
    public long readI64(long address) {
        reading(address, 8);
        return memory.readI64(address);
    }

    @Override
    public void writeI64(long address, long value) {
        writing(address, 8);
        memory.writeI64(address, value);
    }

    @Override
    public void read(long address, byte[] target, int offset, int length) {
        reading(address, length);
        System.arraycopy(memory.bytes(), (int) address, target, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        writing(address, length);
        System.arraycopy(source, offset, memory.bytes(), (int) address, length);
    }
}
