package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.Opcode;

/**
 * The SIMD operations that apply one scalar operation to every lane independently, named as the part of the mnemonic
 * after the shape ({@code i16x8.add_sat_s} is {@link #ADD_SAT_S} on 16-bit lanes). The same name on an integer and
 * a float shape ({@code add}, {@code eq}, {@code abs}) is the integer or the IEEE operation accordingly.
 */
enum LaneOp {
    ADD(2), SUB(2), MUL(2), DIV(2),
    MIN_S(2), MIN_U(2), MAX_S(2), MAX_U(2), AVGR_U(2),
    ADD_SAT_S(2), ADD_SAT_U(2), SUB_SAT_S(2), SUB_SAT_U(2), Q15MULR_SAT_S(2),
    MIN(2), MAX(2), PMIN(2), PMAX(2),
    EQ(2), NE(2), LT_S(2), LT_U(2), GT_S(2), GT_U(2), LE_S(2), LE_U(2), GE_S(2), GE_U(2),
    LT(2), GT(2), LE(2), GE(2),
    ABS(1), NEG(1), POPCNT(1), SQRT(1), CEIL(1), FLOOR(1), TRUNC(1), NEAREST(1),
    /** Shifts take an i32 count instead of a second vector. */
    SHL(0), SHR_S(0), SHR_U(0);

    /** 2 for vector × vector, 1 for vector, 0 for vector × i32 shift count. */
    final int operands;

    LaneOp(int operands) {
        this.operands = operands;
    }

    /** The lanewise operation {@code op} performs, or null when it is not a lanewise instruction. */
    static LaneOp of(Opcode op) {
        if (op.prefix() != 0xFD || op.mnemonic().startsWith("v128.")) {
            return null;
        }
        String suffix = op.mnemonic().substring(op.mnemonic().indexOf('.') + 1);
        for (LaneOp l : values()) {
            if (l.name().equalsIgnoreCase(suffix)) {
                return l;
            }
        }
        return null;
    }
}
