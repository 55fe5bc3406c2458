package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;

import java.util.Arrays;
import java.util.List;

/**
 * Evaluates the constant expressions of global initializers, segment offsets and element items, in the context
 * of an instance whose imports and functions already exist.
 */
final class ConstantExpression {
    private ConstantExpression() {
    }

    /** The expression's value as an interpreter cell. */
    static long evaluate(List<Instruction> expression, Instance instance) {
        long[] stack = new long[4];
        int sp = 0;
        for (Instruction ins : expression) {
            if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
            }
            switch (ins.opcode()) {
                case I32_CONST -> stack[sp++] = ((Immediate.I32) ins.immediate()).value();
                case I64_CONST -> stack[sp++] = ((Immediate.I64) ins.immediate()).value();
                case F32_CONST -> stack[sp++] = ((Immediate.F32) ins.immediate()).bits();
                case F64_CONST -> stack[sp++] = ((Immediate.F64) ins.immediate()).bits();
                case REF_NULL -> stack[sp++] = Value.NULL_REF;
                case REF_FUNC -> stack[sp++] = instance.function(ins.index()).address();
                case GLOBAL_GET -> stack[sp++] = instance.global(ins.index()).bits();
                // the extended-constant proposal's arithmetic, harmless to accept ahead of time
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                    sp--;
                    stack[sp - 1] = arithmetic(ins.opcode(), stack[sp - 1], stack[sp]);
                }
                case END -> {
                    return stack[sp - 1];
                }
                default -> throw new IllegalStateException(ins.opcode().mnemonic() + " in a constant expression");
            }
        }
        return stack[sp - 1];
    }

    /**
     * A v128 constant expression, which (being valid) is one {@code v128.const} or one {@code global.get} of a
     * v128 global: a value of two slots, so it cannot go through {@link #evaluate}.
     */
    static Value evaluateVector(List<Instruction> expression, Instance instance) {
        Instruction ins = expression.get(0);
        if (ins.opcode() == Opcode.GLOBAL_GET) {
            return instance.global(ins.index()).value();
        }
        byte[] bytes = ((Immediate.V128) ins.immediate()).bytes();
        return Value.v128(littleEndian(bytes, 0), littleEndian(bytes, 8));
    }

    private static long littleEndian(byte[] bytes, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[from + i] & 0xFF);
        }
        return v;
    }

    private static long arithmetic(Opcode op, long a, long b) {
        return switch (op) {
            case I32_ADD -> (int) a + (int) b;
            case I32_SUB -> (int) a - (int) b;
            case I32_MUL -> (int) a * (int) b;
            case I64_ADD -> a + b;
            case I64_SUB -> a - b;
            default -> a * b;
        };
    }
}
