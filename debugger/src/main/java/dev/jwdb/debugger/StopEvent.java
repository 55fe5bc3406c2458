package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityEvent;

import java.util.List;

/**
 * Why the program stopped: the answer of every call that runs guest code ({@link DebugSession#run},
 * {@link DebugSession#resume}, the steps...). After {@link Finished}, {@link Exited} and {@link Trapped} the run is
 * over (a trapped run keeps its frames for inspection but cannot continue); after the others it can continue.
 */
public sealed interface StopEvent {
    /**
     * Stopped before the instruction at {@code location}, on breakpoint {@code breakpoint}. {@code conditionError}
     * says why its condition could not be evaluated (the program stops then, so that the user can see), or is null.
     */
    record BreakpointHit(Location location, StopPoint.Breakpoint breakpoint, String conditionError)
            implements StopEvent {
    }

    /** A step ended before the instruction at {@code location}. */
    record StepDone(Location location) implements StopEvent {
    }

    /**
     * A watched location changed (or was read). {@code instruction} is the access that did it, or the call of the
     * WASI function {@code call} that did (null for an instruction); the program stopped right after it, before
     * {@code location}. {@code oldValue} and {@code newValue} are the bytes from {@code address}: those a load or
     * store accessed, as its value; for memory.fill, memory.copy, memory.init and WASI calls, the watched bytes (see
     * {@link WatchedChange}). For a read both are the value read. A global's watch has {@code address} 0.
     */
    record WatchTriggered(StopPoint.Watchpoint watchpoint, Location instruction, Location location, Value oldValue,
                          Value newValue, long address, HostCall call) implements StopEvent {
    }

    /**
     * The program trapped (or exhausted a limit) at {@code location}, the faulting instruction; every frame can
     * still be inspected. {@code message} is the spec's wording, e.g. {@code integer divide by zero}.
     * {@code location} is null only when the trap happened outside any Wasm frame.
     */
    record Trapped(String message, Location location) implements StopEvent {
    }

    /**
     * A WASI call: stopped before it runs on a {@code catch wasi} ({@code call.results()} null), or after it ran
     * when a step went into it ({@code location} is then the instruction after the call).
     */
    record WasiCall(HostCall call, Location location) implements StopEvent {
    }

    /**
     * A capability was denied and the call is held before its errno reached the guest: {@link DebugSession#retry}
     * runs the same call again (after a grant), {@link DebugSession#deliver} lets the errno through.
     */
    record Denied(CapabilityEvent event, HostCall call, Location location) implements StopEvent {
    }

    /** The guest called {@code proc_exit}. */
    record Exited(int code) implements StopEvent {
    }

    /** The invoked function (or {@code _start}) returned. */
    record Finished(List<Value> results) implements StopEvent {
        public Finished {
            results = List.copyOf(results);
        }
    }

    /** {@link DebugSession#interrupt} stopped the program before the instruction at {@code location}. */
    record Interrupted(Location location) implements StopEvent {
    }
}
