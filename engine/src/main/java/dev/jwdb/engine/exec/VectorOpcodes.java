package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.ImmediateKind;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.VectorAccess;

/**
 * What the SIMD interpreter needs to know about each 0xFD sub-opcode, read once from the opcode table so that
 * executing an instruction never looks at its mnemonic: the opcode, its lanewise operation if it has one, its lane
 * shape, whether it reads lanes as signed, whether it takes the high half of its input, and for memory accesses the
 * number of bytes accessed.
 */
final class VectorOpcodes {
    static final Opcode[] OPCODE = new Opcode[256];
    static final LaneOp[] LANE_OP = new LaneOp[256];
    static final LaneShape[] SHAPE = new LaneShape[256];
    static final boolean[] SIGNED = new boolean[256];
    static final boolean[] HIGH = new boolean[256];
    static final int[] ACCESS_BYTES = new int[256];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.prefix() != 0xFD) {
                continue;
            }
            int sub = op.code();
            String mnemonic = op.mnemonic();
            OPCODE[sub] = op;
            LANE_OP[sub] = LaneOp.of(op);
            SHAPE[sub] = LaneShape.of(op);
            // "_s" ends most signed forms; trunc_sat_f64x2_s_zero has it in the middle
            SIGNED[sub] = mnemonic.endsWith("_s") || mnemonic.contains("_s_");
            HIGH[sub] = mnemonic.contains("_high_");
            if (op.immediate() == ImmediateKind.MEMARG || op.immediate() == ImmediateKind.MEMARG_LANE) {
                ACCESS_BYTES[sub] = 1 << VectorAccess.naturalAlignment(op);
            }
        }
    }

    private VectorOpcodes() {
    }
}
