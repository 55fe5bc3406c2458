package dev.jwdb.engine.text;

import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;

import java.util.List;

/**
 * The model as WebAssembly text, the way wasm2wat prints it: flat (non-folded) instructions, {@code $ids} from the
 * name section, indices elsewhere. The output is valid text that reads back to the same module. Function listings
 * keep one line per instruction so that a debugger can point at the one it is stopped on.
 */
public final class Disassembler {
    private static final String INDENT = "  ";
    private static final String CURRENT_MARK = "=> ";
    private static final String NO_MARK = "   ";
    /**
     * Indentation stops growing at this depth (wasmprinter's choice too): a body of n nested blocks would otherwise
     * print n^2/2 spaces, gigabytes for a 100000-deep body that is only 200 KB of binary.
     */
    static final int MAX_INDENT_DEPTH = 50;

    private Disassembler() {
    }

    /**
     * One instruction of a function body. {@code index} is its position in the body (the interpreter's
     * instruction index), {@code depth} its block nesting, {@code text} its text without indentation.
     */
    public record Line(int index, Instruction instruction, int depth, String text) {
        /** Byte offset of the instruction in the binary, or -1 when the module came from text. */
        public int offset() {
            return instruction.offset();
        }

        public String indented() {
            return INDENT.repeat(Math.min(depth, MAX_INDENT_DEPTH)) + text;
        }

        /** The line as {@code disas} shows it, with {@code =>} in front of the current instruction. */
        public String render(boolean current) {
            return (current ? CURRENT_MARK : NO_MARK) + indented();
        }
    }

    /** The whole module, ending in a newline. */
    public static String module(Module module) {
        return new ModuleText(module).render();
    }

    /**
     * The instructions of the function at {@code functionIndex} (in the function index space, imports first), one
     * indented line each, the final {@code end} included: line {@code i} is body instruction {@code i}.
     *
     * @throws IllegalArgumentException if the function is imported or does not exist
     */
    public static List<String> function(Module module, int functionIndex) {
        return functionLines(module, functionIndex).stream().map(Line::indented).toList();
    }

    /** Like {@link #function}, with each line's instruction index, instruction and depth. */
    public static List<Line> functionLines(Module module, int functionIndex) {
        return new FunctionText(module, new TextNames(module.names()), functionIndex).lines();
    }

    /**
     * The function's header and, when it has locals, its local declarations, e.g.
     * {@code (func $fac (type 0) (param $n i64) (result i64)} and {@code (local $acc i64)}.
     */
    public static List<String> functionHeader(Module module, int functionIndex) {
        FunctionText function = new FunctionText(module, new TextNames(module.names()), functionIndex);
        String locals = function.locals();
        return locals.isEmpty() ? List.of(function.header()) : List.of(function.header(), INDENT + locals);
    }
}
