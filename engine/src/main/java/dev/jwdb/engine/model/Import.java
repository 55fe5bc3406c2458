package dev.jwdb.engine.model;

/** One import: module name, field name, and what is imported. */
public record Import(String module, String name, ImportDesc desc) {
}
