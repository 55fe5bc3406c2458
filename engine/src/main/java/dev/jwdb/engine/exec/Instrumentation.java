package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;

/**
 * How a function is compiled for debugging. Plain code has no debugging ops and costs nothing; a debugger swaps in
 * instrumented code only for the functions that need it.
 *
 * @param checks       a {@link Op#CHECK} before every reachable instruction and no fusion, so that a breakpoint or a
 *                     step can stop before any single Wasm instruction and show its operand stack
 * @param watchLoads   loads in their watched form, which asks the {@link DebugHooks}, v128 loads and memory.copy
 *                     (its source) included
 * @param watchStores  stores in their watched form, v128 stores, memory.fill, memory.copy and memory.init included
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

    /**
     * Whether code compiled with this has a watched form of {@code ins}: loads and stores (v128 ones too) by their
     * direction, memory.fill and memory.init as stores, memory.copy as both, global.set.
     */
    public boolean watches(Instruction ins) {
        Opcode op = ins.opcode();
        switch (op) {
            case GLOBAL_SET:
                return watchGlobals;
            case MEMORY_FILL:
            case MEMORY_INIT:
                return watchStores;
            case MEMORY_COPY:
                return watchStores || watchLoads;
            default:
                break;
        }
        if (ins.immediate() instanceof Immediate.MemArg || ins.immediate() instanceof Immediate.MemLane) {
            return op.results().size() == 1 ? watchLoads : watchStores;
        }
        return false;
    }
}
