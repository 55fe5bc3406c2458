package dev.jwdb.repl;

import dev.jwdb.engine.wasi.GuestStdio;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jwdb} command line. */
@Command(name = "jwdb",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "An interactive debugger for WebAssembly.",
        subcommands = {RunCommand.class, AuditCommand.class, WastCommand.class, Wat2WasmCommand.class,
                Wasm2WatCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where a guest's standard streams go: the process's own, or jwdb's writers in tests. */
    final GuestStdio guestStdio;

    private Main(GuestStdio guestStdio) {
        this.guestStdio = guestStdio;
    }

    public static void main(String[] args) {
        // Guest output is passed through as raw bytes, not re-encoded through jwdb's writers.
        GuestStdio stdio = new GuestStdio(System.in, System.out, System.err);
        System.exit(execute(stdio, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit status, without exiting (for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output and error writers (tests read them); a guest's stdin is empty. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /** Runs with the given guest stdin and writers; guest stdout and stderr go to {@code out} and {@code err}. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        GuestStdio stdio = new GuestStdio(in, new WriterOutputStream(out), new WriterOutputStream(err));
        return execute(stdio, out, err, args);
    }

    private static int execute(GuestStdio stdio, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(stdio));
        cli.setOut(out);
        cli.setErr(err);
        // Everything after FILE belongs to the guest, options included.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.getSubcommands().get("audit").setStopAtPositional(true);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("jwdb: " + e.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName()
                    + " --help)");
            return Exit.USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("jwdb: internal error: " + e);
            return Exit.INTERNAL;
        });
        try {
            return cli.execute(args);
        } finally {
            // print() does not flush an auto-flushing PrintWriter: without this, a large wasm2wat output that
            // ends without a newline would be cut off at exit.
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
    }
}
