package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads element and data segments. The element flags are a bit field: bit 0 set means passive or declarative
 * (bit 1 then picks declarative), bit 1 on an active segment means an explicit table index (and an explicit type),
 * bit 2 means the items are expressions rather than function indices.
 */
final class SegmentDecoder {
    private static final int PASSIVE_OR_DECLARATIVE = 0b001;
    private static final int EXPLICIT_TABLE_OR_DECLARATIVE = 0b010;
    private static final int EXPRESSIONS = 0b100;
    private static final int FUNCREF_ELEMENT_KIND = 0x00;

    private final ByteReader in;
    private final InstructionDecoder instructions;

    SegmentDecoder(ByteReader in, InstructionDecoder instructions) {
        this.in = in;
        this.instructions = instructions;
    }

    ElementSegment element() {
        int at = in.position();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw in.error("malformed elements segment kind", at);
        }
        ElementSegment.Mode mode;
        boolean hasTypeByte;
        if ((flags & PASSIVE_OR_DECLARATIVE) != 0) {
            mode = (flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0
                    ? new ElementSegment.Declarative() : new ElementSegment.Passive();
            hasTypeByte = true;
        } else {
            int table = (flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0 ? in.u32() : 0;
            mode = new ElementSegment.Active(table, instructions.expression());
            hasTypeByte = (flags & EXPLICIT_TABLE_OR_DECLARATIVE) != 0;
        }
        boolean expressions = (flags & EXPRESSIONS) != 0;
        ValType type = ValType.FUNCREF;
        if (hasTypeByte) {
            type = expressions ? TypeDecoder.referenceType(in) : elementKind();
        }
        List<List<Instruction>> init = expressions ? expressionItems() : functionIndexItems();
        return new ElementSegment(type, init, mode);
    }

    private ValType elementKind() {
        int at = in.position();
        if (in.u8() != FUNCREF_ELEMENT_KIND) {
            throw in.error("malformed element kind", at);
        }
        return ValType.FUNCREF;
    }

    private List<List<Instruction>> expressionItems() {
        int n = in.count();
        List<List<Instruction>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(instructions.expression());
        }
        return out;
    }

    /**
     * A bare function index becomes {@code ref.func i; end}, so that later phases see one shape of element item.
     * Both synthesized instructions carry the offset of the index, the only bytes they stand for.
     */
    private List<List<Instruction>> functionIndexItems() {
        int n = in.count();
        List<List<Instruction>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int function = in.u32();
            out.add(List.of(
                    new Instruction(Opcode.REF_FUNC, new Immediate.Index(function), at, 0, 0),
                    new Instruction(Opcode.END, Immediate.NONE, at, 0, 0)));
        }
        return out;
    }

    DataSegment data() {
        int at = in.position();
        int flags = in.u32();
        DataSegment.Mode mode = switch (flags) {
            case 0 -> new DataSegment.Active(0, instructions.expression());
            case 1 -> new DataSegment.Passive();
            case 2 -> {
                int memory = in.u32();
                yield new DataSegment.Active(memory, instructions.expression());
            }
            default -> throw in.error("malformed data segment kind", at);
        };
        byte[] init = in.bytes(in.count());
        return new DataSegment(init, mode);
    }
}
