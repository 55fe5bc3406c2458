package dev.jwdb.engine.runtime;

import dev.jwdb.engine.exec.CompiledFunction;
import dev.jwdb.engine.exec.FunctionCompiler;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;

/**
 * A function: either defined by a module instance (its body is compiled on the first call) or implemented by the
 * host. Once it is known to a {@link Store} it has a store-wide address, which is what a funcref holds.
 */
public final class FunctionInstance implements ExternVal {
    /** How a fuelled store compiles: the CHECKs count the instructions. */
    private static final Instrumentation FUEL = new Instrumentation(true, false);
    private final FuncType type;
    private final Instance instance;
    private final int index;
    private final HostFunction host;
    private Store store;
    private int address = -1;
    private int typeId = -1;
    private CompiledFunction compiled;

    private FunctionInstance(FuncType type, Instance instance, int index, HostFunction host) {
        this.type = type;
        this.instance = instance;
        this.index = index;
        this.host = host;
    }

    public static FunctionInstance host(FuncType type, HostFunction code) {
        if (type == null || code == null) {
            throw new IllegalArgumentException("a host function needs a type and code");
        }
        return new FunctionInstance(type, null, -1, code);
    }

    static FunctionInstance defined(FuncType type, Instance instance, int index) {
        return new FunctionInstance(type, instance, index, null);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.FUNC;
    }

    public FuncType type() {
        return type;
    }

    public boolean isHost() {
        return host != null;
    }

    /** The host code, or null for a function defined by a module. */
    public HostFunction hostCode() {
        return host;
    }

    /** The instance whose module defines this function, or null for a host function. */
    public Instance instance() {
        return instance;
    }

    /** The index in the defining module's function index space, or -1 for a host function. */
    public int index() {
        return index;
    }

    /** The store-wide address (the value of a funcref to this function), or -1 before any store has seen it. */
    public int address() {
        return address;
    }

    /** Engine internal: the store's canonical id of {@link #type()}, equal ids meaning equal types. */
    public int typeId() {
        return typeId;
    }

    /**
     * Engine internal: the executable form of the body, compiled on first use. Null for a host function. In a store
     * with fuel, the code has a {@code CHECK} before every instruction, which counts the fuel.
     */
    public CompiledFunction compiled() {
        CompiledFunction c = compiled;
        if (c == null && host == null) {
            c = store != null && store.limits().fuelled()
                    ? FunctionCompiler.compile(instance.module(), index, instance.functionTypes(), FUEL)
                    : FunctionCompiler.compile(instance.module(), index, instance.functionTypes());
            compiled = c;
        }
        return c;
    }

    /**
     * Engine internal: makes calls to this function run {@code code}, another compilation of its body (a debugger's
     * instrumented variant, or the plain one back). Frames already running keep the code they run.
     */
    public void useCompiled(CompiledFunction code) {
        if (host != null) {
            throw new IllegalStateException("a host function has no compiled code");
        }
        compiled = code;
    }

    Store store() {
        return store;
    }

    void bind(Store store, int address, int typeId) {
        this.store = store;
        this.address = address;
        this.typeId = typeId;
    }

    @Override
    public String toString() {
        String name = instance == null ? null : instance.module().names().function(index);
        return "func " + (name != null ? "$" + name : host != null ? "<host>" : Integer.toString(index)) + " " + type;
    }
}
