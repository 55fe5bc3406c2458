package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.GlobalVariable;
import dev.jwdb.debugger.Local;
import dev.jwdb.debugger.SourceSummary;
import dev.jwdb.debugger.SourceVariable;
import dev.jwdb.debugger.TableEntry;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.io.PrintWriter;
import java.util.List;

/** {@code info break|locals|stack|globals|tables|memory|functions}. */
final class Info extends BasicCommand {
    private static final List<String> TOPICS = List.of("break", "locals", "wasm-locals", "stack", "globals",
            "tables", "memory", "functions", "source", "display");
    /** Table elements listed before the rest is summarised. */
    private static final int SHOWN_ELEMENTS = 32;

    Info() {
        super(List.of("info", "i"),
                "info break|locals|wasm-locals|stack|globals|tables|memory|functions|source|display",
                "breakpoints; the selected frame's locals, operand stack and source file; globals, tables, memory;"
                        + " functions",
                "info break       breakpoints, watchpoints and catch points with their numbers and hits\n"
                        + "info locals      parameters and locals of the selected frame: with DWARF (-g), the\n"
                        + "                 source's variables (C, Rust) in scope; otherwise the Wasm locals\n"
                        + "info wasm-locals the Wasm function's parameters and locals, always\n"
                        + "info stack       the selected frame's operand stack, bottom first\n"
                        + "info globals     every global, with its mutability\n"
                        + "info tables      every table and its elements\n"
                        + "info memory      the size of linear memory\n"
                        + "info functions   every function of the module\n"
                        + "info source      the selected frame's source file: where it was found, its lines; with\n"
                        + "                 DWARF its compilation directory, language, compiler and DWARF version\n"
                        + "info display     the expressions display shows after every stop");
    }

    static List<ShellCommand> commands() {
        return List.of(new Info());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        args.expect(1, 1, synopsis());
        String topic = topic(args.word(0));
        PrintWriter out = context.out();
        switch (topic) {
            case "break":
                Breakpoints.table(context);
                break;
            case "display":
                if (context.displays().isEmpty()) {
                    out.println("no displays");
                }
                for (ShellContext.Display d : context.displays()) {
                    out.println(d.id() + ": " + d.text());
                }
                break;
            case "locals":
                Guard.frames(context);
                if (context.session().sourceLevel()) {
                    List<SourceVariable> variables;
                    try {
                        variables = context.session().sourceVariables();
                    } catch (DebugException e) {
                        out.println("note: " + e.getMessage() + "; showing the Wasm locals");
                        variables = List.of();
                    }
                    for (SourceVariable v : variables) {
                        out.println(v.name() + " = " + v.value());
                    }
                    if (!variables.isEmpty()) {
                        break;
                    }
                    if (sourceFunction(context)) {
                        out.println("no variables in scope here (info wasm-locals lists the Wasm locals)");
                        break;
                    }
                }
                wasmLocals(context, out);
                break;
            case "wasm-locals":
                Guard.frames(context);
                wasmLocals(context, out);
                break;
            case "stack":
                Guard.frames(context);
                List<Value> stack = context.session().operandStack();
                if (stack.isEmpty()) {
                    out.println("the operand stack is empty");
                }
                for (int i = 0; i < stack.size(); i++) {
                    out.println("[" + i + "] " + context.renderer().value(stack.get(i))
                            + (i == stack.size() - 1 ? "  <- top" : ""));
                }
                break;
            case "globals":
                Guard.module(context);
                List<GlobalVariable> globals = context.session().globals();
                if (globals.isEmpty()) {
                    out.println("no globals");
                }
                for (GlobalVariable g : globals) {
                    out.println(g.label() + (g.mutable() ? " (mut)" : "") + " = "
                            + context.renderer().value(g.value()));
                }
                break;
            case "tables":
                tables(context);
                break;
            case "memory":
                Guard.module(context);
                long size = context.session().memorySize();
                long pages = size / 65536;
                out.println("memory 0: " + size + " bytes (" + pages + (pages == 1 ? " page" : " pages")
                        + " of 64 KiB)");
                break;
            case "functions":
                Guard.module(context);
                List<String> names = context.session().functionNames();
                for (int i = 0; i < names.size(); i++) {
                    out.println(String.format("%4d  %s", i, names.get(i)));
                }
                break;
            case "source":
                Guard.frames(context);
                source(context.session().sourceSummary(), out);
                break;
            default:
                throw new IllegalStateException(topic);
        }
    }

    /** As gdb words it. */
    private static void source(SourceSummary s, PrintWriter out) {
        out.println("Current source file is " + s.name());
        if (s.compDir() != null) {
            out.println("Compilation directory is " + s.compDir());
        }
        if (s.path() != null) {
            out.println("Located in " + s.path());
            out.println("Contains " + s.lines() + (s.lines() == 1 ? " line." : " lines."));
        } else {
            out.println("Not found: " + s.missing());
        }
        out.println("Source language is " + s.language() + ".");
        if (s.producer() != null) {
            out.println("Producer is " + s.producer() + ".");
        }
        if (s.dwarfVersion() > 0) {
            out.println("Compiled with DWARF " + s.dwarfVersion() + " debugging format.");
        }
    }

    private static void tables(ShellContext context) throws ShellError, DebugException {
        Guard.module(context);
        int count = context.session().tableCount();
        if (count == 0) {
            context.out().println("no tables");
        }
        for (int t = 0; t < count; t++) {
            List<TableEntry> entries = context.session().table(t);
            context.out().println("table " + t + ": " + entries.size() + " element" + (entries.size() == 1 ? "" : "s"));
            for (TableEntry e : entries.subList(0, Math.min(SHOWN_ELEMENTS, entries.size()))) {
                context.out().println("  [" + e.index() + "] " + (e.function() == null ? "null" : e.function()));
            }
            if (entries.size() > SHOWN_ELEMENTS) {
                context.out().println("  ... " + (entries.size() - SHOWN_ELEMENTS) + " more");
            }
        }
    }

    /** The topic named by {@code typed} or a unique prefix of it ({@code info loc}). */
    /** Whether DWARF describes the selected frame's function; false when that cannot be read either. */
    private static boolean sourceFunction(ShellContext context) {
        try {
            return context.session().sourceFunction();
        } catch (DebugException e) {
            return false;
        }
    }

    private static void wasmLocals(ShellContext context, PrintWriter out) throws DebugException {
        List<Local> locals = context.session().locals();
        if (locals.isEmpty()) {
            out.println("no locals");
        }
        for (Local l : locals) {
            out.println(l.label() + " = " + context.renderer().value(l.value()));
        }
    }

    private static String topic(String typed) throws ShellError {
        String found = null;
        for (String t : TOPICS) {
            if (t.equals(typed)) {
                return t;
            }
            if (t.startsWith(typed)) {
                if (found != null) {
                    throw new ShellError("info: \"" + typed + "\" is ambiguous: " + found + " or " + t);
                }
                found = t;
            }
        }
        if (found == null) {
            throw new ShellError("info: unknown topic \"" + typed + "\"; expected " + String.join(", ", TOPICS));
        }
        return found;
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        return before.isEmpty() ? Completion.words(TOPICS) : List.of();
    }
}
