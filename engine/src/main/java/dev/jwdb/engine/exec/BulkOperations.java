package dev.jwdb.engine.exec;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.TableInstance;

import java.util.Arrays;

/**
 * memory.init/copy/fill and table.init/copy/fill with the 2.0 semantics: every range is checked before anything is
 * written, so an out-of-bounds operation changes nothing. Operands are the raw i32 values (unsigned).
 */
public final class BulkOperations {
    private BulkOperations() {
    }

    public static void memoryInit(MemoryInstance memory, byte[] data, int d, int s, int n) {
        byte[] bytes = memory.bytes();
        if (outside(s, n, data.length) || outside(d, n, bytes.length)) {
            throw new TrapException(MemoryInstance.OUT_OF_BOUNDS);
        }
        System.arraycopy(data, s, bytes, d, n);
    }

    public static void memoryCopy(MemoryInstance memory, int d, int s, int n) {
        byte[] bytes = memory.bytes();
        if (outside(s, n, bytes.length) || outside(d, n, bytes.length)) {
            throw new TrapException(MemoryInstance.OUT_OF_BOUNDS);
        }
        System.arraycopy(bytes, s, bytes, d, n);
    }

    public static void memoryFill(MemoryInstance memory, int d, byte value, int n) {
        byte[] bytes = memory.bytes();
        if (outside(d, n, bytes.length)) {
            throw new TrapException(MemoryInstance.OUT_OF_BOUNDS);
        }
        Arrays.fill(bytes, d, d + n, value);
    }

    public static void tableInit(TableInstance table, long[] segment, int d, int s, int n) {
        long[] elements = table.elements();
        if (outside(s, n, segment.length) || outside(d, n, elements.length)) {
            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
        }
        System.arraycopy(segment, s, elements, d, n);
    }

    public static void tableCopy(TableInstance destination, TableInstance source, int d, int s, int n) {
        long[] to = destination.elements();
        long[] from = source.elements();
        if (outside(s, n, from.length) || outside(d, n, to.length)) {
            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
        }
        System.arraycopy(from, s, to, d, n);
    }

    public static void tableFill(TableInstance table, int i, long value, int n) {
        long[] elements = table.elements();
        if (outside(i, n, elements.length)) {
            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
        }
        Arrays.fill(elements, i, i + n, value);
    }

    /** Whether [start, start + n) with both read as unsigned i32 reaches past {@code length}. */
    private static boolean outside(int start, int n, int length) {
        return Integer.toUnsignedLong(start) + Integer.toUnsignedLong(n) > length;
    }
}
