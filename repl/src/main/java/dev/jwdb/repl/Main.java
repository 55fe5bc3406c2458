package dev.jwdb.repl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jwdb} command line. */
@Command(name = "jwdb",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "An interactive debugger for WebAssembly.",
        subcommands = {WastCommand.class, Wat2WasmCommand.class, Wasm2WatCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without exiting (for tests). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs with the given output and error writers (tests read them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("jwdb: internal error: " + e);
            return Exit.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
    }
}
