package dev.jwdb.debugger;

import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The session's module instantiated: its store, its instance, the WASI binding its imports call, and the
 * compilations of its functions that the stop points need.
 */
final class Program implements AutoCloseable {
    final Store store;
    final Instance instance;
    final WasiBinding wasi;
    final CodeVariants variants;

    private Program(Store store, Instance instance, WasiBinding wasi) {
        this.store = store;
        this.instance = instance;
        this.wasi = wasi;
        this.variants = new CodeVariants(instance);
    }

    /** Instantiates {@code image} in a store of its own, with WASI bound to {@code args}, {@code grants} and {@code stdio}. */
    static Program instantiate(ModuleImage image, List<String> args, Grants grants, GuestStdio stdio,
                               List<CapabilityEvent> log, Consumer<HostCall> trace) throws DebugException {
        Store store = new Store();
        WasiBinding wasi = new WasiBinding(args, grants, stdio, log);
        wasi.trace = trace;
        Instance instance;
        try {
            instance = store.instantiate(image.module, wasi);
        } catch (WasmException e) {
            wasi.close();
            throw new DebugException("cannot instantiate " + image.sourceName + ": " + e.getMessage());
        }
        wasi.bind(instance);
        return new Program(store, instance, wasi);
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
