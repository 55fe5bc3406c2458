package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.Listing;
import dev.jwdb.debugger.Location;
import dev.jwdb.debugger.SessionState;
import dev.jwdb.debugger.SourceText;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code list} (source, or WAT around the current point) and {@code disas} (a whole function as WAT). */
final class Listings {
    /** Lines shown on each side of the current one by {@code list}. */
    private static final int AROUND = 5;

    private Listings() {
    }

    static List<ShellCommand> commands() {
        return List.of(new ListSource(), new Disas());
    }

    private static Listing listing(ShellContext context, Args args, String usage) throws ShellError, DebugException {
        args.expect(0, 1, usage);
        Guard.module(context);
        if (!args.isEmpty()) {
            return context.session().disassemble(args.word(0));
        }
        SessionState state = context.session().state();
        if (state != SessionState.STOPPED && state != SessionState.TRAPPED) {
            throw new ShellError("the program is not stopped; name a function: " + usage.replace("[FUNC]", "FUNC"));
        }
        return context.session().disassemble();
    }

    static final class Disas extends BasicCommand {
        Disas() {
            super(List.of("disas", "disassemble"), "disas [FUNC]", "a function as WAT, the current instruction marked",
                    "Without FUNC, the selected frame's function. The first column is the byte offset\n"
                            + "(what break @OFFSET takes), or the source line for a module from text.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            Listing listing = listing(context, args, "disas [FUNC]");
            for (String h : listing.header()) {
                context.out().println(h);
            }
            for (Disassembler.Line line : listing.lines()) {
                context.out().println(context.renderer().line(line, line.index() == listing.current()));
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? Candidates.functions(context) : List.of();
        }
    }

    static final class ListSource extends BasicCommand {
        ListSource() {
            super(List.of("list", "l"), "list [FUNC]", "source lines (or WAT) around the current point or FUNC",
                    "For a module loaded from a .wat file, or a binary with DWARF lines (built with -g), its\n"
                            + "source with the current line marked; otherwise the WAT instructions around the current one.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            Listing listing = listing(context, args, "list [FUNC]");
            int at = listing.current() >= 0 ? listing.current() : 0;
            Location where = listing.current() >= 0 ? currentLocation(context) : listing.function();
            if (where != null && where.hasLine() && source(context, where, listing.current() >= 0)) {
                return;
            }
            List<Disassembler.Line> lines = listing.lines();
            int from = listing.current() >= 0 ? Math.max(0, at - AROUND) : 0;
            int to = Math.min(lines.size(), from + 2 * AROUND + 1);
            for (int i = from; i < to; i++) {
                context.out().println(context.renderer().line(lines.get(i), i == listing.current()));
            }
        }

        private static Location currentLocation(ShellContext context) {
            try {
                return context.session().selectedFrame().location();
            } catch (DebugException e) {
                return null;
            }
        }

        /**
         * The source file's lines around {@code where}; false when the file cannot be read (typed input, or a
         * DWARF source file not found, which is then said once).
         */
        private static boolean source(ShellContext context, Location where, boolean mark) {
            SourceText source = context.renderer().source(where);
            if (source == null) {
                return false;
            }
            List<String> lines = source.lines();
            int line = where.line();
            int from = Math.max(1, mark ? line - AROUND : line);
            int to = Math.min(lines.size(), from + 2 * AROUND);
            for (int n = from; n <= to; n++) {
                context.out().println(context.renderer().sourceLine(n, lines.get(n - 1), mark && n == line));
            }
            return true;
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? Candidates.functions(context) : List.of();
        }
    }
}
