package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads instruction sequences into the flat form the model uses: every instruction, nested ones included, in
 * binary order, each with the byte offset of its opcode, ending with the {@code end} that closes the sequence.
 */
final class InstructionDecoder {
    private static final int ELSE = 0x05;
    private static final int END = 0x0B;
    private static final int EMPTY_BLOCK = 0x40;
    private static final int MAX_ALIGN_EXPONENT = 32;

    private final ByteReader in;

    InstructionDecoder(ByteReader in) {
        this.in = in;
    }

    /**
     * An expression: a function body or a constant expression. Constant expressions go through here too, because a
     * non-constant instruction in them is a validation error, not a decoding one.
     */
    List<Instruction> expression() {
        List<Instruction> out = new ArrayList<>();
        // One entry per open block; true while the block is an `if` that may still take an `else`.
        List<Boolean> open = new ArrayList<>();
        while (true) {
            int at = in.position();
            int b = in.u8();
            if (b == END) {
                out.add(new Instruction(Opcode.END, Immediate.NONE, at, 0, 0));
                if (open.isEmpty()) {
                    return out;
                }
                open.remove(open.size() - 1);
            } else if (b == ELSE) {
                if (open.isEmpty() || !open.get(open.size() - 1)) {
                    throw in.error("END opcode expected", at);
                }
                open.set(open.size() - 1, false);
                out.add(new Instruction(Opcode.ELSE, Immediate.NONE, at, 0, 0));
            } else {
                Opcode op = opcode(b, at);
                out.add(new Instruction(op, immediate(op), at, 0, 0));
                if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF) {
                    open.add(op == Opcode.IF);
                }
            }
        }
    }

    private Opcode opcode(int b, int at) {
        if (b == 0xFC || b == 0xFD) {
            int sub = in.u32();
            Opcode op = Opcode.prefixed(b, sub);
            if (op == null) {
                throw in.error(String.format("illegal opcode 0x%02x 0x%x", b, sub), at);
            }
            return op;
        }
        Opcode op = Opcode.single(b);
        if (op == null) {
            throw in.error(String.format("illegal opcode 0x%02x", b), at);
        }
        return op;
    }

    private Immediate immediate(Opcode op) {
        return switch (op.immediate()) {
            case NONE -> Immediate.NONE;
            case BLOCK_TYPE -> new Immediate.Block(blockType());
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM -> new Immediate.Index(in.u32());
            case BR_TABLE -> brTable();
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> twoIndices();
            case MEMARG -> memArg();
            case MEMORY -> {
                zeroByte();
                yield new Immediate.Index(0);
            }
            case MEMORY_INIT -> {
                int data = in.u32();
                zeroByte();
                yield new Immediate.TwoIndex(data, 0);
            }
            case MEMORY_COPY -> {
                zeroByte();
                zeroByte();
                yield new Immediate.TwoIndex(0, 0);
            }
            case I32 -> new Immediate.I32(in.s32());
            case I64 -> new Immediate.I64(in.s64());
            case F32 -> new Immediate.F32(in.fixed32());
            case F64 -> new Immediate.F64(in.fixed64());
            case SELECT_TYPES -> new Immediate.Types(TypeDecoder.valueTypes(in));
            case REF_TYPE -> new Immediate.Ref(TypeDecoder.referenceType(in));
            case V128_CONST, SHUFFLE -> new Immediate.V128(in.bytes(16));
            case LANE -> new Immediate.Lane(in.u8());
            case MEMARG_LANE -> {
                Immediate.MemArg memArg = memArg();
                yield new Immediate.MemLane(memArg, in.u8());
            }
        };
    }

    /**
     * 0x40 is the empty type and a byte of the form 0b01xxxxxx is a one-byte value type; anything else starts a
     * non-negative s33 type index. That is how the two can share the first byte.
     */
    private BlockType blockType() {
        int b = in.peek();
        if (b == EMPTY_BLOCK) {
            in.u8();
            return BlockType.EMPTY;
        }
        if (b != -1 && (b & 0xC0) == 0x40) {
            return new BlockType.Value(TypeDecoder.valueType(in));
        }
        return new BlockType.TypeIndex((int) in.s33());
    }

    private Immediate brTable() {
        int n = in.count();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = in.u32();
        }
        return new Immediate.BrTable(labels, in.u32());
    }

    /** Binary order is also the record's order for all three users (type/table, elem/table, destination/source). */
    private Immediate twoIndices() {
        int first = in.u32();
        int second = in.u32();
        return new Immediate.TwoIndex(first, second);
    }

    private Immediate.MemArg memArg() {
        long align = in.unsigned(32);
        if (align >= MAX_ALIGN_EXPONENT) {
            throw in.error("malformed memop flags", in.position() - 1);
        }
        long offset = in.unsigned(32);
        return new Immediate.MemArg((int) align, offset, 0);
    }

    /** Wasm 2.0 reserves a memory index byte that must be exactly 0x00, not a longer LEB128 zero. */
    private void zeroByte() {
        int at = in.position();
        if (in.u8() != 0) {
            throw in.error("zero byte expected", at);
        }
    }
}
