package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.Location;
import dev.jwdb.debugger.StopPoint;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code break}, {@code delete}, {@code disable}, {@code enable}, and the table {@code info break} prints. */
final class Breakpoints {
    private Breakpoints() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Break(false), new Break(true), new Delete(), new Enable(true), new Enable(false),
                new Ignore(), new Condition());
    }

    static final class Break extends BasicCommand {
        private final boolean temporary;

        Break(boolean temporary) {
            super(temporary ? List.of("tbreak", "tb") : List.of("break", "b"),
                    (temporary ? "tbreak" : "break") + " FUNC|$id|@OFFSET|FILE:LINE|LINE [if COND]",
                    temporary ? "set a breakpoint that is deleted when it stops the program"
                            : "set a breakpoint, optionally with a condition",
                    (temporary ? "As break, but the breakpoint stops the program once and is deleted.\n" : "")
                    + "Examples:  break fib    break $fib if $n == 2    break @0x1c    break fib.wat:7\n"
                            + "In a binary with DWARF (-g): break stats.c:24 (a line without code moves to the\n"
                            + "next line with code), and break FUNC stops after the function's prologue.\n"
                            + "A Rust function by its path or the end of it: break scores::total, break total\n"
                            + "(a breakpoint in every function that name fits).\n"
                            + "COND is an expression over the frame where the breakpoint stops, as print reads\n"
                            + "it: in a binary with DWARF, C over the variables in scope there (break stats.c:24\n"
                            + "if value > 3, if s->count == 2), else $local, local N, global N, i32[ADDR],\n"
                            + "arithmetic and comparisons; the program stops when it is not zero. A C condition's\n"
                            + "names must be in scope where the breakpoint is; one that cannot be evaluated (a\n"
                            + "bad pointer) stops the program, saying why.\n"
                            + "Set before a module is loaded, a breakpoint is pending until one matches.\n"
                            + "ignore N COUNT passes over its next COUNT hits; condition N COND changes its condition.");
            this.temporary = temporary;
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            if (args.isEmpty()) {
                throw new ShellError("usage: " + synopsis());
            }
            String spec = args.word(0);
            String condition = null;
            if (args.size() > 1) {
                if (!args.word(1).equals("if") || args.size() < 3) {
                    throw new ShellError("usage: " + synopsis() + " (after the location only \"if COND\" may follow)");
                }
                condition = args.rest().substring(args.rest().indexOf(" if ") + 4).strip();
            }
            StopPoint.Breakpoint b = context.session().breakAt(spec, condition, temporary);
            context.out().println(describe(context, b));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            if (before.isEmpty()) {
                List<Completion> out = new ArrayList<>(Candidates.sourceFiles(context));
                out.addAll(Candidates.functions(context));
                return out;
            }
            if (before.size() == 1) {
                return Completion.words("if");
            }
            List<String> names = new ArrayList<>(Candidates.sourceVariables(context));
            names.addAll(Candidates.locals(context));
            return Completion.words(names);
        }
    }

    /** {@code Breakpoint 2 at fib+0x0 (fib.wat:5) if $n == 2}; {@code Temporary breakpoint 3 ...} for a tbreak. */
    static String describe(ShellContext context, StopPoint.Breakpoint b) {
        StringBuilder line = new StringBuilder(title(b));
        if (b.pending()) {
            line.append(" (pending) at ").append(b.spec());
        } else {
            List<String> at = new ArrayList<>();
            for (Location l : b.locations()) {
                at.add(context.renderer().where(l));
            }
            line.append(" at ").append(String.join(", ", at));
        }
        if (b.condition() != null) {
            line.append(" if ").append(b.condition());
        }
        if (b.note() != null) {
            line.append(": ").append(b.note());
        }
        return line.toString();
    }

    /** {@code Breakpoint 2}, or {@code Temporary breakpoint 2}. */
    static String title(StopPoint.Breakpoint b) {
        return (b.temporary() ? "Temporary breakpoint " : "Breakpoint ") + b.id();
    }

    static final class Ignore extends BasicCommand {
        Ignore() {
            super(List.of("ignore"), "ignore N COUNT", "pass over the next COUNT hits of breakpoint N",
                    "The breakpoint counts the hits it passes over (info break) and stops at the one after them;\n"
                            + "a hit whose condition is false does not count. ignore N 0 makes it stop again.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(2, 2, synopsis());
            int id = Numbers.parseInt(args.word(0), "breakpoint number");
            int count = Numbers.parseInt(args.word(1), "count");
            StopPoint.Breakpoint b = context.session().ignore(id, count);
            context.out().println(count == 0 ? "Breakpoint " + b.id() + " will stop the program at its next hit"
                    : "Will ignore next " + count + (count == 1 ? " crossing" : " crossings") + " of breakpoint "
                            + b.id());
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? breakpointCandidates(context) : List.of();
        }
    }

    static final class Condition extends BasicCommand {
        Condition() {
            super(List.of("condition"), "condition N [COND]", "give breakpoint N a condition, or take it away",
                    "COND is written as after break ... if; without COND the breakpoint stops at every hit.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            if (args.isEmpty()) {
                throw new ShellError("usage: " + synopsis());
            }
            int id = Numbers.parseInt(args.word(0), "breakpoint number");
            String rest = args.rest().strip();
            String condition = args.size() > 1 ? rest.substring(rest.indexOf(args.word(0)) + args.word(0).length())
                    .strip() : null;
            StopPoint.Breakpoint b = context.session().condition(id, condition);
            context.out().println(b.condition() == null ? "Breakpoint " + b.id() + " now unconditional"
                    : "Breakpoint " + b.id() + " stops if " + b.condition());
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? breakpointCandidates(context) : Completion.words(Candidates.locals(context));
        }
    }

    private static List<Completion> breakpointCandidates(ShellContext context) {
        List<String> out = new ArrayList<>();
        for (StopPoint p : context.session().stopPoints()) {
            if (p instanceof StopPoint.Breakpoint) {
                out.add(String.valueOf(p.id()));
            }
        }
        return Completion.words(out);
    }

    static final class Delete extends BasicCommand {
        Delete() {
            super(List.of("delete", "d"), "delete [N...]", "delete breakpoints, watchpoints or catch points",
                    "Without N, deletes every one. N is the number info break shows.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            List<Integer> ids = ids(args, context);
            for (int id : ids) {
                context.session().delete(id);
            }
            context.out().println(ids.isEmpty() ? "nothing to delete" : "deleted " + joined(ids));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return idCandidates(context);
        }
    }

    static final class Enable extends BasicCommand {
        private final boolean enable;

        Enable(boolean enable) {
            super(List.of(enable ? "enable" : "disable"), (enable ? "enable" : "disable") + " [N...]",
                    (enable ? "enable" : "disable") + " breakpoints, watchpoints or catch points",
                    "Without N, all of them. A disabled one keeps its number and does not stop the program.");
            this.enable = enable;
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            List<Integer> ids = ids(args, context);
            for (int id : ids) {
                context.session().enable(id, enable);
            }
            context.out().println(ids.isEmpty() ? "nothing to " + name() : name() + "d " + joined(ids));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return idCandidates(context);
        }
    }

    private static List<Integer> ids(Args args, ShellContext context) throws ShellError {
        List<Integer> ids = new ArrayList<>();
        if (args.isEmpty()) {
            for (StopPoint p : context.session().stopPoints()) {
                ids.add(p.id());
            }
            return ids;
        }
        for (String w : args.words()) {
            ids.add(Numbers.parseInt(w, "breakpoint number"));
        }
        return ids;
    }

    private static String joined(List<Integer> ids) {
        return ids.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static List<Completion> idCandidates(ShellContext context) {
        List<String> out = new ArrayList<>();
        for (StopPoint p : context.session().stopPoints()) {
            out.add(String.valueOf(p.id()));
        }
        return Completion.words(out);
    }

    /** {@code info break}: one line per stop point. */
    static void table(ShellContext context) {
        PrintWriter out = context.out();
        List<StopPoint> points = context.session().stopPoints();
        if (points.isEmpty()) {
            out.println("no breakpoints, watchpoints or catch points");
            return;
        }
        out.println("Num  Type        Enb  Hits  What");
        for (StopPoint p : points) {
            String type;
            String what;
            if (p instanceof StopPoint.Breakpoint b) {
                type = b.temporary() ? "tbreakpoint" : "breakpoint";
                what = describe(context, b).replaceFirst("^(Temporary b|B)reakpoint \\d+ ", "")
                        + (b.ignoreCount() > 0 ? "; ignores the next " + b.ignoreCount() : "");
            } else if (p instanceof StopPoint.Watchpoint w) {
                type = "watchpoint";
                what = (w.onGlobal() ? "global " + w.global() : "0x" + Long.toHexString(w.address()) + ":" + w.length())
                        + " " + w.kind().name().toLowerCase();
            } else {
                StopPoint.Catchpoint c = (StopPoint.Catchpoint) p;
                type = "catch";
                what = c.kind().name().toLowerCase() + (c.wasiFunctions().isEmpty() ? ""
                        : " " + String.join(" ", c.wasiFunctions()));
            }
            out.println(String.format("%-4d %-11s %-4s %-5d %s", p.id(), type, p.enabled() ? "y" : "n", p.hits(),
                    what));
        }
    }
}
