package dev.jwdb.engine.wasi;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.DebugHooks;
import dev.jwdb.engine.exec.PauseAfterHostCall;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Offers a {@link WasiHost}'s functions as imports of {@code wasi_snapshot_preview1}, and of {@code wasi_unstable}
 * where that older module differs only by name.
 * Instantiate with this resolver, then {@link #bind} the instance so that the functions see its memory.
 *
 * <p>Only {@link ProcExit} and {@link CallHeld} leave a call, as the host promises (and, while {@link #watch}ing,
 * {@link PauseAfterHostCall} after a call that touched watched bytes); anything else escaping a host function would
 * be a jwdb bug, and is turned into a trap so that the run ends with a Wasm backtrace rather than a Java one.
 */
public final class WasiImports implements ImportResolver {
    private final InstanceMemory memory = new InstanceMemory();
    private final Map<String, FunctionInstance> functions = new HashMap<>();
    private Consumer<String> trace;
    /** The hooks whose watched bytes the calls report, or null. */
    private volatile DebugHooks watching;

    public WasiImports(WasiHost host) {
        for (WasiFunction f : host.functions()) {
            functions.put(f.name(), FunctionInstance.host(f.type(), args -> call(f, args)));
        }
    }

    /**
     * The functions whose {@code wasi_unstable} ABI is not preview1's under another name: fd_seek numbers its whence
     * values differently, the filestat record lays out nlink as 32 bits, and a clock subscription carries an extra
     * identifier field. Served under {@code wasi_unstable} they would give wrong seeks, stats and timers, so a module
     * importing them from there fails to link instead.
     */
    static final Set<String> UNSTABLE_ABI_DIFFERS = Set.of("fd_seek", "fd_filestat_get", "path_filestat_get",
            "poll_oneoff");

    @Override
    public ExternVal resolve(String module, String name) {
        if (!WasiHost.MODULE_NAMES.contains(module)
                || module.equals("wasi_unstable") && UNSTABLE_ABI_DIFFERS.contains(name)) {
            return null;
        }
        return functions.get(name);
    }

    /**
     * From the next call on, a call that writes a byte {@code hooks} watch (or, writing none, reads one) returns by
     * throwing {@link PauseAfterHostCall}, so that the execution calling it pauses right after the call, as after a
     * watched store; null stops watching. Only then does a call pay anything for it.
     */
    public void watch(DebugHooks hooks) {
        watching = hooks;
    }

    /** Lets the host functions reach {@code instance}'s exported memory; returns whether it exports one. */
    public boolean bind(Instance instance) {
        return memory.bind(instance);
    }

    /**
     * Passes every call, once it has returned, to {@code trace} as one line: the call as {@link #describeCall} shows
     * it, {@code " -> "} and its {@link #describeOutcome}; a call that does not return ({@code proc_exit}) as the call
     * alone, before it leaves. Null stops tracing.
     */
    public void trace(Consumer<String> trace) {
        this.trace = trace;
    }

    /** The call of WASI function {@code name} with {@code args}, read against the bound instance's memory now. */
    public String describeCall(String name, Value[] args) {
        return WasiCallText.call(name, slots(args), memory);
    }

    /** How the call ended, with what it wrote through its result pointers: {@code ESUCCESS, nwritten=14}. */
    public String describeOutcome(String name, Value[] args, Value[] results) {
        return WasiCallText.outcome(name, slots(args), slots(results), memory);
    }

    private static long[] slots(Value[] values) {
        long[] slots = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            slots[i] = values[i].bits();
        }
        return slots;
    }

    private Value[] call(WasiFunction f, Value[] args) {
        long[] slots = slots(args);
        Consumer<String> t = trace;
        String call = t == null ? null : WasiCallText.call(f.name(), slots, memory);
        DebugHooks hooks = watching;
        WatchedBytes watched = hooks == null ? null : new WatchedBytes(hooks);
        long[] out;
        try {
            memory.watched(watched);
            out = f.call(memory, slots);
        } catch (ProcExit e) {
            if (t != null) {
                t.accept(call);
            }
            throw e;
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrapException("host function " + f.name() + " failed: " + e);
        } finally {
            memory.watched(null);
        }
        if (t != null) {
            t.accept(call + " -> " + WasiCallText.outcome(f.name(), slots, out, memory));
        }
        FuncType type = f.type();
        Value[] results = new Value[type.results().size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = Value.ofSlot(type.results().get(i), out[i]);
        }
        Access access = watched == null ? null : watched.access(f.name(), memory);
        if (access != null) {
            throw new PauseAfterHostCall(results, access);
        }
        return results;
    }
}
