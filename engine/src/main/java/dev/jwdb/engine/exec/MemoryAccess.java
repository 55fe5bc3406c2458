package dev.jwdb.engine.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores chosen by their {@link Op} at run time, for the watched forms: slower than the interpreter's
 * own cases, which is why only instrumented code uses them.
 */
final class MemoryAccess {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MemoryAccess() {
    }

    static int width(int op) {
        return switch (op) {
            case Op.I32_LOAD8_S, Op.I32_LOAD8_U, Op.I64_LOAD8_S, Op.I64_LOAD8_U, Op.I32_STORE8, Op.I64_STORE8 -> 1;
            case Op.I32_LOAD16_S, Op.I32_LOAD16_U, Op.I64_LOAD16_S, Op.I64_LOAD16_U, Op.I32_STORE16,
                    Op.I64_STORE16 -> 2;
            case Op.I32_LOAD, Op.I64_LOAD32_S, Op.I64_LOAD32_U, Op.I32_STORE, Op.I64_STORE32 -> 4;
            case Op.I64_LOAD, Op.I64_STORE -> 8;
            default -> throw new IllegalStateException("not a memory access: op " + op);
        };
    }

    /** The slot value load {@code op} produces from {@code ea}. */
    static long load(byte[] b, int op, int ea) {
        return switch (op) {
            case Op.I32_LOAD, Op.I64_LOAD32_S -> (int) I32.get(b, ea);
            case Op.I64_LOAD32_U -> (int) I32.get(b, ea) & 0xFFFF_FFFFL;
            case Op.I64_LOAD -> (long) I64.get(b, ea);
            case Op.I32_LOAD8_S, Op.I64_LOAD8_S -> b[ea];
            case Op.I32_LOAD8_U, Op.I64_LOAD8_U -> b[ea] & 0xFF;
            case Op.I32_LOAD16_S, Op.I64_LOAD16_S -> (short) I16.get(b, ea);
            case Op.I32_LOAD16_U, Op.I64_LOAD16_U -> (short) I16.get(b, ea) & 0xFFFF;
            default -> throw new IllegalStateException("not a load: op " + op);
        };
    }

    /** Stores the low {@link #width} bytes of {@code value} at {@code ea}. */
    static void store(byte[] b, int op, int ea, long value) {
        switch (width(op)) {
            case 1 -> b[ea] = (byte) value;
            case 2 -> I16.set(b, ea, (short) value);
            case 4 -> I32.set(b, ea, (int) value);
            default -> I64.set(b, ea, value);
        }
    }
}
