package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.StopPoint;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code catch wasi [NAME...]}, {@code catch denied}, {@code catch trap}. */
final class Catch extends BasicCommand {
    private static final String USAGE = "catch wasi [NAME...] | catch denied | catch trap";

    Catch() {
        super(List.of("catch"), USAGE, "stop on WASI calls, capability denials or traps",
                "catch wasi            stop before every WASI call; with NAMEs, only those (catch wasi path_open)\n"
                        + "catch denied          stop at a denial with the call held (grant, then retry)\n"
                        + "catch trap            count traps as a catch point (a trap always stops)\n"
                        + "The shell starts with catch denied set (catch point 1): delete or disable it to let\n"
                        + "denials reach the program without stopping.");
    }

    static List<ShellCommand> commands() {
        return List.of(new Catch());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.isEmpty()) {
            throw new ShellError("usage: " + USAGE);
        }
        StopPoint.Catchpoint c;
        switch (args.word(0)) {
            case "wasi":
                c = context.session().catchWasi(args.words().subList(1, args.size()));
                break;
            case "denied":
                args.expect(1, 1, USAGE);
                c = context.session().catchDenied();
                break;
            case "trap":
                args.expect(1, 1, USAGE);
                c = context.session().catchTrap();
                break;
            default:
                throw new ShellError("catch: expected wasi, denied or trap, got \"" + args.word(0) + "\"");
        }
        context.out().println(describe(c));
    }

    static String describe(StopPoint.Catchpoint c) {
        String what = switch (c.kind()) {
            case WASI -> c.wasiFunctions().isEmpty() ? "every WASI call" : "WASI " + String.join(", ",
                    c.wasiFunctions());
            case DENIED -> "capability denials";
            case TRAP -> "traps";
        };
        return "Catchpoint " + c.id() + ": " + what;
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        if (before.isEmpty()) {
            return Completion.words("wasi", "denied", "trap");
        }
        return before.get(0).equals("wasi") ? Completion.words(Candidates.wasiImports(context)) : List.of();
    }
}
