package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code spectest} module the official test scripts import: print functions, four constant globals, a table
 * and a memory. One resolver shares its table and memory among every module that imports them.
 */
public final class SpecTestHost {
    private SpecTestHost() {
    }

    public static ImportResolver create(Store store, PrintStream out) {
        Map<String, ExternVal> exports = new HashMap<>();
        print(exports, out, "print");
        print(exports, out, "print_i32", ValType.I32);
        print(exports, out, "print_i64", ValType.I64);
        print(exports, out, "print_f32", ValType.F32);
        print(exports, out, "print_f64", ValType.F64);
        print(exports, out, "print_i32_f32", ValType.I32, ValType.F32);
        print(exports, out, "print_f64_f64", ValType.F64, ValType.F64);
        exports.put("global_i32", new GlobalInstance(new GlobalType(ValType.I32, false), Value.i32(666)));
        exports.put("global_i64", new GlobalInstance(new GlobalType(ValType.I64, false), Value.i64(666)));
        exports.put("global_f32", new GlobalInstance(new GlobalType(ValType.F32, false), Value.f32(666.6f)));
        exports.put("global_f64", new GlobalInstance(new GlobalType(ValType.F64, false), Value.f64(666.6)));
        exports.put("table", new TableInstance(new TableType(ValType.FUNCREF, new Limits(10, 20)), store.limits()));
        exports.put("memory", new MemoryInstance(new MemoryType(new Limits(1, 2)), store.limits()));
        return (module, name) -> "spectest".equals(module) ? exports.get(name) : null;
    }

    private static void print(Map<String, ExternVal> exports, PrintStream out, String name, ValType... params) {
        FuncType type = new FuncType(List.of(params), List.of());
        exports.put(name, FunctionInstance.host(type, args -> {
            out.println(Stream.of(args).map(Value::toString).collect(Collectors.joining(" ")));
            return new Value[0];
        }));
    }
}
