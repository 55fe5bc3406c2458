package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.VectorAccess;

/**
 * The immediate checks of the SIMD (0xFD) instructions. Their operand types are all fixed by the opcode table, so
 * what is left to validate is here: the memory exists, the alignment is at most natural, and every lane index names
 * a lane that exists.
 */
final class VectorImmediates {
    private VectorImmediates() {
    }

    static void check(Opcode op, Immediate immediate, ModuleContext context) {
        switch (op.immediate()) {
            case MEMARG -> memArg(op, (Immediate.MemArg) immediate, context);
            case MEMARG_LANE -> {
                Immediate.MemLane memLane = (Immediate.MemLane) immediate;
                memArg(op, memLane.memArg(), context);
                lane(op, memLane.lane());
            }
            case LANE -> lane(op, ((Immediate.Lane) immediate).lane());
            case SHUFFLE -> {
                for (byte b : ((Immediate.V128) immediate).bytes()) {
                    lane(op, b & 0xFF);
                }
            }
            default -> {
            }
        }
    }

    private static void memArg(Opcode op, Immediate.MemArg memArg, ModuleContext context) {
        context.memory(memArg.memory());
        int natural = VectorAccess.naturalAlignment(op);
        if (Integer.compareUnsigned(memArg.alignExponent(), natural) > 0) {
            throw new InvalidException("alignment must not be larger than natural: " + op.mnemonic() + " accesses "
                    + (1 << natural) + " byte(s)");
        }
    }

    private static void lane(Opcode op, int lane) {
        int limit = VectorAccess.laneLimit(op);
        if (lane >= limit) {
            throw new InvalidException("invalid lane index: " + lane + " (" + op.mnemonic() + " has " + limit
                    + " lanes)");
        }
    }
}
