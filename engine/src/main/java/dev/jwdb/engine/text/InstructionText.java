package dev.jwdb.engine.text;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.model.VectorAccess;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One instruction in flat text form, as wasm2wat writes it: mnemonic and immediates, with {@code $ids} where the
 * module names things, branch targets annotated with the absolute label they reach ({@code br 1 (;@0;)}), and
 * zero memory/table indices left out where the 2.0 text format lets them be omitted.
 */
final class InstructionText {
    private final Module module;
    private final TextNames names;
    private final int function;

    /** {@code function} is the index (in the function index space) of the function whose body is being printed. */
    InstructionText(Module module, TextNames names, int function) {
        this.module = module;
        this.names = names;
        this.function = function;
    }

    /**
     * The text of {@code instruction}; {@code openBlocks} is the number of blocks enclosing it (0 at the top level
     * of the body), which labels count from.
     */
    String format(Instruction instruction, int openBlocks) {
        Opcode op = instruction.opcode();
        Immediate imm = instruction.immediate();
        String mnemonic = op.mnemonic();
        return switch (op.immediate()) {
            case NONE -> mnemonic;
            case BLOCK_TYPE -> mnemonic + blockType(((Immediate.Block) imm).type())
                    + "  ;; label = @" + (openBlocks + 1);
            case LABEL -> mnemonic + " " + label(instruction.index(), openBlocks);
            case BR_TABLE -> mnemonic + brTable((Immediate.BrTable) imm, openBlocks);
            case FUNC -> mnemonic + " " + names.function(instruction.index());
            case CALL_INDIRECT -> callIndirect((Immediate.TwoIndex) imm);
            case LOCAL -> mnemonic + " " + names.local(function, instruction.index());
            case GLOBAL -> mnemonic + " " + names.global(instruction.index());
            case TABLE, DATA, ELEM -> mnemonic + " " + instruction.index();
            case MEMORY -> mnemonic + nonZero(instruction.index());
            case MEMARG -> mnemonic + memArg(op, (Immediate.MemArg) imm);
            case I32 -> mnemonic + " " + ((Immediate.I32) imm).value();
            case I64 -> mnemonic + " " + ((Immediate.I64) imm).value();
            case F32 -> mnemonic + " " + FloatText.f32(((Immediate.F32) imm).bits());
            case F64 -> mnemonic + " " + FloatText.f64(((Immediate.F64) imm).bits());
            case SELECT_TYPES -> mnemonic + " (result " + types(((Immediate.Types) imm).types()) + ")";
            case REF_TYPE -> mnemonic + " " + heapType(((Immediate.Ref) imm).type());
            case MEMORY_INIT, TABLE_INIT -> segmentInit(mnemonic, (Immediate.TwoIndex) imm);
            case MEMORY_COPY, TABLE_COPY -> copy(mnemonic, (Immediate.TwoIndex) imm);
            case V128_CONST -> mnemonic + " " + V128Format.constant(((Immediate.V128) imm).bytes());
            case SHUFFLE -> mnemonic + lanes(((Immediate.V128) imm).bytes());
            case LANE -> mnemonic + " " + ((Immediate.Lane) imm).lane();
            case MEMARG_LANE -> mnemonic + memArg(op, ((Immediate.MemLane) imm).memArg()) + " "
                    + ((Immediate.MemLane) imm).lane();
        };
    }

    /** A block type: nothing, {@code (result t)}, or a type use spelled out with its params and results. */
    String blockType(BlockType type) {
        if (type instanceof BlockType.Value value) {
            return " (result " + value.type().text() + ")";
        }
        if (type instanceof BlockType.TypeIndex index) {
            return " (type " + index.index() + ")" + signature(index.index());
        }
        return "";
    }

    /** {@code (param ...) (result ...)} of type {@code typeIndex}, each part left out when empty. */
    String signature(int typeIndex) {
        if (typeIndex < 0 || typeIndex >= module.types().size()) {
            return "";
        }
        FuncType type = module.types().get(typeIndex);
        return (type.params().isEmpty() ? "" : " (param " + types(type.params()) + ")")
                + (type.results().isEmpty() ? "" : " (result " + types(type.results()) + ")");
    }

    static String types(List<ValType> types) {
        return types.stream().map(ValType::text).collect(Collectors.joining(" "));
    }

    private static String label(int depth, int openBlocks) {
        int target = openBlocks - depth;
        return target >= 0 ? depth + " (;@" + target + ";)" : Integer.toString(depth);
    }

    private static String brTable(Immediate.BrTable table, int openBlocks) {
        StringBuilder out = new StringBuilder();
        for (int label : table.labels()) {
            out.append(' ').append(label(label, openBlocks));
        }
        return out.append(' ').append(label(table.defaultLabel(), openBlocks)).toString();
    }

    private String callIndirect(Immediate.TwoIndex imm) {
        return "call_indirect" + nonZero(imm.second()) + " (type " + imm.first() + ")" + signature(imm.first());
    }

    /** Memory and table indices of 0 are the default that the 2.0 text format omits. */
    private static String nonZero(int index) {
        return index == 0 ? "" : " " + index;
    }

    /** memory.init / table.init: the immediate holds (segment, target); text writes the target first, if not 0. */
    private static String segmentInit(String mnemonic, Immediate.TwoIndex imm) {
        return mnemonic + nonZero(imm.second()) + " " + imm.first();
    }

    /** memory.copy / table.copy: destination and source, both left out when both are 0. */
    private static String copy(String mnemonic, Immediate.TwoIndex imm) {
        return imm.first() == 0 && imm.second() == 0 ? mnemonic : mnemonic + " " + imm.first() + " " + imm.second();
    }

    private static String memArg(Opcode op, Immediate.MemArg arg) {
        StringBuilder out = new StringBuilder();
        out.append(nonZero(arg.memory()));
        if (arg.offset() != 0) {
            out.append(" offset=").append(arg.offset());
        }
        int exponent = arg.alignExponent();
        if (exponent != naturalAlignment(op)) {
            // Text can only spell alignments up to 2^31; a larger exponent (an invalid module) stays visible.
            out.append(exponent < 32 ? " align=" + (1L << exponent) : " (;align=2^" + exponent + ";)");
        }
        return out.toString();
    }

    /** The exponent of a load's or store's access width: {@code i64.load16_s} accesses 2 bytes, so 1. */
    static int naturalAlignment(Opcode op) {
        if (op.prefix() == 0xFD) {
            return VectorAccess.naturalAlignment(op);
        }
        String mnemonic = op.mnemonic();
        String access = mnemonic.substring(mnemonic.indexOf('.') + 1);
        String width = access.replaceAll("[^0-9]", "");
        if (width.isEmpty()) {
            width = mnemonic.substring(1, mnemonic.indexOf('.'));
        }
        return Integer.numberOfTrailingZeros(Integer.parseInt(width) / 8);
    }

    private static String heapType(ValType type) {
        return type == ValType.EXTERNREF ? "extern" : "func";
    }

    private static String lanes(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(' ').append(b & 0xFF);
        }
        return out.toString();
    }
}
