package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.HostCall;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.engine.wasi.ClockGrant;
import dev.jwdb.engine.wasi.ConnectPattern;
import dev.jwdb.engine.wasi.DirGrant;
import dev.jwdb.engine.wasi.GrantSet;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestPath;
import dev.jwdb.engine.wasi.ListenAddress;
import dev.jwdb.engine.wasi.RandomGrant;
import dev.jwdb.engine.wasi.StdStream;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.PathCompletion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code grants}, {@code grant}, {@code revoke} and {@code retry}: the live capabilities of DESIGN §3, changed while
 * the program is paused and in force from its next WASI call.
 */
final class GrantCommands {
    private static final String FORMS = "grant dir HOST[::GUEST] [ro] | env NAME[=VALUE] | clock [fixed TIME] | "
            + "random [seed N] | listen HOST:PORT | connect HOST:PORT | stdin | stdout | stderr";

    private GrantCommands() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Table(), new Grant(), new Revoke(), new Retry());
    }

    static final class Table extends BasicCommand {
        Table() {
            super(List.of("grants"), "grants", "every capability and whether it is granted",
                    "The grants in force now; grant and revoke change them, effective at the next WASI call.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            args.expect(0, 0, "grants");
            print(context.out(), context.session().grants().snapshot());
        }
    }

    static void print(PrintWriter out, GrantSet g) {
        for (StdStream s : StdStream.values()) {
            row(out, s.word(), g.stdio().contains(s) ? "granted" : "denied");
        }
        if (g.dirs().isEmpty()) {
            row(out, "dir", "none");
        }
        for (DirGrant d : g.dirs()) {
            row(out, "dir", d.guest() + " -> " + d.displayHost() + (d.readOnly() ? " (read-only)" : " (read-write)"));
        }
        Map<String, String> env = g.env();
        if (g.inheritedEnv() != null) {
            row(out, "env", "the host's environment (" + g.inheritedEnv().size() + " variables)");
        }
        if (env.isEmpty() && g.inheritedEnv() == null) {
            row(out, "env", "none");
        }
        env.forEach((name, value) -> row(out, "env", name + "=" + value));
        row(out, "clock", clock(g.clock()));
        row(out, "random", random(g.random()));
        if (g.listens().isEmpty()) {
            row(out, "listen", "none");
        }
        g.listens().forEach(l -> row(out, "listen", l.toString()));
        if (g.connects().isEmpty()) {
            row(out, "connect", "none");
        }
        g.connects().forEach(c -> row(out, "connect", c.toString()));
    }

    private static void row(PrintWriter out, String capability, String state) {
        out.println(String.format("%-8s %s", capability, state));
    }

    private static String clock(ClockGrant c) {
        if (c instanceof ClockGrant.Real) {
            return "granted (the host's clock)";
        }
        if (c instanceof ClockGrant.Fixed f) {
            return "granted (virtual, from " + java.time.Instant.ofEpochSecond(0, f.startEpochNanos()) + ")";
        }
        return "denied";
    }

    private static String random(RandomGrant r) {
        if (r instanceof RandomGrant.Real) {
            return "granted (the host's generator)";
        }
        if (r instanceof RandomGrant.Seeded s) {
            return "granted (seeded with " + s.seed() + ")";
        }
        return "denied";
    }

    static final class Grant extends BasicCommand {
        Grant() {
            super(List.of("grant"), FORMS.replace(" | ", "|"), "grant a capability, effective at the next WASI call",
                    "grant dir ./server-logs::/logs      host directory ./server-logs as /logs, read-write\n"
                            + "grant dir ./data::/data ro          the same, read-only\n"
                            + "grant env NAME=VALUE                one environment variable (NAME alone: the host's value)\n"
                            + "grant clock [fixed 2024-01-01T00:00:00Z]   the real clock, or a virtual one\n"
                            + "grant random [seed 42]              real randomness, or a seeded generator\n"
                            + "grant listen 127.0.0.1:8080         a listening socket\n"
                            + "grant connect 10.0.0.0/8:443        outbound TCP to matching addresses (* allowed)\n"
                            + "grant stdout                        a standard stream revoked earlier\n"
                            + "After a stop at a denial, retry runs the denied call again with the new grant.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            if (args.isEmpty()) {
                throw new ShellError("usage: " + FORMS);
            }
            Grants grants = context.session().grants();
            String kind = args.word(0);
            String said;
            try {
                said = apply(grants, kind, args);
            } catch (IllegalArgumentException e) {
                throw new ShellError("grant " + kind + ": " + e.getMessage());
            }
            context.out().println("granted " + said);
        }

        private static String apply(Grants grants, String kind, Args args) throws ShellError {
            switch (kind) {
                case "dir": {
                    args.expect(2, 3, "grant dir HOST[::GUEST] [ro]");
                    boolean ro = args.size() == 3;
                    if (ro && !args.word(2).equals("ro")) {
                        throw new ShellError("grant dir: expected ro after the directory, got \"" + args.word(2) + "\"");
                    }
                    DirGrant d = DirGrant.parse(args.word(1), ro);
                    if (!Files.isDirectory(d.host())) {
                        String host = args.word(1).contains("::") ? args.word(1).substring(0,
                                args.word(1).indexOf("::")) : args.word(1);
                        throw new ShellError("grant dir: no such directory " + host);
                    }
                    grants.dir(d);
                    return "dir " + d.displayHost() + " as " + d.guest() + (ro ? " (read-only)" : " (read-write)");
                }
                case "env": {
                    args.expect(2, 2, "grant env NAME[=VALUE]");
                    String v = args.word(1);
                    int eq = v.indexOf('=');
                    String name = eq < 0 ? v : v.substring(0, eq);
                    if (name.isEmpty()) {
                        throw new ShellError("grant env: expected NAME=VALUE, got \"" + v + "\"");
                    }
                    String value = eq < 0 ? System.getenv(name) : v.substring(eq + 1);
                    if (value == null) {
                        throw new ShellError("grant env: " + name + " is not set here; give its value: grant env "
                                + name + "=VALUE");
                    }
                    grants.env(name, value);
                    return "env " + name;
                }
                case "clock": {
                    if (args.size() == 1) {
                        grants.clock(ClockGrant.REAL);
                        return "clock (the host's)";
                    }
                    args.expect(3, 3, "grant clock [fixed TIME]");
                    if (!args.word(1).equals("fixed")) {
                        throw new ShellError("grant clock: expected fixed TIME, got \"" + args.word(1) + "\"");
                    }
                    grants.clock(ClockGrant.fixed(args.word(2)));
                    return "clock (virtual, from " + args.word(2) + ")";
                }
                case "random": {
                    if (args.size() == 1) {
                        grants.random(RandomGrant.REAL);
                        return "random (the host's)";
                    }
                    args.expect(3, 3, "grant random [seed N]");
                    if (!args.word(1).equals("seed")) {
                        throw new ShellError("grant random: expected seed N, got \"" + args.word(1) + "\"");
                    }
                    grants.random(new RandomGrant.Seeded(Numbers.parse(args.word(2), "seed")));
                    return "random (seeded with " + args.word(2) + ")";
                }
                case "listen": {
                    args.expect(2, 2, "grant listen HOST:PORT");
                    ListenAddress a = ListenAddress.parse(args.word(1));
                    grants.listen(a);
                    return "listen " + a;
                }
                case "connect": {
                    args.expect(2, 2, "grant connect HOST:PORT");
                    ConnectPattern p = ConnectPattern.parse(args.word(1));
                    grants.connect(p);
                    return "connect " + p;
                }
                case "stdin":
                case "stdout":
                case "stderr": {
                    args.expect(1, 1, "grant " + kind);
                    grants.stdio(StdStream.valueOf(kind.toUpperCase(Locale.ROOT)), true);
                    return kind;
                }
                default:
                    throw new ShellError("grant: unknown capability \"" + kind + "\"; expected "
                            + String.join(", ", Candidates.GRANT_KINDS));
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return kindCompletion(before, partial, true);
        }
    }

    private static List<Completion> kindCompletion(List<String> before, String partial, boolean granting) {
        if (before.isEmpty()) {
            return Completion.words(Candidates.GRANT_KINDS);
        }
        if (before.size() == 1 && before.get(0).equals("dir") && granting) {
            return PathCompletion.complete(partial, true);
        }
        if (before.size() == 2 && before.get(0).equals("dir") && granting) {
            return Completion.words("ro");
        }
        if (before.size() == 1 && granting && before.get(0).equals("clock")) {
            return Completion.words("fixed");
        }
        if (before.size() == 1 && granting && before.get(0).equals("random")) {
            return Completion.words("seed");
        }
        return List.of();
    }

    static final class Revoke extends BasicCommand {
        Revoke() {
            super(List.of("revoke"), "revoke dir GUEST|HOST::GUEST | env NAME | clock | random | listen HOST:PORT | "
                            + "connect HOST:PORT | stdin | stdout | stderr",
                    "take a capability back, effective at the next WASI call",
                    "Takes the same forms as grant. Examples:  revoke dir /logs    revoke env HOME    revoke clock\n"
                            + "Files the program already opened stay open, as with a real revoke.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            if (args.isEmpty()) {
                throw new ShellError("usage: " + synopsis());
            }
            Grants grants = context.session().grants();
            String kind = args.word(0);
            try {
                context.out().println("revoked " + revoke(grants, kind, args));
            } catch (IllegalArgumentException e) {
                throw new ShellError("revoke " + kind + ": " + e.getMessage());
            }
        }

        private static String revoke(Grants grants, String kind, Args args) throws ShellError {
            switch (kind) {
                case "dir": {
                    args.expect(2, 3, "revoke dir GUEST|HOST::GUEST");
                    String spec = args.word(1);
                    int split = spec.indexOf("::");
                    String guest = split < 0 ? spec : spec.substring(split + 2);
                    GuestPath path = GuestPath.parse(guest.startsWith("/") ? guest : "/" + guest);
                    if (!grants.revokeDir(path)) {
                        throw new ShellError("revoke dir: no directory is granted at " + path
                                + " (grants lists them)");
                    }
                    return "dir " + path;
                }
                case "env": {
                    args.expect(2, 2, "revoke env NAME");
                    String name = args.word(1).contains("=") ? args.word(1).substring(0, args.word(1).indexOf('='))
                            : args.word(1);
                    if (!grants.revokeEnv(name)) {
                        throw new ShellError("revoke env: " + name + " is not granted");
                    }
                    return "env " + name;
                }
                case "clock":
                    args.expect(1, 3, "revoke clock");
                    grants.clock(ClockGrant.DENIED);
                    return "clock";
                case "random":
                    args.expect(1, 3, "revoke random");
                    grants.random(RandomGrant.DENIED);
                    return "random";
                case "listen": {
                    args.expect(2, 2, "revoke listen HOST:PORT");
                    ListenAddress a = ListenAddress.parse(args.word(1));
                    if (!grants.revokeListen(a)) {
                        throw new ShellError("revoke listen: " + a + " is not granted");
                    }
                    return "listen " + a;
                }
                case "connect": {
                    args.expect(2, 2, "revoke connect HOST:PORT");
                    ConnectPattern p = ConnectPattern.parse(args.word(1));
                    if (!grants.revokeConnect(p)) {
                        throw new ShellError("revoke connect: " + p + " is not granted");
                    }
                    return "connect " + p;
                }
                case "stdin":
                case "stdout":
                case "stderr":
                    args.expect(1, 1, "revoke " + kind);
                    grants.stdio(StdStream.valueOf(kind.toUpperCase(Locale.ROOT)), false);
                    return kind;
                default:
                    throw new ShellError("revoke: unknown capability \"" + kind + "\"; expected "
                            + String.join(", ", Candidates.GRANT_KINDS));
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            if (before.size() == 1) {
                GrantSet g = context.session().grants().snapshot();
                List<String> out = new ArrayList<>();
                switch (before.get(0)) {
                    case "dir" -> g.dirs().forEach(d -> out.add(d.guest().toString()));
                    case "env" -> out.addAll(g.env().keySet());
                    case "listen" -> g.listens().forEach(l -> out.add(l.toString()));
                    case "connect" -> g.connects().forEach(c -> out.add(c.toString()));
                    default -> {
                    }
                }
                return Completion.words(out);
            }
            return kindCompletion(before, partial, false);
        }
    }

    static final class Retry extends BasicCommand {
        Retry() {
            super(List.of("retry"), "retry", "run the held denied call again (after a grant)",
                    "When the program stopped at a denial, the call was held before the guest saw its errno.\n"
                            + "grant what it needs, then retry: the call runs again against the grants now in force\n"
                            + "and the program stops right after it, showing what was decided; continue goes on.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 0, "retry");
            Guard.stopped(context, "retry");
            if (!(context.session().lastStop() instanceof StopEvent.Denied)) {
                throw new ShellError("no denied call is held: retry follows a stop at a denial (catch denied)");
            }
            // DebugSession.retry() runs on to the next stop; the user wants to see the retried call's answer first,
            // so the program is interrupted as soon as that call returns (it stops at the next call or loop).
            AtomicReference<HostCall> retried = new AtomicReference<>();
            context.afterNextWasiCall(call -> {
                retried.set(call);
                context.session().interrupt();
            });
            StopEvent stop;
            try {
                stop = context.drive(() -> context.session().retry());
            } finally {
                context.afterNextWasiCall(null);
            }
            if (stop instanceof StopEvent.Interrupted interrupted && retried.get() != null) {
                context.renderer().retried(retried.get(), interrupted.location());
            } else {
                context.render(stop);
            }
        }
    }
}
