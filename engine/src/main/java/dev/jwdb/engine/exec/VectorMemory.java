package dev.jwdb.engine.exec;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.runtime.MemoryInstance;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SIMD loads and stores. A v128 is two stack slots, low half (bytes 0-7 in memory order) below the high half.
 * Every access is bounds-checked as a whole before anything is read or written, so a trapping store changes
 * nothing.
 */
final class VectorMemory {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private VectorMemory() {
    }

    /**
     * Loads: the address is on top of the stack (under the vector for loadN_lane); {@code bytes} is how many bytes
     * the instruction reads. Returns the new sp.
     */
    static int load(Opcode op, int bytes, int offset, int lane, long[] stack, int sp, byte[] b) {
        int a;
        switch (op) {
            case V128_LOAD -> {
                a = address(stack[sp - 1], offset, 16, b);
                stack[sp - 1] = (long) I64.get(b, a);
                stack[sp] = (long) I64.get(b, a + 8);
                return sp + 1;
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                    V128_LOAD32X2_U -> {
                long v = (long) I64.get(b, address(stack[sp - 1], offset, 8, b));
                int fromBits = op == Opcode.V128_LOAD8X8_S || op == Opcode.V128_LOAD8X8_U ? 8
                        : op == Opcode.V128_LOAD16X4_S || op == Opcode.V128_LOAD16X4_U ? 16 : 32;
                boolean signed = VectorOpcodes.SIGNED[op.code()];
                stack[sp - 1] = LaneConversions.extend(fromBits, signed, v);
                stack[sp] = LaneConversions.extend(fromBits, signed, v >>> 32);
                return sp + 1;
            }
            case V128_LOAD8_SPLAT -> {
                long v = (b[address(stack[sp - 1], offset, 1, b)] & 0xFFL) * 0x0101_0101_0101_0101L;
                return push(stack, sp - 1, v, v);
            }
            case V128_LOAD16_SPLAT -> {
                long v = ((short) I16.get(b, address(stack[sp - 1], offset, 2, b)) & 0xFFFFL)
                        * 0x0001_0001_0001_0001L;
                return push(stack, sp - 1, v, v);
            }
            case V128_LOAD32_SPLAT -> {
                long v = ((int) I32.get(b, address(stack[sp - 1], offset, 4, b)) & 0xFFFF_FFFFL)
                        * 0x0000_0001_0000_0001L;
                return push(stack, sp - 1, v, v);
            }
            case V128_LOAD64_SPLAT -> {
                long v = (long) I64.get(b, address(stack[sp - 1], offset, 8, b));
                return push(stack, sp - 1, v, v);
            }
            case V128_LOAD32_ZERO -> {
                long v = (int) I32.get(b, address(stack[sp - 1], offset, 4, b)) & 0xFFFF_FFFFL;
                return push(stack, sp - 1, v, 0);
            }
            case V128_LOAD64_ZERO -> {
                long v = (long) I64.get(b, address(stack[sp - 1], offset, 8, b));
                return push(stack, sp - 1, v, 0);
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                a = address(stack[sp - 3], offset, bytes, b);
                long v = read(b, a, bytes);
                int bit = lane * bytes * 8;
                int half = sp - 2 + (bit >>> 6);
                long mask = IntLanes.mask(bytes * 8) << (bit & 63);
                stack[half] = (stack[half] & ~mask) | (v << (bit & 63) & mask);
                stack[sp - 3] = stack[sp - 2];
                stack[sp - 2] = stack[sp - 1];
                return sp - 1;
            }
            default -> throw new IllegalArgumentException(op.mnemonic() + " is not a vector load");
        }
    }

    /** Stores: the vector is on top of the stack, the address under it; returns the new sp. */
    static int store(Opcode op, int bytes, int offset, int lane, long[] stack, int sp, byte[] b) {
        long low = stack[sp - 2];
        long high = stack[sp - 1];
        long base = stack[sp - 3];
        if (op == Opcode.V128_STORE) {
            int a = address(base, offset, 16, b);
            I64.set(b, a, low);
            I64.set(b, a + 8, high);
            return sp - 3;
        }
        int a = address(base, offset, bytes, b);
        int bit = lane * bytes * 8;
        long v = (bit < 64 ? low : high) >>> (bit & 63);
        switch (bytes) {
            case 1 -> b[a] = (byte) v;
            case 2 -> I16.set(b, a, (short) v);
            case 4 -> I32.set(b, a, (int) v);
            default -> I64.set(b, a, v);
        }
        return sp - 3;
    }

    private static long read(byte[] b, int a, int bytes) {
        return switch (bytes) {
            case 1 -> b[a] & 0xFFL;
            case 2 -> (short) I16.get(b, a) & 0xFFFFL;
            case 4 -> (int) I32.get(b, a) & 0xFFFF_FFFFL;
            default -> (long) I64.get(b, a);
        };
    }

    private static int push(long[] stack, int at, long low, long high) {
        stack[at] = low;
        stack[at + 1] = high;
        return at + 2;
    }

    /** The effective address base + offset (both u32), checked to leave {@code width} bytes inside memory. */
    private static int address(long base, int offset, int width, byte[] bytes) {
        long ea = (base & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
        if (ea > bytes.length - width) {
            throw new TrapException(MemoryInstance.OUT_OF_BOUNDS);
        }
        return (int) ea;
    }
}
