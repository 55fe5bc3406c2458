package dev.jwdb.engine.model;

import java.util.List;

/**
 * An element segment. Every item is a constant expression (including the final {@code end}); the binary forms that
 * list bare function indices are decoded into {@code ref.func i end} expressions.
 */
public record ElementSegment(ValType type, List<List<Instruction>> init, Mode mode) {
    public ElementSegment {
        init = init.stream().map(List::copyOf).toList();
    }

    public sealed interface Mode {
    }

    public record Passive() implements Mode {
    }

    public record Declarative() implements Mode {
    }

    /** Copied into {@code table} at the offset given by the constant expression when instantiated. */
    public record Active(int table, List<Instruction> offset) implements Mode {
        public Active {
            offset = List.copyOf(offset);
        }
    }
}
