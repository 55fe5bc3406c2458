package dev.jwdb.engine.wasi;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Offers a {@link WasiHost}'s functions as imports of {@code wasi_snapshot_preview1} and {@code wasi_unstable}.
 * Instantiate with this resolver, then {@link #bind} the instance so that the functions see its memory.
 *
 * <p>Only {@link ProcExit} and {@link CallHeld} leave a call, as the host promises; anything else escaping a host
 * function would be a jwdb bug, and is turned into a trap so that the run ends with a Wasm backtrace rather than a
 * Java one.
 */
public final class WasiImports implements ImportResolver {
    private final InstanceMemory memory = new InstanceMemory();
    private final Map<String, FunctionInstance> functions = new HashMap<>();

    public WasiImports(WasiHost host) {
        for (WasiFunction f : host.functions()) {
            functions.put(f.name(), FunctionInstance.host(f.type(), args -> call(f, args)));
        }
    }

    @Override
    public ExternVal resolve(String module, String name) {
        return WasiHost.MODULE_NAMES.contains(module) ? functions.get(name) : null;
    }

    /** Lets the host functions reach {@code instance}'s exported memory; returns whether it exports one. */
    public boolean bind(Instance instance) {
        return memory.bind(instance);
    }

    private Value[] call(WasiFunction f, Value[] args) {
        long[] slots = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = args[i].bits();
        }
        long[] out;
        try {
            out = f.call(memory, slots);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrapException("host function " + f.name() + " failed: " + e);
        }
        FuncType type = f.type();
        Value[] results = new Value[type.results().size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = Value.ofSlot(type.results().get(i), out[i]);
        }
        return results;
    }
}
