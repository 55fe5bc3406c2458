package dev.jwdb.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * Issue 7's debugger-cost measurements, each reported as a ratio to the plain jwdb run of the same module:
 * <ul>
 *   <li>a breakpoint set in a function that is never reached (must cost at most 5%);</li>
 *   <li>a memory watchpoint on an address that is never written (at most 3x);</li>
 *   <li>a run with the WASI trace off (nothing measurable).</li>
 * </ul>
 * They need the debugger's session API (breakpoints, watchpoints, resumable runs), which another branch is adding.
 * CONNECT HERE: build a DebugSession per module, set the breakpoint / watchpoint, and return one
 * {@link Engine.Runner} per variant from {@link #variants}; {@link BenchMain} then times them alternately with the
 * plain run and prints the ratios. Until then this reports that they are not measured.
 */
final class DebuggerCosts {
    private DebuggerCosts() {
    }

    /** Variant name to a runner for {@code wasm}; empty until the debugger API lands. */
    static Map<String, Engine> variants(Path benchDir) {
        return Map.of();
    }
}
