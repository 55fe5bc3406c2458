package dev.jwdb.engine.runtime;

import dev.jwdb.engine.exec.Interpreter;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The world that instances live in: every function gets a store-wide address here (a funcref is such an address),
 * and function types get store-wide ids so that call_indirect compares one int. Not thread-safe: one thread at a
 * time runs code in a store.
 */
public final class Store {
    private final StoreLimits limits;
    private final Map<FuncType, Integer> typeIds = new HashMap<>();
    private FunctionInstance[] functions = new FunctionInstance[64];
    private int functionCount;
    /** Instructions still allowed when {@link StoreLimits#fuelled()}; shared by every invocation in this store. */
    private long fuel;

    public Store() {
        this(StoreLimits.DEFAULT);
    }

    public Store(StoreLimits limits) {
        this.limits = limits;
        this.fuel = limits.fuel();
    }

    public StoreLimits limits() {
        return limits;
    }

    /** The fuel left (instructions this store may still execute), or 0 when {@link StoreLimits#fuelled()} is false. */
    public long fuel() {
        return fuel;
    }

    /** Engine internal: uses one unit of fuel; false (and nothing used) when none is left. */
    public boolean consumeFuel() {
        if (fuel <= 0) {
            return false;
        }
        fuel--;
        return true;
    }

    /**
     * Links {@code module} (already validated) against {@code imports}, allocates its state, runs its segment
     * initialization and its start function.
     *
     * @throws dev.jwdb.engine.UnlinkableException  an import is missing ("unknown import") or does not match
     *                                              ("incompatible import type")
     * @throws dev.jwdb.engine.TrapException        an active segment is out of bounds, or the start function trapped;
     *                                              tables and memories keep what earlier segments wrote
     * @throws dev.jwdb.engine.ExhaustionException  a limit was reached
     */
    public Instance instantiate(Module module, ImportResolver imports) {
        Instance instance = instantiateWithoutStart(module, imports);
        FunctionInstance start = instance.startFunction();
        if (start != null) {
            invoke(start);
        }
        return instance;
    }

    /**
     * The steps of {@link #instantiate} up to, not including, the start function: the instance's tables and memories
     * hold their active segments and no code has run. The caller runs {@link Instance#startFunction()} itself, as a
     * debugger does to stop in it; until it has returned, the instance is not initialized as the spec means it.
     *
     * @throws dev.jwdb.engine.UnlinkableException an import is missing or does not match
     * @throws dev.jwdb.engine.TrapException       an active segment is out of bounds
     * @throws dev.jwdb.engine.ExhaustionException a limit was reached
     */
    public Instance instantiateWithoutStart(Module module, ImportResolver imports) {
        return new Instantiation(this, module, imports).run();
    }

    /**
     * Calls {@code function} and returns its results.
     *
     * @throws IllegalArgumentException            the arguments do not match the function's parameters
     * @throws dev.jwdb.engine.TrapException       the code trapped
     * @throws dev.jwdb.engine.ExhaustionException the call stack or another limit was exhausted
     */
    public Value[] invoke(FunctionInstance function, Value... args) {
        adopt(function);
        checkArguments(function.type(), args);
        return Interpreter.invoke(this, function, args.clone());
    }

    /** The function at store address {@code address} (the value of a non-null funcref). */
    public FunctionInstance function(int address) {
        if (address < 0 || address >= functionCount) {
            throw new IllegalArgumentException("no function at address " + address);
        }
        return functions[address];
    }

    /** Gives {@code function} an address in this store if it has none yet. */
    void adopt(FunctionInstance function) {
        if (function.store() == this) {
            return;
        }
        if (function.store() != null) {
            throw new IllegalArgumentException(function + " belongs to another store");
        }
        if (functionCount == functions.length) {
            functions = Arrays.copyOf(functions, functionCount * 2);
        }
        functions[functionCount] = function;
        function.bind(this, functionCount++, typeId(function.type()));
    }

    int typeId(FuncType type) {
        return typeIds.computeIfAbsent(type, t -> typeIds.size());
    }

    private void checkArguments(FuncType type, Value[] args) {
        List<ValType> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " arguments " + type + ", got "
                    + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            Value a = args[i];
            if (a == null || a.type() != params.get(i)) {
                throw new IllegalArgumentException("argument " + i + " must be " + params.get(i) + ", got " + a);
            }
            if (a.type() == ValType.FUNCREF && !a.isNull() && (a.bits() < 0 || a.bits() >= functionCount)) {
                throw new IllegalArgumentException("argument " + i + " is not a function of this store: " + a);
            }
        }
    }
}
