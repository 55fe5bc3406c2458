package dev.jwdb.debugger;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.runtime.Value;

/**
 * What a memory watchpoint shows for an access that reached its bytes: the old and new value of some bytes from
 * {@code address}, and whether any watched byte changed (a write that changed none does not stop, as in gdb).
 *
 * <p>A load or store shows the bytes it accessed, as the value of its width (i32 up to 4 bytes, i64 for 8, v128 for
 * 16). A range access (memory.fill, memory.copy, memory.init, a WASI call) has no value of its own: it
 * shows the watched bytes, whatever part of them it reached, typed by their count the same way, so a watch of an
 * i32 shows the whole i32 before and after a memset that cleared one byte of it. A watch of more than 16 bytes shows
 * the 16 from the first it changed (or, unchanged, the first it reached).
 */
record WatchedChange(long address, Value oldValue, Value newValue, boolean changed) {
    /** The most bytes a value shows: a v128. */
    static final int MAX_SHOWN = 16;

    /**
     * The change {@code access} made to the bytes of the watch at {@code watched} of {@code length} bytes;
     * {@code memory} is as the access left it.
     */
    static WatchedChange of(Access access, long watched, int length, byte[] memory) {
        long from = Math.max(watched, access.address());
        long to = Math.min(watched + length, access.address() + access.width());
        long firstChanged = -1;
        for (long a = from; a < to && firstChanged < 0; a++) {
            int i = (int) (a - access.address());
            if (access.before()[i] != access.after()[i]) {
                firstChanged = a;
            }
        }
        boolean changed = firstChanged >= 0;
        if (!access.range()) {
            return new WatchedChange(access.address(), value(access.before()), value(access.after()), changed);
        }
        long start = watched;
        int count = length;
        if (length > MAX_SHOWN) {
            count = MAX_SHOWN;
            start = Math.min(changed ? firstChanged : from, watched + length - MAX_SHOWN);
        }
        byte[] now = new byte[count];
        byte[] old = new byte[count];
        for (int i = 0; i < count; i++) {
            long a = start + i;
            now[i] = a < memory.length ? memory[(int) a] : 0;
            long in = a - access.address();
            old[i] = in >= 0 && in < access.width() ? access.before()[(int) in] : now[i];
        }
        return new WatchedChange(start, value(old), value(now), changed);
    }

    /** Up to 16 little-endian bytes as the value of their width: i32 up to 4, i64 up to 8, else v128. */
    static Value value(byte[] bytes) {
        long low = bits(bytes, 0);
        if (bytes.length <= 4) {
            return Value.i32((int) low);
        }
        if (bytes.length <= 8) {
            return Value.i64(low);
        }
        return Value.v128(low, bits(bytes, 8));
    }

    private static long bits(byte[] bytes, int from) {
        long v = 0;
        for (int i = Math.min(bytes.length, from + 8) - 1; i >= from; i--) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }
}
