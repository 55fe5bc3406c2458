package dev.jwdb.debugger;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CallHeld;
import dev.jwdb.engine.wasi.ProcExit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Guest code running under the debugger: a chain of calls of the program's functions (its start-up code, then the
 * function asked for), each an {@link Execution}, driven until something the user wants to see happens (a
 * {@link StopEvent}), and continued from there. Each pause of the engine is judged here: a breakpoint whose
 * condition holds, a watchpoint whose value changed, a step that is done, a catch point; other pauses just continue.
 * When a call returns, the next one begins as if a caller outside Wasm made them one after the other: a step that
 * leaves one goes on into the next.
 */
final class Run {
    /** A call the run makes: start-up code (the start function, {@code _initialize}) or the one asked for. */
    record Call(FunctionInstance function, Value[] args, boolean startup) {
    }

    private final ModuleImage image;
    private final Program program;
    private final StopPointTable points;
    /** The calls still to make after the current one. */
    private final Deque<Call> next;
    private volatile Execution execution;
    private Step step;
    /** Whether the last call returned or the program exited: nothing is left to run. */
    private boolean over;

    /** A run of {@code calls}, in order; the results of the last are the run's. */
    Run(ModuleImage image, Program program, StopPointTable points, List<Call> calls) {
        this.image = image;
        this.program = program;
        this.points = points;
        this.next = new ArrayDeque<>(calls);
        begin(next.remove());
    }

    private void begin(Call call) {
        program.begins(call.startup());
        execution = new Execution(program.store, call.function(), call.args(), points, program.variants()::all);
    }

    /** Whether the run can go on: it is stopped, not trapped nor over. */
    boolean canContinue() {
        return !over && execution.canContinue();
    }

    /** Whether the run is stopped at a call held by a capability denial. */
    boolean holdsCall() {
        return execution.last() instanceof Execution.Outcome.HostThrew h && h.exception() instanceof CallHeld;
    }

    /** Stops the running code at its next loop iteration or call; any thread may call it. */
    void interrupt() {
        Execution e = execution;
        if (e != null) {
            e.interrupt();
        }
    }

    /** Installs what the stop points need in the program's code, and moves the live frames onto it. */
    void applyStopPoints() {
        program.applyStopPoints(points, over ? null : execution);
    }

    // ---- frames ----

    int frameCount() {
        return execution.state().frameCount();
    }

    /** Frame {@code number}, 0 the innermost. */
    FrameView frame(int number) throws DebugException {
        int count = frameCount();
        if (number < 0 || number >= count) {
            throw new DebugException("no frame " + number + ": there " + (count == 1 ? "is 1 frame" : "are " + count
                    + " frames") + " (0.." + (count - 1) + ")");
        }
        return new FrameView(image, program.variants(), execution.state(), number, number == 0 && faulted());
    }

    /** Whether frame 0 stopped inside its instruction (a trap, a host call) rather than before it. */
    private boolean faulted() {
        Execution.Outcome last = execution.last();
        return last instanceof Execution.Outcome.Trapped || last instanceof Execution.Outcome.HostThrew;
    }

    private FrameView frame0() {
        return new FrameView(image, program.variants(), execution.state(), 0, faulted());
    }

    /** Where frame 0 is; {@code inside} for a stop within its instruction (trap, host call) rather than before. */
    private Location here(boolean inside) {
        return new FrameView(image, program.variants(), execution.state(), 0, inside).location();
    }

    // ---- running ----

    /** Steps as {@code kind} says, from frame {@code top} (a finish returns from it). */
    StopEvent step(Step.Kind kind, FrameView top) {
        Location at = top.location();
        step = new Step(kind, image.hasLines() && kind != Step.Kind.INSTRUCTION, image.fromDwarf(), top.depth,
                at.line(), program.wasi.calls);
        return drive();
    }

    /** Runs until something the user wants to see: a stop event. */
    StopEvent drive() {
        applyStopPoints();
        WasiBinding wasi = program.wasi;
        while (true) {
            ExecutionState st = execution.state();
            if (step != null) {
                if (step.entersCalls()) {
                    for (FunctionInstance f : program.definedFunctions()) {
                        program.variants().install(f, true, points.watchNeeds());
                    }
                }
                program.variants().relocateFrames(st, true, points.watchNeeds());
                st.stepDepth(step.pauseDepth());
            }
            wasi.caught = name -> !points.catchingWasi(name).isEmpty();
            wasi.watch(points.watchesAnyMemory() ? points : null);
            wasi.holdDenials = !points.catching(StopPoint.CatchKind.DENIED).isEmpty();
            if (execution.last() instanceof Execution.Outcome.HostThrew h && h.exception() instanceof CaughtCall) {
                wasi.skipCatchOnce = true;
            }
            Execution.Outcome outcome = execution.run();
            StopEvent event = decide(outcome);
            if (event != null) {
                st.stepDepth(-1);
                step = null;
                wasi.skipCatchOnce = false;
                applyStopPoints();
                return event;
            }
        }
    }

