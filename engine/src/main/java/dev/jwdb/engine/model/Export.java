package dev.jwdb.engine.model;

/** One export: its name and the index (in the kind's index space) it refers to. */
public record Export(String name, ExternKind kind, int index) {
}
