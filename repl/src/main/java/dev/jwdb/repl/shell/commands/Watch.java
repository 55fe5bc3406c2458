package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.StopPoint;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code watch ADDR[:LEN] [read|write|access]} and {@code watch global NAME}. */
final class Watch extends BasicCommand {
    private static final String USAGE = "watch ADDR[:LEN] [read|write|access]  or  watch global NAME";

    Watch() {
        super(List.of("watch"), "watch ADDR[:LEN] [read|write|access] | watch global NAME",
                "stop when memory or a global changes (or is read)",
                "ADDR is a number (0x hex or decimal); LEN bytes, 4 by default; write by default.\n"
                        + "Examples:  watch 0x1000:8    watch 1024 read    watch global $counter");
    }

    static List<ShellCommand> commands() {
        return List.of(new Watch());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        args.expect(1, 2, USAGE);
        Guard.module(context);
        StopPoint.Watchpoint w;
        if (args.word(0).equals("global")) {
            args.expect(2, 2, USAGE);
            w = context.session().watchGlobal(args.word(1));
            context.out().println("Watchpoint " + w.id() + ": global " + w.global());
            return;
        }
        String spec = args.word(0);
        int colon = spec.indexOf(':');
        long address = Numbers.parse(colon < 0 ? spec : spec.substring(0, colon), "address");
        int length = colon < 0 ? 4 : Numbers.parseInt(spec.substring(colon + 1), "length");
        if (address < 0) {
            throw new ShellError("address: " + address + " is negative");
        }
        if (length < 1) {
            throw new ShellError("length: a watchpoint covers at least 1 byte, got " + length);
        }
        StopPoint.WatchKind kind = StopPoint.WatchKind.WRITE;
        if (args.size() == 2) {
            kind = switch (args.word(1)) {
                case "read" -> StopPoint.WatchKind.READ;
                case "write" -> StopPoint.WatchKind.WRITE;
                case "access" -> StopPoint.WatchKind.ACCESS;
                default -> throw new ShellError("watch: expected read, write or access, got \"" + args.word(1) + "\"");
            };
        }
        w = context.session().watchMemory(address, length, kind);
        context.out().println("Watchpoint " + w.id() + ": 0x" + Long.toHexString(w.address()) + ":" + w.length()
                + " " + w.kind().name().toLowerCase());
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        if (before.isEmpty()) {
            return Completion.words("global");
        }
        if (before.get(0).equals("global")) {
            return before.size() == 1 ? Completion.words(Candidates.globals(context)) : List.of();
        }
        return before.size() == 1 ? Completion.words("read", "write", "access") : List.of();
    }
}
