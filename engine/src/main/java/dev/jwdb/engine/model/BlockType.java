package dev.jwdb.engine.model;

/** The type of a {@code block}, {@code loop} or {@code if}: empty, one value type, or a type index. */
public sealed interface BlockType {
    Empty EMPTY = new Empty();

    record Empty() implements BlockType {
    }

    record Value(ValType type) implements BlockType {
    }

    record TypeIndex(int index) implements BlockType {
    }
}
