package dev.jwdb.engine.runtime;

/**
 * Resource limits of a {@link Store}.
 *
 * @param maxCallDepth   Wasm frames that may be live at once; one more call is "call stack exhausted"
 * @param maxMemoryPages the most 64 KiB pages any one memory may have, whatever its declared maximum says;
 *                       memory.grow beyond it returns -1. A Java array caps this at 32767 pages.
 * @param fuel           Wasm instructions the store may execute, across all its invocations (as wasmtime's fuel, it
 *                       is per store, not per call); the instruction that would need one more traps with
 *                       {@value #FUEL_EXHAUSTED} before it runs. 0 means unlimited, and costs nothing: only a store
 *                       with fuel compiles its functions with a {@code CHECK} before every instruction.
 */
public record StoreLimits(int maxCallDepth, long maxMemoryPages, long fuel) {
    /** The largest memory a Java byte array can hold, in whole pages. */
    public static final long ADDRESSABLE_PAGES = 32767;

    public static final StoreLimits DEFAULT = new StoreLimits(20_000, ADDRESSABLE_PAGES);

    /** The trap message when the fuel runs out. */
    public static final String FUEL_EXHAUSTED = "fuel exhausted";

    /** Limits without fuel (unlimited instructions). */
    public StoreLimits(int maxCallDepth, long maxMemoryPages) {
        this(maxCallDepth, maxMemoryPages, 0);
    }

    public StoreLimits {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
        }
        if (maxMemoryPages < 0) {
            throw new IllegalArgumentException("maxMemoryPages must not be negative: " + maxMemoryPages);
        }
        if (fuel < 0) {
            throw new IllegalArgumentException("fuel must not be negative: " + fuel);
        }
        maxMemoryPages = Math.min(maxMemoryPages, ADDRESSABLE_PAGES);
    }

    /** Whether instructions are counted: {@link #fuel()} is not 0. */
    public boolean fuelled() {
        return fuel != 0;
    }

    /** These limits with {@code fuel} instructions (0: unlimited). */
    public StoreLimits withFuel(long fuel) {
        return new StoreLimits(maxCallDepth, maxMemoryPages, fuel);
    }
}
