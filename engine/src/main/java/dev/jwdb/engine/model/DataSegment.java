package dev.jwdb.engine.model;

import java.util.List;

/** A data segment: its bytes and whether it is passive or copied into a memory at instantiation. */
public record DataSegment(byte[] init, Mode mode) {
    public sealed interface Mode {
    }

    public record Passive() implements Mode {
    }

    public record Active(int memory, List<Instruction> offset) implements Mode {
        public Active {
            offset = List.copyOf(offset);
        }
    }
}
