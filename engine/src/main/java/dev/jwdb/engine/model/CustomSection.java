package dev.jwdb.engine.model;

/**
 * A custom section kept as raw bytes. {@code after} is the id of the last known (non-custom) section that precedes
 * it in the binary (0 when it comes before every known section), so that encoding puts it back in place.
 */
public record CustomSection(String name, byte[] content, int after) {
}
