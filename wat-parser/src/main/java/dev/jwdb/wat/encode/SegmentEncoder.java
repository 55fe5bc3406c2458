package dev.jwdb.wat.encode;

import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/**
 * Writes element and data segments in the most compact of their binary forms: function indices instead of
 * expressions when every item is a plain {@code ref.func}, and no table, memory or type when the default applies.
 */
final class SegmentEncoder {
    private static final int PASSIVE = 0b001;
    private static final int EXPLICIT_TABLE = 0b010;
    private static final int DECLARATIVE = 0b011;
    private static final int EXPRESSIONS = 0b100;
    private static final int FUNCREF_ELEMENT_KIND = 0x00;

    private static final int DATA_ACTIVE_MEMORY_0 = 0;
    private static final int DATA_PASSIVE = 1;
    private static final int DATA_ACTIVE = 2;

    private SegmentEncoder() {
    }

    static void element(ElementSegment e, ByteSink out) {
        boolean indices = e.type() == ValType.FUNCREF && e.init().stream().allMatch(SegmentEncoder::isPlainRefFunc);
        ElementSegment.Active active = e.mode() instanceof ElementSegment.Active a ? a : null;
        int flags;
        if (active != null) {
            flags = active.table() == 0 && e.type() == ValType.FUNCREF ? 0 : EXPLICIT_TABLE;
        } else {
            flags = e.mode() instanceof ElementSegment.Passive ? PASSIVE : DECLARATIVE;
        }
        if (!indices) {
            flags |= EXPRESSIONS;
        }
        out.u32(flags);
        if (active != null) {
            if ((flags & EXPLICIT_TABLE) != 0) {
                out.u32(active.table());
            }
            InstructionEncoder.expression(active.offset(), out);
        }
        // Only the table-0 funcref forms (0 and 4) leave the type implicit.
        if ((flags & (PASSIVE | EXPLICIT_TABLE)) != 0) {
            out.u8(indices ? FUNCREF_ELEMENT_KIND : e.type().code());
        }
        out.u32(e.init().size());
        for (List<Instruction> item : e.init()) {
            if (indices) {
                out.u32(item.get(0).index());
            } else {
                InstructionEncoder.expression(item, out);
            }
        }
    }

    private static boolean isPlainRefFunc(List<Instruction> item) {
        return item.size() == 2 && item.get(0).opcode() == Opcode.REF_FUNC && item.get(1).opcode() == Opcode.END;
    }

    static void data(DataSegment d, ByteSink out) {
        if (d.mode() instanceof DataSegment.Active a) {
            if (a.memory() == 0) {
                out.u32(DATA_ACTIVE_MEMORY_0);
            } else {
                out.u32(DATA_ACTIVE).u32(a.memory());
            }
            InstructionEncoder.expression(a.offset(), out);
        } else {
            out.u32(DATA_PASSIVE);
        }
        out.u32(d.init().length).bytes(d.init());
    }
}