    /** The stop event for an outcome, or null when the run should just continue. */
    private StopEvent decide(Execution.Outcome outcome) {
        if (outcome instanceof Execution.Outcome.Returned r) {
            if (!next.isEmpty()) {
                begin(next.remove());
                if (step != null) {
                    step = step.intoNextCall(program.wasi.calls);
                }
                return null;
            }
            over = true;
            return new StopEvent.Finished(r.results());
        }
        if (outcome instanceof Execution.Outcome.Trapped t) {
            return trapped(t.error().getMessage());
        }
        if (outcome instanceof Execution.Outcome.HostThrew h) {
            RuntimeException e = h.exception();
            if (e instanceof ProcExit exit) {
                over = true;
                return new StopEvent.Exited(exit.code());
            }
            if (e instanceof CallHeld held) {
                points.catching(StopPoint.CatchKind.DENIED).forEach(c -> c.hits++);
                return new StopEvent.Denied(held.event(), program.wasi.lastCall, here(true));
            }
            if (e instanceof CaughtCall caught) {
                points.catchingWasi(caught.call.name()).forEach(c -> c.hits++);
                return new StopEvent.WasiCall(caught.call, here(true));
            }
            return trapped("host function failed: " + e.getMessage());
        }
        Execution.Pause pause = ((Execution.Outcome.Paused) outcome).reason();
        if (pause == Execution.Pause.INTERRUPTED) {
            return new StopEvent.Interrupted(here(false));
        }
        if (pause == Execution.Pause.AFTER_ACCESS) {
            StopEvent watch = watchTriggered(execution.state().lastAccess());
            if (watch != null) {
                return watch;
            }
        } else {
            StopEvent hit = breakpointHit();
            if (hit != null) {
                return hit;
            }
        }
        if (step != null && pause == Execution.Pause.BEFORE_INSTRUCTION) {
            FrameView top = frame0();
            Location at = top.location();
            if (step.done(top.depth, at.line(), image.stepStop(top.function.index(), top.instruction))) {
                WasiBinding wasi = program.wasi;
                if (wasi.calls != step.callsBefore && step.kind == Step.Kind.INSTRUCTION && wasi.lastCall != null) {
                    return new StopEvent.WasiCall(wasi.lastCall, at);
                }
                return new StopEvent.StepDone(at);
            }
        }
        return null;
    }

    private StopEvent trapped(String message) {
        points.catching(StopPoint.CatchKind.TRAP).forEach(c -> c.hits++);
        Location at = execution.state().frameCount() > 0 ? here(true) : null;
        return new StopEvent.Trapped(message, at);
    }

    /**
     * The stop for the breakpoints at frame 0's instruction: every enabled one whose condition holds counts the hit
     * (or passes over it while it has hits to ignore), and the first of those that stops is reported; a temporary one
     * that stops is deleted. Null when none stops.
     */
    private StopEvent breakpointHit() {
        FrameView top = frame0();
        int fn = top.function.index();
        StopPointTable.Breakpoint stopping = null;
        String stoppingError = null;
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            if (!b.enabled || !b.at(fn, top.instruction)) {
                continue;
            }
            String conditionError = null;
            if (b.condition != null) {
                try {
                    if (!b.condition.holds(image, top, new InstanceState(image, program))) {
                        continue;
                    }
                } catch (DebugException e) {
                    // a condition that cannot be evaluated here stops, as gdb does, and says why
                    conditionError = e.getMessage();
                }
            }
            b.hits++;
            if (b.ignoreCount > 0) {
                b.ignoreCount--;
            } else if (stopping == null) {
                stopping = b;
                stoppingError = conditionError;
            }
        }
        if (stopping == null) {
            return null;
        }
        StopEvent.BreakpointHit hit = new StopEvent.BreakpointHit(top.location(), stopping.snapshot(), stoppingError);
        if (stopping.temporary) {
            // its CHECKs are disarmed when the run goes on (drive applies the stop points first)
            points.remove(stopping.id);
        }
        return hit;
    }

    private StopEvent watchTriggered(Access access) {
        FrameView top = frame0();
        List<StopPointTable.Watchpoint> hit = points.triggered(access.global(), access.address(), access.width(),
                access.write());
        for (StopPointTable.Watchpoint w : hit) {
            WatchedChange change;
            if (access.global() >= 0) {
                ValType t = program.instance.global(access.global()).type().type();
                boolean v128 = t == ValType.V128;
                Value before = v128 ? Value.v128(access.oldBits(), access.oldHighBits())
                        : Value.ofSlot(t, access.oldBits());
                Value after = v128 ? Value.v128(access.newBits(), access.newHighBits())
                        : Value.ofSlot(t, access.newBits());
                change = new WatchedChange(0, before, after, access.oldBits() != access.newBits()
                        || access.oldHighBits() != access.newHighBits());
            } else {
                change = WatchedChange.of(access, w.address, w.length, program.instance.memoryOrNull().bytes());
            }
            if (w.kind == StopPoint.WatchKind.WRITE && !change.changed()) {
                // gdb's software watchpoints report changes only
                continue;
            }
            w.hits++;
            // a host function's access was made by the call the frame just returned from
            HostCall call = access.host() != null ? program.wasi.lastCall : null;
            int instruction = access.host() != null ? top.callBefore() : access.instruction();
            return new StopEvent.WatchTriggered(w.snapshot(), image.location(top.function.index(), instruction),
                    top.location(), change.oldValue(), change.newValue(), change.address(), call);
        }
        return null;
    }
}
