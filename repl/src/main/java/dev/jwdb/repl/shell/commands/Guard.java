package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.SessionState;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;

/** The states a command needs, checked first so that the user hears what to do rather than what went wrong. */
final class Guard {
    private Guard() {
    }

    static void module(ShellContext context) throws ShellError {
        if (context.session().state() == SessionState.EMPTY) {
            throw new ShellError("no module loaded (load FILE, or type a (module ...))");
        }
    }

    /** A run that can go on: stopped, not trapped, not finished. */
    static void stopped(ShellContext context, String command) throws ShellError {
        module(context);
        SessionState state = context.session().state();
        if (state == SessionState.TRAPPED) {
            throw new ShellError("the program trapped and cannot " + command + " (run starts it again)");
        }
        if (state != SessionState.STOPPED) {
            throw new ShellError("the program is not running, nothing to " + command + " (run starts it)");
        }
    }

    /** Frames to inspect: stopped or trapped. */
    static void frames(ShellContext context) throws ShellError {
        module(context);
        SessionState state = context.session().state();
        if (state != SessionState.STOPPED && state != SessionState.TRAPPED) {
            throw new ShellError("no frames: the program is not stopped (run, or invoke FUNC, with a breakpoint)");
        }
    }
}
