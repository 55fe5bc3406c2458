package dev.jwdb.engine.exec;

/**
 * What watched code (see {@link Instrumentation#watches}) asks before pausing after an access. Kept to two
 * predicates so that an access nobody watches costs one call; the details of an access that pauses are in
 * {@link ExecutionState#lastAccess()}.
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
    };

    /** Whether reading ({@code write} false) or writing the {@code width} bytes at {@code address} should pause. */
    boolean watchesMemory(long address, int width, boolean write);

    /** Whether writing global {@code global} (an index of the running function's instance) should pause. */
    boolean watchesGlobal(int global);
}
