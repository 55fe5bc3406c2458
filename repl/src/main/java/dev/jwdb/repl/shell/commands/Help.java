package dev.jwdb.repl.shell.commands;

import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.io.PrintWriter;
import java.util.List;

/** {@code help} and {@code help CMD}, written from the table so that help cannot list a command that is not there. */
final class Help extends BasicCommand {
    Help() {
        super(List.of("help", "h"), "help [CMD]", "list the commands, or explain one",
                "Short forms and unique prefixes work everywhere: c for continue, disa for disas.");
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError {
        args.expect(0, 1, "help [CMD]");
        PrintWriter out = context.out();
        if (args.isEmpty()) {
            for (ShellCommand c : context.table().commands()) {
                out.println(String.format("  %-22s %s", names(c), c.summary()));
            }
            out.println("Typed WAT: a (module ...) defines a module; (i32.add (i32.const 1) (i32.const 2)) is evaluated.");
            out.println("help CMD explains one command. Ctrl-C interrupts the program, Ctrl-D leaves.");
            return;
        }
        ShellCommand c = context.table().find(args.word(0));
        out.println("usage: " + c.synopsis());
        out.println(c.summary().substring(0, 1).toUpperCase() + c.summary().substring(1) + ".");
        if (c.names().size() > 1) {
            out.println("Short form" + (c.names().size() > 2 ? "s" : "") + ": "
                    + String.join(", ", c.names().subList(1, c.names().size())) + ".");
        }
        if (!c.details().isEmpty()) {
            out.println(c.details());
        }
    }

    private static String names(ShellCommand c) {
        return String.join(", ", c.names());
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        return before.isEmpty() ? Completion.words(context.table().names()) : List.of();
    }
}
