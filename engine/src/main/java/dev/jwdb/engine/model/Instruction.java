package dev.jwdb.engine.model;

/**
 * One instruction. {@code offset} is its byte offset in the binary module (-1 when parsed from text and not yet
 * encoded); {@code line} and {@code column} are its 1-based position in the text it was parsed from (0 when
 * decoded from a binary).
 */
public record Instruction(Opcode opcode, Immediate immediate, int offset, int line, int column) {
    public static Instruction of(Opcode opcode) {
        return new Instruction(opcode, Immediate.NONE, -1, 0, 0);
    }

    public static Instruction of(Opcode opcode, Immediate immediate) {
        return new Instruction(opcode, immediate, -1, 0, 0);
    }

    /** The single index immediate (label, function, local, global, table, memory, data, element). */
    public int index() {
        return ((Immediate.Index) immediate).index();
    }

    @Override
    public String toString() {
        return opcode.mnemonic() + (immediate instanceof Immediate.None ? "" : " " + immediate);
    }
}
