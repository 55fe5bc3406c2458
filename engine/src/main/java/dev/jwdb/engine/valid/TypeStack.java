package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the spec's validation algorithm. An operand of Unknown type (the bottom type
 * produced by popping past the start of an unreachable block) is represented by {@code null}; every operation is
 * constant time per value so that validation stays linear in the size of the code.
 */
final class TypeStack {
    private ValType[] operands = new ValType[64];
    private int size;
    private final ArrayList<ControlFrame> frames = new ArrayList<>();

    /** The operand types, bottom first (null for Unknown). */
    List<ValType> operands() {
        return java.util.Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(operands, size)));
    }

    void clear() {
        size = 0;
        frames.clear();
    }

    void push(ValType type) {
        if (size == operands.length) {
            operands = Arrays.copyOf(operands, size * 2);
        }
        operands[size++] = type;
    }

    void pushAll(List<ValType> types) {
        for (int i = 0, n = types.size(); i < n; i++) {
            push(types.get(i));
        }
    }

    /** Pops one operand of any type; null (Unknown) when the current block is unreachable and has none left. */
    ValType pop() {
        ControlFrame frame = current();
        if (size == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw new InvalidException("type mismatch: expected a value but the stack is empty");
        }
        return operands[--size];
    }

    /** Pops one operand that must be of {@code expected} type (or Unknown). */
    void pop(ValType expected) {
        ControlFrame frame = current();
        if (size == frame.height) {
            if (frame.unreachable) {
                return;
            }
            throw new InvalidException("type mismatch: expected " + expected + " but the stack is empty");
        }
        ValType actual = operands[--size];
        if (actual != null && actual != expected) {
            throw mismatch(expected, actual);
        }
    }

    void popAll(List<ValType> types) {
        for (int i = types.size() - 1; i >= 0; i--) {
            pop(types.get(i));
        }
    }

    /**
     * Checks that the top operands match {@code types} without removing them. This is the spec's
     * {@code push_vals(pop_vals(types))} for br_table's labels, without the copying.
     */
    void checkTop(List<ValType> types) {
        ControlFrame frame = current();
        int available = size - frame.height;
        for (int depth = 0, i = types.size() - 1; i >= 0; depth++, i--) {
            if (depth == available) {
                if (frame.unreachable) {
                    return;
                }
                throw new InvalidException("type mismatch: expected " + types.get(i) + " but the stack is empty");
            }
            ValType actual = operands[size - 1 - depth];
            if (actual != null && actual != types.get(i)) {
                throw mismatch(types.get(i), actual);
            }
        }
    }

    /** Discards the current block's operands: what follows can never run, so any operand type may be popped. */
    void markUnreachable() {
        ControlFrame frame = current();
        size = frame.height;
        frame.unreachable = true;
    }

    void pushFrame(Opcode opcode, List<ValType> startTypes, List<ValType> endTypes) {
        frames.add(new ControlFrame(opcode, startTypes, endTypes, size));
        pushAll(startTypes);
    }

    /** Leaves the current block, which must hold exactly its end types. */
    ControlFrame popFrame() {
        ControlFrame frame = current();
        popAll(frame.endTypes);
        if (size != frame.height) {
            throw new InvalidException("type mismatch: " + (size - frame.height)
                    + " more value(s) on the stack than the block's results " + frame.endTypes);
        }
        frames.remove(frames.size() - 1);
        return frame;
    }

    ControlFrame current() {
        if (frames.isEmpty()) {
            throw new InvalidException("unexpected instruction after the end of the function body");
        }
        return frames.get(frames.size() - 1);
    }

    /** The frame a branch with label {@code depth} targets. */
    ControlFrame label(int depth) {
        if (Integer.compareUnsigned(depth, frames.size()) >= 0) {
            throw new InvalidException("unknown label " + Integer.toUnsignedString(depth));
        }
        return frames.get(frames.size() - 1 - depth);
    }

    int frameCount() {
        return frames.size();
    }

    private static InvalidException mismatch(ValType expected, ValType actual) {
        return new InvalidException("type mismatch: expected " + expected + " but got " + actual);
    }
}
