package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/** Short constructors for instructions in validator tests. */
final class Code {
    private Code() {
    }

    static Instruction op(Opcode opcode) {
        return Instruction.of(opcode);
    }

    static Instruction i32(int value) {
        return Instruction.of(Opcode.I32_CONST, new Immediate.I32(value));
    }

    static Instruction i64(long value) {
        return Instruction.of(Opcode.I64_CONST, new Immediate.I64(value));
    }

    static Instruction f32(float value) {
        return Instruction.of(Opcode.F32_CONST, new Immediate.F32(Float.floatToRawIntBits(value)));
    }

    static Instruction f64(double value) {
        return Instruction.of(Opcode.F64_CONST, new Immediate.F64(Double.doubleToRawLongBits(value)));
    }

    /** An instruction with one index immediate: local.get 0, br 1, call 2, table.size 0, ... */
    static Instruction op(Opcode opcode, int index) {
        return Instruction.of(opcode, new Immediate.Index(index));
    }

    static Instruction op(Opcode opcode, int first, int second) {
        return Instruction.of(opcode, new Immediate.TwoIndex(first, second));
    }

    static Instruction block(Opcode opcode) {
        return Instruction.of(opcode, new Immediate.Block(BlockType.EMPTY));
    }

    static Instruction block(Opcode opcode, ValType result) {
        return Instruction.of(opcode, new Immediate.Block(new BlockType.Value(result)));
    }

    static Instruction blockOfType(Opcode opcode, int typeIndex) {
        return Instruction.of(opcode, new Immediate.Block(new BlockType.TypeIndex(typeIndex)));
    }

    static Instruction brTable(int defaultLabel, int... labels) {
        return Instruction.of(Opcode.BR_TABLE, new Immediate.BrTable(labels, defaultLabel));
    }

    static Instruction memory(Opcode opcode, int alignExponent) {
        return Instruction.of(opcode, new Immediate.MemArg(alignExponent, 0, 0));
    }

    static Instruction select(ValType... types) {
        return Instruction.of(Opcode.SELECT_T, new Immediate.Types(List.of(types)));
    }

    static Instruction refNull(ValType type) {
        return Instruction.of(Opcode.REF_NULL, new Immediate.Ref(type));
    }

    static Instruction at(Instruction ins, int offset) {
        return new Instruction(ins.opcode(), ins.immediate(), offset, 0, 0);
    }

    static Instruction atLine(Instruction ins, int line, int column) {
        return new Instruction(ins.opcode(), ins.immediate(), -1, line, column);
    }
}
