package dev.jwdb.wat.encode;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/** Writes instructions: the opcode from the opcode table, then the immediates its kind prescribes. */
public final class InstructionEncoder {
    private static final int EMPTY_BLOCK = 0x40;
    /** Multi-memory marks an explicit memory index with this bit of the alignment field. */
    private static final int MEMORY_INDEX_FLAG = 0x40;

    private InstructionEncoder() {
    }

    /** A flat instruction sequence, which already ends with its {@code end}. */
    public static void expression(List<Instruction> instructions, ByteSink out) {
        for (Instruction i : instructions) {
            instruction(i, out);
        }
    }

    public static void instruction(Instruction i, ByteSink out) {
        Opcode op = i.opcode();
        if (op.prefix() == 0) {
            out.u8(op.code());
        } else {
            out.u8(op.prefix()).u32(op.code());
        }
        Immediate imm = i.immediate();
        switch (op.immediate()) {
            case NONE -> {
            }
            case BLOCK_TYPE -> blockType(((Immediate.Block) imm).type(), out);
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM, MEMORY -> out.u32(((Immediate.Index) imm).index());
            case BR_TABLE -> {
                Immediate.BrTable t = (Immediate.BrTable) imm;
                out.u32(t.labels().length);
                for (int label : t.labels()) {
                    out.u32(label);
                }
                out.u32(t.defaultLabel());
            }
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY, MEMORY_INIT, MEMORY_COPY -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                out.u32(two.first()).u32(two.second());
            }
            case MEMARG -> memArg((Immediate.MemArg) imm, out);
            case I32 -> out.signed(((Immediate.I32) imm).value());
            case I64 -> out.signed(((Immediate.I64) imm).value());
            case F32 -> out.fixed32(((Immediate.F32) imm).bits());
            case F64 -> out.fixed64(((Immediate.F64) imm).bits());
            case SELECT_TYPES -> {
                List<ValType> types = ((Immediate.Types) imm).types();
                out.u32(types.size());
                types.forEach(t -> out.u8(t.code()));
            }
            case REF_TYPE -> out.u8(((Immediate.Ref) imm).type().code());
            case V128_CONST, SHUFFLE -> out.bytes(((Immediate.V128) imm).bytes());
            case LANE -> out.u8(((Immediate.Lane) imm).lane());
            case MEMARG_LANE -> {
                Immediate.MemLane ml = (Immediate.MemLane) imm;
                memArg(ml.memArg(), out);
                out.u8(ml.lane());
            }
        }
    }

    /** A type index is an s33 so that it cannot be mistaken for the one-byte forms, which are negative. */
    private static void blockType(BlockType type, ByteSink out) {
        if (type instanceof BlockType.Value v) {
            out.u8(v.type().code());
        } else if (type instanceof BlockType.TypeIndex t) {
            out.signed(t.index() & 0xFFFFFFFFL);
        } else {
            out.u8(EMPTY_BLOCK);
        }
    }

    private static void memArg(Immediate.MemArg m, ByteSink out) {
        if (m.memory() == 0) {
            out.u32(m.alignExponent());
        } else {
            out.u32(m.alignExponent() | MEMORY_INDEX_FLAG).u32(m.memory());
        }
        out.u32(m.offset());
    }
}
