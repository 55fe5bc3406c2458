package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

import java.util.List;

/**
 * Typed values to and from interpreter stack slots, where arguments and results cross the engine's boundary. Every
 * value takes one slot except a v128, which takes two: its low half, then its high half. So a frame's locals (and
 * {@link ExecutionState#stackCell} numbering) shift by one after each v128; a debugger reading locals or operands
 * goes through here.
 */
public final class Slots {
    private Slots() {
    }

    public static int count(List<ValType> types) {
        int n = 0;
        for (int i = 0, size = types.size(); i < size; i++) {
            n += types.get(i) == ValType.V128 ? 2 : 1;
        }
        return n;
    }

    /** Stores {@code values} from slot {@code at} on; returns the slot after the last one written. */
    static int write(Value[] values, long[] stack, int at) {
        for (Value v : values) {
            stack[at++] = v.bits();
            if (v.type() == ValType.V128) {
                stack[at++] = v.high();
            }
        }
        return at;
    }

    /** Reads values of {@code types} from slot {@code at} on. */
    public static Value[] read(List<ValType> types, long[] stack, int at) {
        Value[] values = new Value[types.size()];
        for (int i = 0; i < values.length; i++) {
            ValType type = types.get(i);
            if (type == ValType.V128) {
                values[i] = Value.v128(stack[at], stack[at + 1]);
                at += 2;
            } else {
                values[i] = Value.ofSlot(type, stack[at++]);
            }
        }
        return values;
    }
}
