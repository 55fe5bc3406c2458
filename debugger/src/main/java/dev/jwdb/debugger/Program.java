package dev.jwdb.debugger;

import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The session's module instantiated: its store, its instance, the WASI binding its imports call, and the
 * compilations of its functions that the stop points need. Instantiation stops before the module's start function,
 * so that the start function (and a reactor's {@code _initialize}) runs under the debugger like any other code: a
 * program whose start-up has not begun shows the module's initial image (data and element segments in place).
 */
final class Program implements AutoCloseable {
    /** A WASI reactor's initialization, which {@code invoke} runs before the first export it calls. */
    static final String INITIALIZE = "_initialize";

    final Store store;
    final Instance instance;
    final WasiBinding wasi;
    private CodeVariants variants;
    /** Whether code has begun to run in the instance; until then it holds the module's initial image. */
    private boolean ranCode;
    /** Whether the start-up code returned and the exports may be called. */
    private boolean initialized;

    private Program(Store store, Instance instance, WasiBinding wasi) {
        this.store = store;
        this.instance = instance;
        this.wasi = wasi;
    }

    /**
     * Instantiates {@code image} in a store of its own, with WASI bound to {@code args}, {@code grants} and
     * {@code stdio}, up to (not including) its start function.
     */
    static Program instantiate(ModuleImage image, List<String> args, Grants grants, GuestStdio stdio,
                               List<CapabilityEvent> log, Consumer<HostCall> trace) throws DebugException {
        Store store = new Store();
        WasiBinding wasi;
        try {
            wasi = new WasiBinding(args, grants, stdio, log);
        } catch (UncheckedIOException e) {
            // a granted listening socket could not be opened (the port is taken)
            throw new DebugException("cannot instantiate " + image.sourceName + ": " + e.getCause().getMessage());
        }
        wasi.trace = trace;
        Instance instance;
        try {
            instance = store.instantiateWithoutStart(image.module, wasi);
        } catch (WasmException e) {
            wasi.close();
            throw new DebugException("cannot instantiate " + image.sourceName + ": " + e.getMessage());
        }
        wasi.bind(instance);
        return new Program(store, instance, wasi);
    }

    /**
     * The compilations of the functions, made when the first run begins (every function is compiled then, so that
     * an interrupt can reach all of them; a program only inspected compiles nothing).
     */
    CodeVariants variants() {
        if (variants == null) {
            variants = new CodeVariants(instance);
        }
        return variants;
    }

    /**
     * The calls that initialize the instance, in order: the start function, then {@code _initialize} when
     * {@code reactor} and the module exports one that takes no arguments. Empty once they have run.
     */
    List<Run.Call> startup(boolean reactor) throws DebugException {
        List<Run.Call> calls = new ArrayList<>();
        if (initialized) {
            return calls;
        }
        FunctionInstance start = instance.startFunction();
        if (start != null) {
            if (start.isHost()) {
                // WASI has no function of type [] -> [], so only another import resolver could get here
                throw new DebugException("the start function is imported: jwdb runs only the module's own code");
            }
            calls.add(new Run.Call(start, new Value[0], true));
        }
        if (reactor && instance.export(INITIALIZE) instanceof FunctionInstance init && !init.isHost()
                && init.type().params().isEmpty()) {
            calls.add(new Run.Call(init, new Value[0], true));
        }
        return calls;
    }

    /** Whether code has run (or begun to) in this instance: it no longer shows the module's initial image. */
    boolean ranCode() {
        return ranCode;
    }

    /** Whether start-up code began but never returned (it trapped, exited or was killed): the instance is unusable. */
    boolean startupFailed() {
        return ranCode && !initialized;
    }

    /** A run begins a call; {@code startup} says whether it is start-up code, or what start-up made ready for. */
    void begins(boolean startup) {
        ranCode = true;
        if (!startup) {
            initialized = true;
        }
    }

    /** The functions the module defines (not the imported ones): the code the debugger compiles and stops in. */
    List<FunctionInstance> definedFunctions() {
        List<FunctionInstance> out = new ArrayList<>();
        for (FunctionInstance f : instance.functions()) {
            if (!f.isHost() && f.instance() == instance) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Installs in every function the compilation the stop points need, arms the CHECKs of breakpoints, and moves
     * the frames of {@code execution} (null when none can continue) that now need more instrumentation onto it.
     */
    void applyStopPoints(StopPointTable points, Execution execution) {
        if (variants == null) {
            return; // no run has begun: the first one applies them
        }
        Instrumentation watches = points.watchNeeds();
        Map<Integer, Set<Integer>> armed = new HashMap<>();
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            if (b.enabled) {
                for (int[] s : b.sites) {
                    armed.computeIfAbsent(s[0], k -> new HashSet<>()).add(s[1]);
                }
            }
        }
        for (FunctionInstance f : definedFunctions()) {
            Set<Integer> sites = armed.getOrDefault(f.index(), Set.of());
            variants.install(f, !sites.isEmpty(), watches);
            variants.arm(f, sites);
        }
        if (execution != null && execution.canContinue()) {
            ExecutionState st = execution.state();
            for (int i = 0; i < st.frameCount(); i++) {
                variants.relocate(st, i, armed.containsKey(st.frameFunction(i).index()), watches);
            }
        }
    }

    @Override
    public void close() {
        wasi.close();
    }
}
