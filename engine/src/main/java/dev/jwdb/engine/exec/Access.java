package dev.jwdb.engine.exec;

/**
 * A watched access that paused execution, right after it happened.
 *
 * @param instruction the accessing instruction's index in its function body
 * @param global      the global written, or -1 for a memory access
 * @param address     the effective address of a memory access
 * @param width       bytes accessed
 * @param write       false for a load
 * @param oldBits     the bytes (zero-extended, little-endian) or global bits before the access
 * @param newBits     the same after it; equal to {@code oldBits} for a load
 */
public record Access(int instruction, int global, long address, int width, boolean write, long oldBits,
                     long newBits) {
}
