package dev.jwdb.engine.runtime;

/**
 * Resource limits of a {@link Store}.
 *
 * @param maxCallDepth   Wasm frames that may be live at once; one more call is "call stack exhausted"
 * @param maxMemoryPages the most 64 KiB pages any one memory may have, whatever its declared maximum says;
 *                       memory.grow beyond it returns -1. A Java array caps this at 32767 pages.
 */
public record StoreLimits(int maxCallDepth, long maxMemoryPages) {
    /** The largest memory a Java byte array can hold, in whole pages. */
    public static final long ADDRESSABLE_PAGES = 32767;

    public static final StoreLimits DEFAULT = new StoreLimits(20_000, ADDRESSABLE_PAGES);

    public StoreLimits {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
        }
        if (maxMemoryPages < 0) {
            throw new IllegalArgumentException("maxMemoryPages must not be negative: " + maxMemoryPages);
        }
        maxMemoryPages = Math.min(maxMemoryPages, ADDRESSABLE_PAGES);
    }
}
