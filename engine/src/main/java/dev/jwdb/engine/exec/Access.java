package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.ValType;

/**
 * A watched access that paused execution, right after it happened.
 *
 * @param instruction the accessing instruction's index in its function body; -1 for an access made by a host
 *                    function, whose call is the instruction before the pc where the frame paused
 * @param global      the global written, or -1 for a memory access
 * @param address     where {@code before} and {@code after} start in memory
 * @param write       false for a read
 * @param before      the bytes from {@code address} before the access (for a global, its bits, little-endian)
 * @param after       the same bytes after it; for a read, the bytes read (equal to {@code before})
 * @param range       whether these bytes are only part of what the access covered: memory.fill, memory.copy,
 *                    memory.init and host functions reach a whole range, of which only the bytes inside the span of
 *                    watched bytes are kept (for a host function, which may write several ranges, {@code before} is
 *                    exact for the watched bytes only); false for a load, a store or a global.set, which covered
 *                    exactly them
 * @param host        the name of the host function that made the access, or null
 */
public record Access(int instruction, int global, long address, boolean write, byte[] before, byte[] after,
                     boolean range, String host) {

    /**
     * A global.set of global {@code global}, of type {@code type}, that changed its bits from {@code oldBits} to
     * {@code newBits} (a v128's high halves after them: 16 bytes for a v128, 8 for the others).
     */
    static Access ofGlobal(int instruction, int global, ValType type, long oldBits, long oldHigh, long newBits,
                           long newHigh) {
        boolean v128 = type == ValType.V128;
        return new Access(instruction, global, 0, true, littleEndian(oldBits, oldHigh, v128),
                littleEndian(newBits, newHigh, v128), false, null);
    }

    /** A memory access by an instruction: {@code before} and {@code after} start at {@code address}. */
    static Access ofMemory(int instruction, long address, boolean write, byte[] before, byte[] after, boolean range) {
        return new Access(instruction, -1, address, write, before, after, range, null);
    }

    /**
     * An access by host function {@code host}, during its call: of the bytes it wrote (or read), those inside the
     * watched span, from {@code address}.
     */
    public static Access byHost(String host, long address, boolean write, byte[] before, byte[] after) {
        return new Access(-1, -1, address, write, before, after, true, host);
    }

    /** The bytes of memory between {@code address} and {@code address + before().length}, or 8 for a global. */
    public int width() {
        return before.length;
    }

    /** The first (up to) 8 bytes before the access, as an unsigned little-endian number. */
    public long oldBits() {
        return bits(before);
    }

    /** The first (up to) 8 bytes after the access, as an unsigned little-endian number. */
    public long newBits() {
        return bits(after);
    }

    private static long bits(byte[] b) {
        long v = 0;
        for (int i = Math.min(8, b.length) - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** The bytes after the first 8 (a v128's high half), as an unsigned little-endian number; 0 when none. */
    public long oldHighBits() {
        return before.length > 8 ? bits(java.util.Arrays.copyOfRange(before, 8, 16)) : 0;
    }

    /** The same of the bytes after the access. */
    public long newHighBits() {
        return after.length > 8 ? bits(java.util.Arrays.copyOfRange(after, 8, 16)) : 0;
    }

    private static byte[] littleEndian(long bits, long high, boolean sixteen) {
        byte[] b = new byte[sixteen ? 16 : 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i < 8 ? bits : high) >>> (8 * (i % 8)));
        }
        return b;
    }
}
