package dev.jwdb.engine.exec;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A call that can stop and continue: {@link #run()} executes until the call returns, traps, or pauses, and a paused
 * execution continues where it stopped with the next {@link #run()}. This is what a debugger drives;
 * {@link Store#invoke} stays the plain, one-shot way to call.
 *
 * <p>{@link #interrupt()} may be called from any other thread. It writes an {@link Op#INTERRUPT} over the first op
 * of every function and of every loop body in the code {@code interruptible} supplies (so a running loop or a call
 * meets one within an iteration); the running thread pauses there and the originals are written back before
 * {@link #run()} returns. Code without an interrupt pending carries nothing, so a run that is never interrupted
 * pays nothing for the possibility.
 */
public final class Execution {
    private final FunctionInstance function;
    private final ExecutionState st;
    private final Supplier<? extends Collection<CompiledFunction>> interruptible;
    private final Object patchLock = new Object();
    /** Patched code: array to pc to the original word. Guarded by patchLock. */
    private final Map<int[], Map<Integer, Integer>> patches = new IdentityHashMap<>();
    private boolean running;
    /** An interrupt asked for before the run started. Guarded by patchLock. */
    private boolean interruptRequested;
    private Outcome last;

    /** What a {@link #run()} ended with. */
    public sealed interface Outcome {
        /** The call returned {@code results}; the execution is over. */
        record Returned(List<Value> results) implements Outcome {
        }

        /** A trap or exhaustion at the faulting instruction, frames intact; the execution cannot continue. */
        record Trapped(WasmException error) implements Outcome {
        }

        /** Paused by a debugging op or an interrupt; {@link Execution#run()} continues. */
        record Paused(Pause reason) implements Outcome {
        }

        /**
         * A host function threw {@code exception} (a held call, a process exit, a debugger's own signal). The state
         * is before the call instruction with its arguments on the stack: {@link Execution#run()} calls it again.
         */
        record HostThrew(RuntimeException exception) implements Outcome {
        }
    }

    public enum Pause {
        /** Before an instruction, at a {@link Op#CHECK} that was armed or reached while stepping. */
        BEFORE_INSTRUCTION,
        /**
         * Right after a watched access, or after a host call that asked for it ({@link PauseAfterHostCall});
         * {@link ExecutionState#lastAccess()} has the access.
         */
        AFTER_ACCESS,
        /** Before an instruction, because of {@link #interrupt()}. */
        INTERRUPTED
    }

    /**
     * Prepares a call of {@code function} (a function defined by a module) with {@code args} already checked against
     * its type. {@code interruptible} lists the code an interrupt patches: every compilation that may run.
     */
    public Execution(Store store, FunctionInstance function, Value[] args, DebugHooks hooks,
                     Supplier<? extends Collection<CompiledFunction>> interruptible) {
        if (function.isHost()) {
            throw new IllegalArgumentException("an execution runs Wasm code; call a host function directly");
        }
        this.function = function;
        this.interruptible = interruptible;
        CompiledFunction cf = function.compiled();
        st = new ExecutionState(store, cf.maxHeight() * 4);
        if (cf.maxHeight() > st.stack.length) {
            st.growStack(cf.maxHeight());
        }
        Slots.write(args, st.stack, 0);
        Interpreter.enterLocals(st.stack, 0, cf);
        st.function = function;
        st.code = cf.code();
        st.hooks = hooks;
    }

    /** The frames, stack and pc; inspect and change them only while paused. */
    public ExecutionState state() {
        return st;
    }

    /** The outcome of the last {@link #run()}, or null before the first. */
    public Outcome last() {
        return last;
    }

    /** Whether {@link #run()} may be called: not yet run, paused, or stopped before a host call. */
    public boolean canContinue() {
        return last == null || last instanceof Outcome.Paused || last instanceof Outcome.HostThrew;
    }

    /**
     * Runs until the next outcome. Continuing from a pause before an instruction (or from a host call that threw)
     * runs that instruction without pausing on its {@link Op#CHECK} again.
     *
     * @throws IllegalStateException when the execution returned or trapped
     */
    public Outcome run() {
        if (!canContinue()) {
            throw new IllegalStateException("the execution is over");
        }
        // Past the CHECK of the instruction it stopped before; a host call that threw stopped inside its instruction,
        // whose CHECK a debugger may have put in front of it by moving the frame to checked code.
        boolean passedCheck = last instanceof Outcome.Paused p && p.reason() == Pause.BEFORE_INSTRUCTION
                || last instanceof Outcome.HostThrew;
        if (passedCheck && st.code[st.pc] == Op.CHECK) {
            st.pc += 3; // CHECK instruction armed
        }
        st.readWatchedSpans();
        synchronized (patchLock) {
            running = true;
            if (interruptRequested) {
                patchAll();
            }
        }
        try {
            last = execute();
        } finally {
            synchronized (patchLock) {
                running = false;
                interruptRequested = false;
                unpatch();
            }
        }
        return last;
    }

    private Outcome execute() {
        try {
            Interpreter.execute(st);
        } catch (TrapException | ExhaustionException e) {
            return new Outcome.Trapped(e);
        } catch (StackOverflowError e) {
            return new Outcome.Trapped(new ExhaustionException(ExecutionState.CALL_STACK_EXHAUSTED));
        } catch (OutOfMemoryError e) {
            return new Outcome.Trapped(new ExhaustionException("out of memory"));
        } catch (PauseAfterHostCall e) {
            // the host function returned: its results are in place and the state is paused after the call
            return new Outcome.Paused(Pause.AFTER_ACCESS);
        } catch (RuntimeException e) {
            // Only a host call lets anything else out, and it saved the state before calling: the pc is at the call,
            // its arguments (and call_indirect's table index) still in their cells, so it can run again.
            return new Outcome.HostThrew(e);
        }
        switch (st.paused) {
            case ExecutionState.PAUSED_BEFORE:
                return new Outcome.Paused(Pause.BEFORE_INSTRUCTION);
            case ExecutionState.PAUSED_AFTER_ACCESS:
                return new Outcome.Paused(Pause.AFTER_ACCESS);
            case ExecutionState.PAUSED_INTERRUPT:
                return new Outcome.Paused(Pause.INTERRUPTED);
            default:
                return new Outcome.Returned(List.of(Slots.read(function.type().results(), st.stack, 0)));
        }
    }

    /**
     * Asks the execution to pause at its next call or loop iteration. Thread-safe. Asked before {@link #run()} has
     * started, the run pauses at once (so an interrupt a debugger sends as it starts a run is not lost); asked after a
     * run ended, it is dropped.
     */
    public void interrupt() {
        synchronized (patchLock) {
            if (running) {
                patchAll();
            } else {
                interruptRequested = true;
            }
        }
    }

    private void patchAll() {
        interruptRequested = false;
        for (CompiledFunction cf : interruptible.get()) {
            patch(cf.code(), 0);
            for (int head : cf.loopHeads()) {
                patch(cf.code(), head);
            }
        }
    }

    private void patch(int[] code, int pc) {
        Map<Integer, Integer> originals = patches.computeIfAbsent(code, c -> new java.util.HashMap<>());
        if (!originals.containsKey(pc)) {
            originals.put(pc, code[pc]);
            code[pc] = Op.INTERRUPT;
        }
    }

    private void unpatch() {
        patches.forEach((code, originals) -> originals.forEach((pc, op) -> code[pc] = op));
        patches.clear();
    }
}
