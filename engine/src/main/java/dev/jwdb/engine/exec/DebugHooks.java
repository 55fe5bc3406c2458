package dev.jwdb.engine.exec;

/**
 * What watched code (see {@link Instrumentation#watches}) asks before pausing after an access, and the WASI host
 * while a debugger has it watch memory ({@code WasiImports.watch}). Kept to two predicates so that an access nobody
 * watches costs one call; the details of an access that pauses are in {@link ExecutionState#lastAccess()}.
 */
public interface DebugHooks {
    DebugHooks NONE = new DebugHooks() {
        @Override
        public boolean watchesMemory(long address, int width, boolean write) {
            return false;
        }

        @Override
        public boolean watchesGlobal(int global) {
            return false;
        }

        @Override
        public long[] watchedSpan(boolean write) {
            return NO_SPAN;
        }
    };

    /** A span with no byte in it. */
    long[] NO_SPAN = {0, 0};

    /** Whether reading ({@code write} false) or writing the {@code width} bytes at {@code address} should pause. */
    boolean watchesMemory(long address, int width, boolean write);

    /**
     * The bytes {@code from} (inclusive) to {@code to} (exclusive), as {@code {from, to}}, that hold every byte whose
     * read ({@code write} false) or write {@link #watchesMemory} may answer true for; an access outside them runs at
     * full speed without asking. An execution reads it each time it starts or continues, so it may change only while
     * the execution is paused.
     */
    long[] watchedSpan(boolean write);

    /** Whether writing global {@code global} (an index of the running function's instance) should pause. */
    boolean watchesGlobal(int global);
}
