package dev.jwdb.repl;

import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.wat.Literals;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The export a run calls after {@code _initialize}: {@code _start} (a WASI command), or the function named by
 * {@code --invoke} with its arguments parsed by its parameter types, the numbers written as in the text format.
 */
record EntryPoint(String export, Value[] args, boolean printsResults) {
    static final String START = "_start";
    static final String INITIALIZE = "_initialize";

    static EntryPoint start(Module module, String file) throws RunFailure {
        if (functionType(module, START) == null) {
            throw new RunFailure("jwdb: " + file + ": no _start export (a WASI command has one); call a function "
                    + "with --invoke NAME", Exit.USAGE);
        }
        return new EntryPoint(START, new Value[0], false);
    }

    static EntryPoint invoke(Module module, String file, String name, List<String> texts) throws RunFailure {
        FuncType type = functionType(module, name);
        if (type == null) {
            throw new RunFailure("jwdb: " + file + ": no exported function " + name, Exit.USAGE);
        }
        List<ValType> params = type.params();
        if (texts.size() != params.size()) {
            throw new RunFailure("jwdb: " + name + " takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + " (" + params.stream().map(ValType::text)
                    .collect(Collectors.joining(" ")) + "), got " + texts.size(), Exit.USAGE);
        }
        Value[] args = new Value[params.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = parse(name, i + 1, params.get(i), texts.get(i));
        }
        return new EntryPoint(name, args, true);
    }

    /** The type of the function exported as {@code name}, or null when there is none. */
    static FuncType functionType(Module module, String name) {
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.name().equals(name)) {
                return module.types().get(module.functionTypeIndices().get(e.index()));
            }
        }
        return null;
    }

    private static Value parse(String function, int position, ValType type, String text) throws RunFailure {
        try {
            switch (type) {
                case I32:
                    return Value.i32(Literals.parseI32(text));
                case I64:
                    return Value.i64(Literals.parseI64(text));
                case F32:
                    return Value.f32Bits(Literals.parseF32Bits(text));
                case F64:
                    return Value.f64Bits(Literals.parseF64Bits(text));
                default:
                    throw new RunFailure("jwdb: " + function + ": argument " + position + " is a " + type
                            + ", which cannot be given on the command line", Exit.USAGE);
            }
        } catch (NumberFormatException e) {
            throw new RunFailure("jwdb: " + function + ": argument " + position + ": expected " + type + ", got "
                    + text, Exit.USAGE);
        }
    }
}
