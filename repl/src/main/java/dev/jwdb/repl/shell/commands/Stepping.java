package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellContext.GuestAction;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;
import java.util.function.Function;

/**
 * {@code step}, {@code next}, {@code finish}, {@code stepi}: the steps, each repeated by an empty line. A count
 * ({@code step 3}) repeats it, stopping early when something else stops the program.
 */
final class Stepping {
    private Stepping() {
    }

    static List<ShellCommand> commands() {
        return List.of(
                new Step(List.of("step", "s"), "step [N]", "step into calls, to the next source line (or instruction)",
                        "In a module from text or with DWARF lines (-g), runs to the next source line\n"
                                + "(with DWARF: the start of its next statement, past a callee's prologue);\n"
                                + "otherwise one instruction. A call is entered. An empty line repeats it.", c -> c.session()::stepLine),
                new Step(List.of("next", "n"), "next [N]", "step over calls, to the next line of this frame",
                        "Calls run to their end. An empty line repeats it.", c -> c.session()::stepOver),
                new Step(List.of("stepi", "si"), "stepi [N]", "run exactly one instruction",
                        "A call stops at the callee's first instruction. An empty line repeats it.",
                        c -> c.session()::stepInstruction),
                new Step(List.of("finish"), "finish", "run until the selected frame returns",
                        "Stops in the caller right after the call, the results on its operand stack.",
                        c -> c.session()::stepOut),
                new Advance());
    }

    /** {@code advance LOCATION}: run to a place, or out of the selected frame, whichever comes first. */
    static final class Advance extends BasicCommand {
        Advance() {
            super(List.of("advance"), "advance FUNC|$id|@OFFSET|FILE:LINE|LINE",
                    "run until a location is reached or the selected frame returns",
                    "The location is written as for break. The program stops there, or in the caller when the\n"
                            + "selected frame returns first; breakpoints and other stop points still stop it on the way.\n"
                            + "Examples:  advance stats.c:30    advance $fib");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(1, 1, synopsis());
            Guard.stopped(context, name());
            String spec = args.word(0);
            context.runGuest(() -> context.session().advance(spec));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? Candidates.functions(context) : List.of();
        }
    }

    static final class Step extends BasicCommand {
        private final Function<ShellContext, GuestAction> action;
        private final boolean counted;

        Step(List<String> names, String synopsis, String summary, String details,
             Function<ShellContext, GuestAction> action) {
            super(names, synopsis, summary, details);
            this.action = action;
            this.counted = synopsis.contains("[N]");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, counted ? 1 : 0, synopsis());
            int count = args.isEmpty() ? 1 : Numbers.parseInt(args.word(0), name() + " count");
            if (count < 1) {
                throw new ShellError(name() + " count must be at least 1, got " + count);
            }
            Guard.stopped(context, name());
            for (int i = 0; i < count; i++) {
                if (i > 0 && context.session().state() != dev.jwdb.debugger.SessionState.STOPPED) {
                    break;
                }
                dev.jwdb.debugger.StopEvent stop = context.runGuest(action.apply(context));
                if (!(stop instanceof dev.jwdb.debugger.StopEvent.StepDone)) {
                    break;
                }
            }
        }

        @Override
        public boolean repeatsOnEmptyLine() {
            return true;
        }
    }
}
