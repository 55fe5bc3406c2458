package dev.jwdb.engine.exec;

/**
 * How a function is compiled for debugging. Plain code has no debugging ops and costs nothing; a debugger swaps in
 * instrumented code only for the functions that need it.
 *
 * @param checks       a {@link Op#CHECK} before every reachable instruction and no fusion, so that a breakpoint or a
 *                     step can stop before any single Wasm instruction and show its operand stack
 * @param watchLoads   loads in their watched form, which asks the {@link DebugHooks}
 * @param watchStores  stores in their watched form
 * @param watchGlobals global.set in its watched form
 */
public record Instrumentation(boolean checks, boolean watchLoads, boolean watchStores, boolean watchGlobals) {
    public static final Instrumentation PLAIN = new Instrumentation(false, false, false, false);

    /** With {@code watches}, loads, stores and global.set are all watched. */
    public Instrumentation(boolean checks, boolean watches) {
        this(checks, watches, watches, watches);
    }

    /** Whether any access is watched. */
    public boolean watches() {
        return watchLoads || watchStores || watchGlobals;
    }

    /**
     * Whether code compiled with this is fused: all but code with CHECKs. A frame can move between compilations only
     * at a pc where the one it leaves has written out its operand stack (see {@link ExecutionState#relocateFrame}).
     */
    public boolean fused() {
        return !checks;
    }

    public boolean isPlain() {
        return !checks && !watches();
    }

    public Instrumentation withChecks(boolean checks) {
        return new Instrumentation(checks, watchLoads, watchStores, watchGlobals);
    }

    /** Whether code compiled with this has a watched form of {@code ins}. */
    public boolean watches(dev.jwdb.engine.model.Instruction ins) {
        if (ins.opcode() == dev.jwdb.engine.model.Opcode.GLOBAL_SET) {
            return watchGlobals;
        }
        if (ins.immediate() instanceof dev.jwdb.engine.model.Immediate.MemArg) {
            return ins.opcode().results().size() == 1 ? watchLoads : watchStores;
        }
        return false;
    }
}
