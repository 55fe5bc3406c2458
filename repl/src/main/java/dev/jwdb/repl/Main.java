package dev.jwdb.repl;

import dev.jwdb.engine.wasi.GuestStdio;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code jwdb} command line. Without a subcommand it opens the debugger shell, with FILE loaded when one is
 * given; {@code -x} and {@code --batch} run shell commands instead of reading them, and print the transcript.
 */
@Command(name = "jwdb",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {"An interactive debugger for WebAssembly.",
                "Without a command, opens the debugger shell with FILE (.wasm or .wat) loaded, stopped before "
                        + "_start; without FILE, an empty shell (load FILE, invoke, typed WAT). Type help in the "
                        + "shell for its commands.",
                "Exit status of -x and --batch: 0, or 1 when a command failed; 2 when FILE does not load."})
public final class Main implements Callable<Integer> {
    /**
     * The subcommands, in the order of the help. picocli builds a subcommand's model by reflection, which costs
     * start-up time (README, "Start-up"), so they are added only when the arguments need them: see
     * {@link #needsSubcommands}.
     */
    static final List<String> SUBCOMMANDS = List.of("run", "audit", "wast", "wat2wasm", "wasm2wat", "completion");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "-x", paramLabel = "CMD",
            description = "run shell command CMD (repeatable), print the transcript and exit")
    List<String> commands = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "SCRIPT",
            description = "run the shell commands in SCRIPT (after any -x), print the transcript and exit")
    String batch;

    @Option(names = {"-n", "--nx"}, description = "do not read ~/.jwdbrc (the home is $JWDB_HOME when set)")
    boolean noRc;

    @Mixin
    GrantOptions grants;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the module to debug")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    /** Where a guest's standard streams go: the process's own, or jwdb's writers in tests. */
    final GuestStdio guestStdio;

    private Main(GuestStdio guestStdio) {
        this.guestStdio = guestStdio;
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        // The shell's module is read while picocli builds its model and parses (start-up time, README).
        ReadAhead.guess(args);
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
        CommandLine cli = commandLine(stdio, needsSubcommands(args));
        cli.setOut(out);
        cli.setErr(err);
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

    /** The command line, with the subcommands or without them (then a subcommand's name is just a word). */
    static CommandLine commandLine(GuestStdio stdio, boolean subcommands) {
        Main main = new Main(stdio);
        CommandLine cli = new CommandLine(main);
        if (subcommands) {
            cli.addSubcommand(new RunCommand());
            cli.addSubcommand(new AuditCommand());
            cli.addSubcommand(new WastCommand());
            cli.addSubcommand(new Wat2WasmCommand());
            cli.addSubcommand(new Wasm2WatCommand());
            // Everything after FILE belongs to the guest, options included.
            cli.getSubcommands().get("run").setStopAtPositional(true);
            cli.getSubcommands().get("audit").setStopAtPositional(true);
        }
        // Only the shell's own FILE ends its options; CommandLine.setStopAtPositional would reach every subcommand.
        cli.getCommandSpec().parser().stopAtPositional(true);
        // `-x run` is a shell command for -x, not the run subcommand.
        cli.setAllowSubcommandsAsOptionParameters(true);
        if (subcommands) {
            // picocli's generator, as `jwdb completion`: prints a bash script that zsh also loads (via bashcompinit).
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().description(
                    "Print a bash/zsh completion script for jwdb: source <(jwdb completion)");
            cli.addSubcommand("completion", completion);
        }
        return cli;
    }

    /**
     * Whether picocli needs the subcommands for {@code args}: when an argument is a subcommand's name (wherever it
     * is, as picocli would decide whether it is one) or may ask for help, which lists them. Otherwise no argument
     * can reach a subcommand, and picocli parses them the same without.
     */
    static boolean needsSubcommands(String... args) {
        for (String arg : args) {
            if (SUBCOMMANDS.contains(arg) || arg.equals("--help")
                    || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() {
        StartupTrace.mark("command line parsed");
        CommandLine cli = spec.commandLine();
        // Options first: a mistyped grant or a missing script is reported before anything is loaded.
        grants.grants();
        if (grants.maxMemory != null || grants.maxTableElements != null || grants.maxStack != null
                || grants.fuel != null) {
            throw new CommandLine.ParameterException(cli, "--max-memory, --max-table-elements, --max-stack and "
                    + "--fuel apply to jwdb run and audit, not to the shell");
        }
        List<String> script = null;
        if (!commands.isEmpty() || batch != null) {
            script = new ArrayList<>(commands);
            if (batch != null) {
                try {
                    script.addAll(ShellLauncher.readScript(batch));
                } catch (ModuleFile.LoadFailure e) {
                    cli.getErr().println(e.getMessage());
                    return Exit.USAGE;
                }
            }
        }
        if (file == null && !args.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "program arguments given without FILE");
        }
        ShellLauncher.Request request = new ShellLauncher.Request(file, args, grants::applyTo, script, !noRc);
        return ShellLauncher.open(request, cli.getOut(), cli.getErr());
    }
}
