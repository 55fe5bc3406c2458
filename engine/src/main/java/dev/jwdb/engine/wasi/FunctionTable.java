package dev.jwdb.engine.wasi;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the host functions, wrapping each body so that nothing but a result, {@link ProcExit} or
 * {@link CallHeld} ever leaves it: guest mistakes and host failures all become errnos.
 */
final class FunctionTable {
    @FunctionalInterface
    interface Body {
        Errno call(Guest guest, long[] args) throws IOException;
    }

    private final HostContext context;
    private final List<WasiFunction> functions = new ArrayList<>();

    FunctionTable(HostContext context) {
        this.context = context;
    }

    /** Adds a function returning an errno; {@code params} spells the parameter types, {@code i} i32 and {@code I} i64. */
    void add(String name, String params, Body body) {
        FuncType type = type(params, "i");
        functions.add(new WasiFunction(name, type, (memory, args) -> {
            if (args.length != type.params().size()) {
                return new long[] {Errno.INVAL.code()};
            }
            return new long[] {run(body, new Guest(memory), args).code()};
        }));
    }

    void addRaw(WasiFunction function) {
        functions.add(function);
    }

    List<WasiFunction> functions() {
        return List.copyOf(functions);
    }

    private Errno run(Body body, Guest guest, long[] args) {
        try {
            context.beginCall();
            return body.call(guest, args);
        } catch (ProcExit | CallHeld e) {
            throw e;
        } catch (ErrnoException e) {
            return e.errno;
        } catch (IOException e) {
            return HostErrors.errno(e);
        } catch (UncheckedIOException e) {
            return HostErrors.errno(e.getCause());
        } catch (RuntimeException e) {
            // A host failure must not unwind the interpreter; the guest sees an I/O error as from a real kernel.
            return HostErrors.errno(e);
        }
    }

    static FuncType type(String params, String results) {
        return new FuncType(types(params), types(results));
    }

    private static List<ValType> types(String spec) {
        List<ValType> out = new ArrayList<>();
        for (char c : spec.toCharArray()) {
            out.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        return out;
    }
}
