package dev.jwdb.engine.exec;

import static dev.jwdb.engine.exec.LaneConversions.extend;
import static dev.jwdb.engine.exec.LaneConversions.extendedMultiply;
import static dev.jwdb.engine.exec.LaneConversions.extendedPairwiseAdd;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.Opcode;

/**
 * The v128 instructions that are not one scalar operation per lane and do not touch memory: constants, shuffles,
 * splats, lane access, bitwise operations, whole-vector tests and the width- and type-changing conversions. Operands
 * are on the stack as in {@link SimdInterpreter}: a vector's low half below its high half, the last operand on top.
 */
final class VectorInstructions {
    private VectorInstructions() {
    }

    /** {@code at} is the index of the first immediate word; returns the new stack pointer. */
    static int execute(int sub, int[] code, int at, long[] stack, int sp) {
        Opcode op = VectorOpcodes.OPCODE[sub];
        switch (op) {
            case V128_CONST -> {
                stack[sp] = pack(code[at], code[at + 1]);
                stack[sp + 1] = pack(code[at + 2], code[at + 3]);
                return sp + 2;
            }
            case I8X16_SHUFFLE -> {
                return shuffle(code, at, stack, sp);
            }
            case I8X16_SWIZZLE -> {
                return swizzle(stack, sp);
            }
            case I8X16_SPLAT -> {
                return splat(stack, sp, (stack[sp - 1] & 0xFFL) * 0x0101_0101_0101_0101L);
            }
            case I16X8_SPLAT -> {
                return splat(stack, sp, (stack[sp - 1] & 0xFFFFL) * 0x0001_0001_0001_0001L);
            }
            case I32X4_SPLAT, F32X4_SPLAT -> {
                return splat(stack, sp, (stack[sp - 1] & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L);
            }
            case I64X2_SPLAT, F64X2_SPLAT -> {
                return splat(stack, sp, stack[sp - 1]);
            }
            case I8X16_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_S -> {
                stack[sp - 2] = VectorOpcodes.SHAPE[sub].signedLane(stack[sp - 2], stack[sp - 1], code[at]);
                return sp - 1;
            }
            case I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_U, I32X4_EXTRACT_LANE, I64X2_EXTRACT_LANE,
                    F32X4_EXTRACT_LANE, F64X2_EXTRACT_LANE -> {
                stack[sp - 2] = VectorOpcodes.SHAPE[sub].lane(stack[sp - 2], stack[sp - 1], code[at]);
                return sp - 1;
            }
            case I8X16_REPLACE_LANE, I16X8_REPLACE_LANE, I32X4_REPLACE_LANE, I64X2_REPLACE_LANE,
                    F32X4_REPLACE_LANE, F64X2_REPLACE_LANE -> {
                int bits = VectorOpcodes.SHAPE[sub].laneBits();
                int bit = code[at] * bits;
                int half = sp - 3 + (bit >>> 6);
                long mask = IntLanes.mask(bits) << (bit & 63);
                stack[half] = (stack[half] & ~mask) | (stack[sp - 1] << (bit & 63) & mask);
                return sp - 1;
            }
            case V128_NOT -> {
                stack[sp - 2] = ~stack[sp - 2];
                stack[sp - 1] = ~stack[sp - 1];
                return sp;
            }
            case V128_AND, V128_ANDNOT, V128_OR, V128_XOR -> {
                stack[sp - 4] = bitwise(op, stack[sp - 4], stack[sp - 2]);
                stack[sp - 3] = bitwise(op, stack[sp - 3], stack[sp - 1]);
                return sp - 2;
            }
            case V128_BITSELECT -> {
                // bits of the first operand where the mask is 1, of the second where it is 0
                for (int i = 0; i < 2; i++) {
                    long mask = stack[sp - 2 + i];
                    stack[sp - 6 + i] = (stack[sp - 6 + i] & mask) | (stack[sp - 4 + i] & ~mask);
                }
                return sp - 4;
            }
            case V128_ANY_TRUE -> {
                return test(stack, sp, (stack[sp - 2] | stack[sp - 1]) != 0 ? 1 : 0);
            }
            case I8X16_ALL_TRUE, I16X8_ALL_TRUE, I32X4_ALL_TRUE, I64X2_ALL_TRUE -> {
                return test(stack, sp, allTrue(VectorOpcodes.SHAPE[sub], stack[sp - 2], stack[sp - 1]));
            }
            case I8X16_BITMASK, I16X8_BITMASK, I32X4_BITMASK, I64X2_BITMASK -> {
                return test(stack, sp, bitmask(VectorOpcodes.SHAPE[sub], stack[sp - 2], stack[sp - 1]));
            }
            default -> {
                return convert(op, sub, stack, sp);
            }
        }
    }

    /** The instructions that change lane width or lane type. */
    private static int convert(Opcode op, int sub, long[] stack, int sp) {
        // the vector on top: the only operand, or the second one
        long a0 = stack[sp - 2];
        long a1 = stack[sp - 1];
        switch (op) {
            case I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U, I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U -> {
                int fromBits = op == Opcode.I8X16_NARROW_I16X8_S || op == Opcode.I8X16_NARROW_I16X8_U ? 16 : 32;
                boolean unsigned = !VectorOpcodes.SIGNED[sub];
                stack[sp - 4] = LaneConversions.narrow(fromBits, unsigned, stack[sp - 4], stack[sp - 3]);
                stack[sp - 3] = LaneConversions.narrow(fromBits, unsigned, a0, a1);
                return sp - 2;
            }
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S, I16X8_EXTEND_LOW_I8X16_U,
                    I16X8_EXTEND_HIGH_I8X16_U, I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S,
                    I32X4_EXTEND_LOW_I16X8_U, I32X4_EXTEND_HIGH_I16X8_U, I64X2_EXTEND_LOW_I32X4_S,
                    I64X2_EXTEND_HIGH_I32X4_S, I64X2_EXTEND_LOW_I32X4_U, I64X2_EXTEND_HIGH_I32X4_U -> {
                int fromBits = VectorOpcodes.SHAPE[sub].laneBits() / 2;
                boolean signed = VectorOpcodes.SIGNED[sub];
                long half = VectorOpcodes.HIGH[sub] ? a1 : a0;
                stack[sp - 2] = extend(fromBits, signed, half);
                stack[sp - 1] = extend(fromBits, signed, half >>> 32);
                return sp;
            }
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S, I16X8_EXTMUL_LOW_I8X16_U,
                    I16X8_EXTMUL_HIGH_I8X16_U, I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S,
                    I32X4_EXTMUL_LOW_I16X8_U, I32X4_EXTMUL_HIGH_I16X8_U, I64X2_EXTMUL_LOW_I32X4_S,
                    I64X2_EXTMUL_HIGH_I32X4_S, I64X2_EXTMUL_LOW_I32X4_U, I64X2_EXTMUL_HIGH_I32X4_U -> {
                int fromBits = VectorOpcodes.SHAPE[sub].laneBits() / 2;
                boolean signed = VectorOpcodes.SIGNED[sub];
                boolean high = VectorOpcodes.HIGH[sub];
                long a = high ? stack[sp - 3] : stack[sp - 4];
                long b = high ? a1 : a0;
                stack[sp - 4] = extendedMultiply(fromBits, signed, a, b);
                stack[sp - 3] = extendedMultiply(fromBits, signed, a >>> 32, b >>> 32);
                return sp - 2;
            }
            case I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_EXTADD_PAIRWISE_I8X16_U, I32X4_EXTADD_PAIRWISE_I16X8_S,
                    I32X4_EXTADD_PAIRWISE_I16X8_U -> {
                int fromBits = VectorOpcodes.SHAPE[sub].laneBits() / 2;
                boolean signed = VectorOpcodes.SIGNED[sub];
                stack[sp - 2] = extendedPairwiseAdd(fromBits, signed, a0);
                stack[sp - 1] = extendedPairwiseAdd(fromBits, signed, a1);
                return sp;
            }
            case I32X4_DOT_I16X8_S -> {
                stack[sp - 4] = LaneConversions.dot(stack[sp - 4], a0);
                stack[sp - 3] = LaneConversions.dot(stack[sp - 3], a1);
                return sp - 2;
            }
            case F32X4_CONVERT_I32X4_S, F32X4_CONVERT_I32X4_U -> {
                boolean signed = VectorOpcodes.SIGNED[sub];
                stack[sp - 2] = LaneConversions.f32FromI32(signed, a0);
                stack[sp - 1] = LaneConversions.f32FromI32(signed, a1);
                return sp;
            }
            case F64X2_CONVERT_LOW_I32X4_S, F64X2_CONVERT_LOW_I32X4_U -> {
                boolean signed = VectorOpcodes.SIGNED[sub];
                stack[sp - 2] = LaneConversions.f64FromI32(signed, a0);
                stack[sp - 1] = LaneConversions.f64FromI32(signed, a0 >>> 32);
                return sp;
            }
            case I32X4_TRUNC_SAT_F32X4_S, I32X4_TRUNC_SAT_F32X4_U -> {
                boolean signed = VectorOpcodes.SIGNED[sub];
                stack[sp - 2] = LaneConversions.i32FromF32Saturating(signed, a0);
                stack[sp - 1] = LaneConversions.i32FromF32Saturating(signed, a1);
                return sp;
            }
            case I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_TRUNC_SAT_F64X2_U_ZERO -> {
                boolean signed = VectorOpcodes.SIGNED[sub];
                stack[sp - 2] = LaneConversions.i32FromF64Saturating(signed, a0)
                        | LaneConversions.i32FromF64Saturating(signed, a1) << 32;
                stack[sp - 1] = 0;
                return sp;
            }
            case F32X4_DEMOTE_F64X2_ZERO -> {
                stack[sp - 2] = LaneConversions.demote(a0, a1);
                stack[sp - 1] = 0;
                return sp;
            }
            case F64X2_PROMOTE_LOW_F32X4 -> {
                stack[sp - 2] = Numerics.f64PromoteF32((int) a0);
                stack[sp - 1] = Numerics.f64PromoteF32((int) (a0 >>> 32));
                return sp;
            }
            default -> throw new IllegalStateException(op.mnemonic() + " is not implemented by the interpreter");
        }
    }

    private static int shuffle(int[] code, int at, long[] stack, int sp) {
        long a0 = stack[sp - 4];
        long a1 = stack[sp - 3];
        long b0 = stack[sp - 2];
        long b1 = stack[sp - 1];
        long low = 0;
        long high = 0;
        for (int i = 0; i < 16; i++) {
            int index = (code[at + i / 4] >>> (8 * (i % 4))) & 0xFF;
            long b = index < 16 ? byteAt(a0, a1, index) : byteAt(b0, b1, index - 16);
            if (i < 8) {
                low |= b << (8 * i);
            } else {
                high |= b << (8 * (i - 8));
            }
        }
        stack[sp - 4] = low;
        stack[sp - 3] = high;
        return sp - 2;
    }

    /** Lane i of the result is the byte of the first operand that lane i of the second names, or 0 past 15. */
    private static int swizzle(long[] stack, int sp) {
        long a0 = stack[sp - 4];
        long a1 = stack[sp - 3];
        long low = 0;
        long high = 0;
        for (int i = 0; i < 16; i++) {
            int index = (int) byteAt(stack[sp - 2], stack[sp - 1], i);
            long b = index < 16 ? byteAt(a0, a1, index) : 0;
            if (i < 8) {
                low |= b << (8 * i);
            } else {
                high |= b << (8 * (i - 8));
            }
        }
        stack[sp - 4] = low;
        stack[sp - 3] = high;
        return sp - 2;
    }

    private static long byteAt(long low, long high, int index) {
        return ((index < 8 ? low : high) >>> (8 * (index & 7))) & 0xFF;
    }

    private static int splat(long[] stack, int sp, long half) {
        stack[sp - 1] = half;
        stack[sp] = half;
        return sp + 1;
    }

    private static long bitwise(Opcode op, long a, long b) {
        return switch (op) {
            case V128_AND -> a & b;
            case V128_ANDNOT -> a & ~b;
            case V128_OR -> a | b;
            default -> a ^ b;
        };
    }

    /** Replaces the vector on top of the stack by an i32. */
    private static int test(long[] stack, int sp, int value) {
        stack[sp - 2] = value;
        return sp - 1;
    }

    private static int allTrue(LaneShape shape, long low, long high) {
        for (int i = 0; i < shape.lanes(); i++) {
            if (shape.lane(low, high, i) == 0) {
                return 0;
            }
        }
        return 1;
    }

    /** Bit i is the sign (top) bit of lane i. */
    private static int bitmask(LaneShape shape, long low, long high) {
        int mask = 0;
        for (int i = 0; i < shape.lanes(); i++) {
            if (shape.signedLane(low, high, i) < 0) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private static long pack(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }
}
