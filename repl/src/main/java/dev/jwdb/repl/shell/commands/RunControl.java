package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.SessionState;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code run}, {@code continue}, {@code kill}: start, resume and end the program. */
final class RunControl {
    private RunControl() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Run(), new Continue(), new Kill());
    }

    static final class Run extends BasicCommand {
        Run() {
            super(List.of("run", "r"), "run", "start the program (_start), or start it again",
                    "Runs the module's _start with the arguments given after FILE on the command line, until a\n"
                            + "breakpoint, watchpoint, catch point, denial or trap stops it, or it ends. A module's\n"
                            + "start function runs first, under the debugger too (break in it like anywhere else).\n"
                            + "Each run starts from a fresh instance: memory, tables and globals as the module\n"
                            + "declares them. A run in progress is ended first. Ctrl-C interrupts the program.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 0, "run");
            Guard.module(context);
            context.startedProgram(true);
            context.runGuest(() -> context.session().run());
        }
    }

    static final class Continue extends BasicCommand {
        Continue() {
            super(List.of("continue", "c"), "continue", "resume the stopped program",
                    "At a held denial, the program gets the denial's errno (retry runs the call again instead).");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 0, "continue");
            Guard.stopped(context, "continue");
            if (context.session().lastStop() instanceof StopEvent.Denied) {
                context.runGuest(() -> context.session().deliver());
            } else {
                context.runGuest(() -> context.session().resume());
            }
        }
    }

    static final class Kill extends BasicCommand {
        Kill() {
            super(List.of("kill"), "kill", "end the current run",
                    "The frames are gone; memory and globals keep their values until the next run.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            args.expect(0, 0, "kill");
            SessionState state = context.session().state();
            if (state != SessionState.STOPPED && state != SessionState.TRAPPED) {
                throw new ShellError("the program is not running, nothing to kill");
            }
            context.session().kill();
            context.out().println("run ended");
        }
    }
}
