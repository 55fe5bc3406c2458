package dev.jwdb.engine.text;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.List;

/** A defined function as text: its header, its locals, and one line per body instruction with its nesting depth. */
final class FunctionText {
    private final Module module;
    private final TextNames names;
    private final int index;
    private final Function function;

    FunctionText(Module module, TextNames names, int index) {
        int imported = module.importedFunctionCount();
        if (index < imported) {
            throw new IllegalArgumentException("function " + index + " is imported and has no body");
        }
        if (index >= imported + module.functions().size()) {
            throw new IllegalArgumentException("no function " + index + " (the module has "
                    + (imported + module.functions().size()) + ")");
        }
        this.module = module;
        this.names = names;
        this.index = index;
        this.function = module.functions().get(index - imported);
    }

    /** {@code (func $f (type 0) (param $x i32) (result i32)}, without the closing parenthesis. */
    String header() {
        return "(func " + reference(names, index) + " (type " + function.typeIndex() + ")" + params() + results();
    }

    /** The {@code (local ...)} declarations, or an empty string when there are none. */
    String locals() {
        return declarations("local", function.locals(), paramCount());
    }

    /** One line per body instruction, the final {@code end} included, indented by block nesting. */
    List<Disassembler.Line> lines() {
        InstructionText text = new InstructionText(module, names, index);
        List<Instruction> body = function.body();
        List<Disassembler.Line> out = new ArrayList<>(body.size());
        int open = 0;
        for (int i = 0; i < body.size(); i++) {
            Instruction instruction = body.get(i);
            Opcode op = instruction.opcode();
            boolean closes = op == Opcode.END || op == Opcode.ELSE;
            int depth = closes ? Math.max(open - 1, 0) : open;
            String line = op == Opcode.ELSE || op == Opcode.END ? op.mnemonic() : text.format(instruction, open);
            out.add(new Disassembler.Line(i, instruction, depth, line));
            if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF) {
                open++;
            } else if (op == Opcode.END) {
                open = Math.max(open - 1, 0);
            }
        }
        return out;
    }

    /** A function's {@code $id}, or its index as a {@code (;N;)} comment like wasm2wat writes. */
    static String reference(TextNames names, int index) {
        return names.hasFunction(index) ? names.function(index) : "(;" + index + ";)";
    }

    private int paramCount() {
        return type() == null ? 0 : type().params().size();
    }

    private FuncType type() {
        int t = function.typeIndex();
        return t >= 0 && t < module.types().size() ? module.types().get(t) : null;
    }

    private String params() {
        String params = type() == null ? "" : declarations("param", type().params(), 0);
        return params.isEmpty() ? "" : " " + params;
    }

    private String results() {
        return type() == null || type().results().isEmpty()
                ? ""
                : " (result " + InstructionText.types(type().results()) + ")";
    }

    /**
     * Params or locals: a named one alone as {@code (local $x i32)}, runs of unnamed ones together as
     * {@code (local i32 i64)}. {@code first} is the local index of the first entry.
     */
    private String declarations(String keyword, List<ValType> types, int first) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
            int local = first + i;
            if (names.hasLocal(index, local)) {
                flush(out, keyword, run);
                separate(out).append('(').append(keyword).append(' ').append(names.local(index, local)).append(' ')
                        .append(types.get(i).text()).append(')');
            } else {
                run.append(' ').append(types.get(i).text());
            }
        }
        flush(out, keyword, run);
        return out.toString();
    }

    private static void flush(StringBuilder out, String keyword, StringBuilder run) {
        if (run.length() > 0) {
            separate(out).append('(').append(keyword).append(run).append(')');
            run.setLength(0);
        }
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.length() == 0 ? out : out.append(' ');
    }
}
