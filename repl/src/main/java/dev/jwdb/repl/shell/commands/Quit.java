package dev.jwdb.repl.shell.commands;

import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code quit}: leaves jwdb (Ctrl-D does the same); a stopped program is ended with it. */
final class Quit extends BasicCommand {
    Quit() {
        super(List.of("quit", "q", "exit"), "quit", "leave jwdb", "Ctrl-D at the prompt does the same.");
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError {
        args.expect(0, 0, "quit");
        context.requestQuit();
    }
}
