package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.ImmediateKind;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.MemoryInstance;

/**
 * Executes {@link Op#SIMD}: every v128 instruction, and the variable and parametric instructions when their operand
 * is a v128, which then moves two stack slots instead of one. The interpreter loop hands over at the word after
 * {@code Op.SIMD} and advances by {@link #length(int)}. Layout: {@code SIMD sub immediates...}, where {@code sub} is
 * the Wasm 0xFD sub-opcode, or one of the internal codes from {@link #LOCAL_GET} on, and the immediates are
 * <pre>
 * memory access: offset          loadN_lane / storeN_lane: offset lane      extract/replace_lane: lane
 * v128.const, i8x16.shuffle: the 16 bytes as 4 little-endian ints         LOCAL_*: slot   GLOBAL_*: global
 * </pre>
 * A v128 on the stack is its low half (lane 0 onwards) in one slot and its high half in the slot above.
 */
final class SimdInterpreter {
    static final int LOCAL_GET = 0x100;
    static final int LOCAL_SET = 0x101;
    static final int LOCAL_TEE = 0x102;
    static final int GLOBAL_GET = 0x103;
    static final int GLOBAL_SET = 0x104;
    static final int DROP = 0x105;
    static final int SELECT = 0x106;

    private static final int[] LENGTH = new int[SELECT + 1];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == 0xFD) {
                LENGTH[op.code()] = 1 + immediateWords(op.immediate());
            }
        }
        for (int internal = LOCAL_GET; internal <= SELECT; internal++) {
            LENGTH[internal] = internal < DROP ? 2 : 1;
        }
    }

    private SimdInterpreter() {
    }

    /** How many code words an instruction's immediates take after its sub-opcode. */
    static int immediateWords(ImmediateKind kind) {
        return switch (kind) {
            case MEMARG, LANE -> 1;
            case MEMARG_LANE -> 2;
            case V128_CONST, SHUFFLE -> 4;
            default -> 0;
        };
    }

    /** Code words from {@code sub} (inclusive) to the next instruction. */
    static int length(int sub) {
        return LENGTH[sub];
    }

    /** Runs the instruction whose sub-opcode is at {@code code[pc]}; returns the new stack pointer. */
    static int execute(int[] code, int pc, long[] stack, int sp, int fp, MemoryInstance mem, GlobalInstance[] globals) {
        int sub = code[pc];
        if (sub >= LOCAL_GET) {
            return variable(sub, code[pc + 1], stack, sp, fp, globals);
        }
        LaneOp laneOp = VectorOpcodes.LANE_OP[sub];
        if (laneOp != null) {
            return lanewise(laneOp, VectorOpcodes.SHAPE[sub], stack, sp);
        }
        int accessBytes = VectorOpcodes.ACCESS_BYTES[sub];
        if (accessBytes != 0) {
            Opcode op = VectorOpcodes.OPCODE[sub];
            int lane = op.immediate() == ImmediateKind.MEMARG_LANE ? code[pc + 2] : 0;
            return op.results().isEmpty()
                    ? VectorMemory.store(op, accessBytes, code[pc + 1], lane, stack, sp, mem.bytes())
                    : VectorMemory.load(op, accessBytes, code[pc + 1], lane, stack, sp, mem.bytes());
        }
        return VectorInstructions.execute(sub, code, pc + 1, stack, sp);
    }

    private static int variable(int sub, int index, long[] stack, int sp, int fp, GlobalInstance[] globals) {
        switch (sub) {
            case LOCAL_GET -> {
                stack[sp] = stack[fp + index];
                stack[sp + 1] = stack[fp + index + 1];
                return sp + 2;
            }
            case LOCAL_SET -> {
                stack[fp + index] = stack[sp - 2];
                stack[fp + index + 1] = stack[sp - 1];
                return sp - 2;
            }
            case LOCAL_TEE -> {
                stack[fp + index] = stack[sp - 2];
                stack[fp + index + 1] = stack[sp - 1];
                return sp;
            }
            case GLOBAL_GET -> {
                stack[sp] = globals[index].bits();
                stack[sp + 1] = globals[index].highBits();
                return sp + 2;
            }
            case GLOBAL_SET -> {
                globals[index].setVectorBits(stack[sp - 2], stack[sp - 1]);
                return sp - 2;
            }
            case DROP -> {
                return sp - 2;
            }
            case SELECT -> {
                // [v1 v2 c]: keep v1 when c is non-zero, else v2
                boolean first = (int) stack[sp - 1] != 0;
                if (!first) {
                    stack[sp - 5] = stack[sp - 3];
                    stack[sp - 4] = stack[sp - 2];
                }
                return sp - 3;
            }
            default -> throw new IllegalStateException("corrupt compiled code: SIMD sub-opcode " + sub);
        }
    }

    /** The lanewise operations: the same scalar operation on the low halves and on the high halves. */
    private static int lanewise(LaneOp op, LaneShape shape, long[] stack, int sp) {
        int bits = shape.laneBits();
        boolean floating = shape.isFloat();
        switch (op.operands) {
            case 2 -> {
                long a0 = stack[sp - 4];
                long a1 = stack[sp - 3];
                long b0 = stack[sp - 2];
                long b1 = stack[sp - 1];
                stack[sp - 4] = floating ? FloatLanes.binary(op, bits == 64, a0, b0) : IntLanes.binary(op, bits, a0, b0);
                stack[sp - 3] = floating ? FloatLanes.binary(op, bits == 64, a1, b1) : IntLanes.binary(op, bits, a1, b1);
                return sp - 2;
            }
            case 1 -> {
                long a0 = stack[sp - 2];
                long a1 = stack[sp - 1];
                stack[sp - 2] = floating ? FloatLanes.unary(op, bits == 64, a0) : IntLanes.unary(op, bits, a0);
                stack[sp - 1] = floating ? FloatLanes.unary(op, bits == 64, a1) : IntLanes.unary(op, bits, a1);
                return sp;
            }
            default -> {
                int count = (int) stack[sp - 1];
                stack[sp - 3] = IntLanes.shift(op, bits, stack[sp - 3], count);
                stack[sp - 2] = IntLanes.shift(op, bits, stack[sp - 2], count);
                return sp - 1;
            }
        }
    }
}
