package dev.jwdb.engine.exec;

/**
 * How a function is compiled for debugging. Plain code has no debugging ops and costs nothing; a debugger swaps in
 * instrumented code only for the functions that need it.
 *
 * @param checks  a {@link Op#CHECK} before every reachable instruction and no fused pairs, so that a breakpoint or
 *                a step can stop before any single Wasm instruction
 * @param watches loads, stores and global.set in their watched forms, which ask the {@link DebugHooks}
 */
public record Instrumentation(boolean checks, boolean watches) {
    public static final Instrumentation PLAIN = new Instrumentation(false, false);

    public boolean isPlain() {
        return !checks && !watches;
    }
}
