package dev.jwdb.debugger;

import dev.jwdb.engine.exec.DebugHooks;
import dev.jwdb.engine.exec.PauseAfterHostCall;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.HostFunction;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.CapabilityListener;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.engine.wasi.WasiHost;
import dev.jwdb.engine.wasi.WasiImports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * WASI as the debugger sees it: the engine's {@link WasiImports}, each function wrapped so that catch points can stop
 * before a call, a trace can see each call after it, and every capability decision reaches the session's log. A
 * denial is held (the call stops before its errno reaches the guest) while {@link #holdDenials} says so, and a call
 * that touched watched memory pauses the program after it while {@link #watch} is on.
 */
final class WasiBinding implements ImportResolver, CapabilityListener, AutoCloseable {
    private final WasiHost host;
    private final WasiImports imports;
    private final List<CapabilityEvent> log;
    private List<CapabilityEvent> callEvents = new ArrayList<>();
    /** Which WASI functions stop before running; evaluated per call. */
    Predicate<String> caught = name -> false;
    boolean holdDenials;
    /** Set before re-running a call that stopped on a catch point, so that it runs this time. */
    boolean skipCatchOnce;
    /** Set before re-running a held call whose errno the user chose to deliver. */
    boolean deliverOnce;
    Consumer<HostCall> trace;
    /** The last call that ran (or was held), and how many have run: a step compares them. */
    HostCall lastCall;
    long calls;

    WasiBinding(List<String> args, Grants grants, GuestStdio stdio, List<CapabilityEvent> log) {
        this.host = new WasiHost(args, grants, stdio, this);
        this.imports = new WasiImports(host);
        this.log = log;
    }

    @Override
    public ExternVal resolve(String module, String name) {
        ExternVal v = imports.resolve(module, name);
        if (!(v instanceof FunctionInstance f)) {
            return v;
        }
        HostFunction original = f.hostCode();
        return FunctionInstance.host(f.type(), args -> call(module, name, original, args));
    }

    /**
     * Makes a call that writes (or reads) memory {@code hooks} watch pause the program right after it; null stops.
     */
    void watch(DebugHooks hooks) {
        imports.watch(hooks);
    }

    boolean bind(Instance instance) {
        return imports.bind(instance);
    }

    private Value[] call(String module, String name, HostFunction original, Value[] args) {
        String text = imports.describeCall(name, args);
        if (!skipCatchOnce && caught.test(name)) {
            throw new CaughtCall(new HostCall(module, name, List.of(args), null, List.of(), text, null));
        }
        skipCatchOnce = false;
        callEvents = new ArrayList<>();
        Value[] results = null;
        try {
            results = original.call(args);
            return results;
        } catch (PauseAfterHostCall pause) {
            results = pause.results();
            throw pause;
        } finally {
            deliverOnce = false;
            calls++;
            lastCall = new HostCall(module, name, List.of(args), results == null ? null : List.of(results),
                    callEvents, text, results == null ? null : imports.describeOutcome(name, args, results));
            Consumer<HostCall> t = trace;
            if (t != null) {
                t.accept(lastCall);
            }
        }
    }

    @Override
    public Verdict onEvent(CapabilityEvent event) {
        synchronized (log) {
            log.add(event);
        }
        callEvents.add(event);
        return event.denied() && holdDenials && !deliverOnce ? Verdict.HOLD : Verdict.DELIVER;
    }

    @Override
    public void close() {
        host.close();
    }
}
