package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.Local;
import dev.jwdb.debugger.SessionState;
import dev.jwdb.debugger.SourceVariable;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.Module;
import dev.jwdb.repl.FunctionNames;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the loaded module offers for completion: function names and {@code $ids}, exports, locals, globals. */
final class Candidates {
    static final List<String> GRANT_KINDS = List.of("dir", "env", "clock", "random", "listen", "connect", "stdin",
            "stdout", "stderr");

    private Candidates() {
    }

    /** Function names as shown ({@code fib}) and as {@code $ids} ({@code $fib}), and export names. */
    static List<Completion> functions(ShellContext context) {
        Set<String> out = new LinkedHashSet<>();
        if (context.session().state() == SessionState.EMPTY) {
            return List.of();
        }
        for (String name : context.session().functionNames()) {
            out.add(name);
            String bare = name.startsWith("$") ? name.substring(1) : name;
            out.add(name.startsWith("$") ? bare : "$" + name);
            // a Rust function by its path too (break takes it); one with spaces is no word to complete
            String path = FunctionNames.demangle(bare);
            if (!path.equals(bare) && !path.contains(" ")) {
                out.add(path);
            }
        }
        out.addAll(exports(context));
        return Completion.words(out);
    }

    /**
     * The source files of a module with DWARF lines, each as {@code NAME:} (to go on with the line number): by its
     * base name ({@code stats.c:}) and, when recorded in a folder, by its path too.
     */
    static List<Completion> sourceFiles(ShellContext context) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : context.session().sourceFiles()) {
            String bare = path.startsWith("./") ? path.substring(2) : path;
            out.add(bare.substring(bare.lastIndexOf('/') + 1) + ":");
            out.add(bare + ":");
        }
        return out.stream().map(f -> new Completion(f, false)).toList();
    }

    /** The source program's variables in scope in the selected frame (DWARF), for C expressions. */
    static List<String> sourceVariables(ShellContext context) {
        List<String> out = new ArrayList<>();
        try {
            for (SourceVariable v : context.session().sourceVariables()) {
                out.add(v.name());
            }
        } catch (Exception e) {
            // No frame selected, or no variables there.
        }
        return out;
    }

    static List<String> exports(ShellContext context) {
        List<String> out = new ArrayList<>();
        Module module = context.session().module();
        if (module != null) {
            for (Export e : module.exports()) {
                if (e.kind() == ExternKind.FUNC) {
                    out.add(e.name());
                }
            }
        }
        return out;
    }

    /** The WASI functions the module imports, for {@code catch wasi}. */
    static List<String> wasiImports(ShellContext context) {
        List<String> out = new ArrayList<>();
        Module module = context.session().module();
        if (module != null) {
            for (Import i : module.imports()) {
                if (i.module().startsWith("wasi")) {
                    out.add(i.name());
                }
            }
        }
        return out;
    }

    static List<String> locals(ShellContext context) {
        List<String> out = new ArrayList<>();
        try {
            for (Local l : context.session().locals()) {
                out.add(l.name() != null ? "$" + l.name() : String.valueOf(l.index()));
            }
        } catch (Exception e) {
            // No frame selected: no locals to offer.
        }
        return out;
    }

    /** The globals by name, or by index when unnamed; from the module, so completing makes no instance. */
    static List<String> globals(ShellContext context) {
        List<String> out = new ArrayList<>();
        List<String> names = context.session().globalNames();
        for (int i = 0; i < names.size(); i++) {
            out.add(names.get(i) != null ? "$" + names.get(i) : String.valueOf(i));
        }
        return out;
    }
}
