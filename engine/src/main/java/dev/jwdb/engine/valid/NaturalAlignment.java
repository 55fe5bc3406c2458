package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.Opcode;

/** The largest alignment a memory access may declare: the size in bytes of what it reads or writes. */
final class NaturalAlignment {
    private NaturalAlignment() {
    }

    /** log2 of the access width in bytes, for an instruction with a memory argument. */
    static int exponent(Opcode op) {
        return switch (op) {
            case I32_LOAD8_S, I32_LOAD8_U, I64_LOAD8_S, I64_LOAD8_U, I32_STORE8, I64_STORE8 -> 0;
            case I32_LOAD16_S, I32_LOAD16_U, I64_LOAD16_S, I64_LOAD16_U, I32_STORE16, I64_STORE16 -> 1;
            case I32_LOAD, F32_LOAD, I64_LOAD32_S, I64_LOAD32_U, I32_STORE, F32_STORE, I64_STORE32 -> 2;
            case I64_LOAD, F64_LOAD, I64_STORE, F64_STORE -> 3;
            default -> throw new IllegalArgumentException(op.mnemonic() + " has no memory argument");
        };
    }
}
