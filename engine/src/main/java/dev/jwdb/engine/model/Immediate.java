package dev.jwdb.engine.model;

import java.util.List;

/**
 * An instruction's immediate operands. Which record an instruction carries is fixed by its
 * {@link Opcode#immediate() immediate kind}; see {@link ImmediateKind} for the mapping.
 */
public sealed interface Immediate {
    None NONE = new None();

    record None() implements Immediate {
    }

    /** A block type, for block, loop and if. */
    record Block(BlockType type) implements Immediate {
    }

    /** One index: a label, function, local, global, table, memory, data or element segment. */
    record Index(int index) implements Immediate {
    }

    /**
     * Two indices: call_indirect (type, table), memory.init (data, memory), table.init (element, table),
     * table.copy (destination table, source table), memory.copy (destination memory, source memory).
     */
    record TwoIndex(int first, int second) implements Immediate {
    }

    /** br_table's label vector and default label. */
    record BrTable(int[] labels, int defaultLabel) implements Immediate {
    }

    /** A memory argument: alignment as a power of two exponent, the static offset (u32 in 2.0), memory index. */
    record MemArg(int alignExponent, long offset, int memory) implements Immediate {
    }

    record I32(int value) implements Immediate {
    }

    record I64(long value) implements Immediate {
    }

    /** f32.const, as raw bits so that NaN payloads survive. */
    record F32(int bits) implements Immediate {
    }

    /** f64.const, as raw bits. */
    record F64(long bits) implements Immediate {
    }

    /** The result types of a typed select. */
    record Types(List<ValType> types) implements Immediate {
        public Types {
            types = List.copyOf(types);
        }
    }

    /** The reference type of ref.null. */
    record Ref(ValType type) implements Immediate {
    }

    /** 16 bytes: v128.const, or i8x16.shuffle's lane indices. */
    record V128(byte[] bytes) implements Immediate {
    }

    /** A lane index for extract_lane / replace_lane. */
    record Lane(int lane) implements Immediate {
    }

    /** A memory argument and a lane, for v128.loadN_lane / storeN_lane. */
    record MemLane(MemArg memArg, int lane) implements Immediate {
    }
}
