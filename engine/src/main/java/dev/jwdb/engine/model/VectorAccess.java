package dev.jwdb.engine.model;

/**
 * Facts about the memory and lane immediates of the SIMD instructions that the validator, the text parser and the
 * disassembler all need and that the mnemonic alone does not give in a uniform way ({@code v128.load8x8_s} reads
 * 8 bytes, {@code v128.load8_splat} one).
 */
public final class VectorAccess {
    private VectorAccess() {
    }

    /** log2 of the number of bytes a 0xFD load or store accesses: its natural (and largest valid) alignment. */
    public static int naturalAlignment(Opcode op) {
        return switch (op) {
            case V128_LOAD, V128_STORE -> 4;
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U,
                    V128_LOAD64_SPLAT, V128_LOAD64_ZERO, V128_LOAD64_LANE, V128_STORE64_LANE -> 3;
            case V128_LOAD32_SPLAT, V128_LOAD32_ZERO, V128_LOAD32_LANE, V128_STORE32_LANE -> 2;
            case V128_LOAD16_SPLAT, V128_LOAD16_LANE, V128_STORE16_LANE -> 1;
            case V128_LOAD8_SPLAT, V128_LOAD8_LANE, V128_STORE8_LANE -> 0;
            default -> throw new IllegalArgumentException(op.mnemonic() + " is not a vector memory access");
        };
    }

    /**
     * How many lanes an instruction's lane immediate may name: the lanes of its shape for extract/replace_lane,
     * 16 bytes divided by the access width for loadN_lane/storeN_lane, and the 32 bytes of both operands for
     * i8x16.shuffle.
     */
    public static int laneLimit(Opcode op) {
        return switch (op.immediate()) {
            case SHUFFLE -> 32;
            case MEMARG_LANE -> 16 >> naturalAlignment(op);
            case LANE -> LaneShape.of(op).lanes();
            default -> throw new IllegalArgumentException(op.mnemonic() + " has no lane immediate");
        };
    }
}
