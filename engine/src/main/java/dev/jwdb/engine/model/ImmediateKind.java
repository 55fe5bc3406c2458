package dev.jwdb.engine.model;

/** The shape of an opcode's immediates in the binary and text formats, and the {@link Immediate} it carries. */
public enum ImmediateKind {
    /** {@link Immediate.None}. */
    NONE,
    /** {@link Immediate.Block}. */
    BLOCK_TYPE,
    /** {@link Immediate.Index}: a label depth. */
    LABEL,
    /** {@link Immediate.BrTable}. */
    BR_TABLE,
    /** {@link Immediate.Index}: a function index. */
    FUNC,
    /** {@link Immediate.TwoIndex}: type index, then table index (binary order: type, table). */
    CALL_INDIRECT,
    /** {@link Immediate.Index}: a local index. */
    LOCAL,
    /** {@link Immediate.Index}: a global index. */
    GLOBAL,
    /** {@link Immediate.Index}: a table index. */
    TABLE,
    /** {@link Immediate.MemArg}. */
    MEMARG,
    /** {@link Immediate.Index}: a memory index (a single 0x00 byte in 2.0): memory.size, memory.grow, memory.fill. */
    MEMORY,
    /** {@link Immediate.I32}. */
    I32,
    /** {@link Immediate.I64}. */
    I64,
    /** {@link Immediate.F32}. */
    F32,
    /** {@link Immediate.F64}. */
    F64,
    /** {@link Immediate.Types}: typed select. */
    SELECT_TYPES,
    /** {@link Immediate.Ref}: ref.null's heap type. */
    REF_TYPE,
    /** {@link Immediate.Index}: a data segment index (data.drop). */
    DATA,
    /** {@link Immediate.Index}: an element segment index (elem.drop). */
    ELEM,
    /** {@link Immediate.TwoIndex}: data index, memory index (memory.init). */
    MEMORY_INIT,
    /** {@link Immediate.TwoIndex}: destination memory, source memory (memory.copy). */
    MEMORY_COPY,
    /** {@link Immediate.TwoIndex}: element index, table index (table.init; binary order elem, table). */
    TABLE_INIT,
    /** {@link Immediate.TwoIndex}: destination table, source table (table.copy). */
    TABLE_COPY,
    /** {@link Immediate.V128}: v128.const. */
    V128_CONST,
    /** {@link Immediate.V128}: i8x16.shuffle lane indices. */
    SHUFFLE,
    /** {@link Immediate.Lane}. */
    LANE,
    /** {@link Immediate.MemLane}. */
    MEMARG_LANE
}
