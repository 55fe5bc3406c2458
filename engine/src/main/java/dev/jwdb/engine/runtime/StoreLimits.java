package dev.jwdb.engine.runtime;

/**
 * Resource limits of a {@link Store}.
 *
 * @param maxCallDepth     Wasm frames that may be live at once; one more call is "call stack exhausted"
 * @param maxMemoryPages   the most 64 KiB pages any one memory may have, whatever its declared maximum says;
 *                         memory.grow beyond it returns -1. A Java array caps this at 32767 pages.
 * @param maxTableElements the most elements any one table may have, whatever its declared maximum says; table.grow
 *                         beyond it returns -1, and a declared minimum above it fails instantiation. A Java array
 *                         caps this at {@value #ADDRESSABLE_TABLE_ELEMENTS}.
 * @param fuel             Wasm instructions the store may execute, across all its invocations (as wasmtime's fuel,
 *                         it is per store, not per call); the instruction that would need one more traps with
 *                         {@value #FUEL_EXHAUSTED} before it runs. 0 means unlimited, and costs nothing: only a
 *                         store with fuel compiles its functions with a {@code CHECK} before every instruction.
 */
public record StoreLimits(int maxCallDepth, long maxMemoryPages, long maxTableElements, long fuel) {
    /** The largest memory a Java byte array can hold, in whole pages. */
    public static final long ADDRESSABLE_PAGES = 32767;

    /** The most elements a Java array can hold (VMs keep the last few indices of the int range for themselves). */
    public static final long ADDRESSABLE_TABLE_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The default table limit: 80 MB of elements, far above what real programs use, and safe for the heap. */
    public static final long DEFAULT_TABLE_ELEMENTS = 10_000_000;

    public static final StoreLimits DEFAULT = new StoreLimits(20_000, ADDRESSABLE_PAGES);

    /** The trap message when the fuel runs out. */
    public static final String FUEL_EXHAUSTED = "fuel exhausted";

    /** Limits with the default table limit and without fuel (unlimited instructions). */
    public StoreLimits(int maxCallDepth, long maxMemoryPages) {
        this(maxCallDepth, maxMemoryPages, DEFAULT_TABLE_ELEMENTS, 0);
    }

    public StoreLimits {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
        }
        if (maxMemoryPages < 0) {
            throw new IllegalArgumentException("maxMemoryPages must not be negative: " + maxMemoryPages);
        }
        if (maxTableElements < 0) {
            throw new IllegalArgumentException("maxTableElements must not be negative: " + maxTableElements);
        }
        if (fuel < 0) {
            throw new IllegalArgumentException("fuel must not be negative: " + fuel);
        }
        maxMemoryPages = Math.min(maxMemoryPages, ADDRESSABLE_PAGES);
        maxTableElements = Math.min(maxTableElements, ADDRESSABLE_TABLE_ELEMENTS);
    }

    /** Whether instructions are counted: {@link #fuel()} is not 0. */
    public boolean fuelled() {
        return fuel != 0;
    }

    /** These limits with {@code fuel} instructions (0: unlimited). */
    public StoreLimits withFuel(long fuel) {
        return new StoreLimits(maxCallDepth, maxMemoryPages, maxTableElements, fuel);
    }

    /** These limits with tables of at most {@code elements} elements. */
    public StoreLimits withMaxTableElements(long elements) {
        return new StoreLimits(maxCallDepth, maxMemoryPages, elements, fuel);
    }
}
