package dev.jwdb.repl;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.CapabilityListener;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code FILE [ARGS...]} of the commands that run a guest non-interactively ({@code run}, {@code audit}), and what
 * they share in setting the run up: the module loaded, its entry point chosen, the guest's argv.
 */
final class GuestProgram {
    @Parameters(index = "0", paramLabel = "FILE", description = "the module")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    @Option(names = "--trace-wasi",
            description = "print every WASI call on stderr as it returns, its arguments decoded (jwdb: wasi: ...); "
                    + "a line the program left open is ended first")
    boolean traceWasi;

    /** A program ready to run: the module loaded and validated, the export to call, what the guest sees as argv. */
    record Launch(Module module, String file, EntryPoint entry, List<String> argv, boolean traceWasi) {
        /**
         * Runs it; {@code observer} sees every capability event besides the printer of denials; with
         * {@code --trace-wasi}, every WASI call is printed on stderr as it returns.
         */
        int run(CommandLine cli, GuestStdio stdio, Grants grants, StoreLimits limits, CapabilityListener observer) {
            return new GuestRun(cli.getOut(), cli.getErr(), stdio, traceWasi).run(module, file, argv, grants, limits,
                    entry, observer);
        }
    }

    /**
     * Loads FILE to be run from {@code _start}, or, when {@code invoke} is not null, from that export with ARGS as
     * its arguments (then the guest's argv is FILE alone).
     *
     * @throws RunFailure FILE does not load, or has no such entry point
     */
    Launch launch(String invoke) throws RunFailure {
        Module module;
        try {
            module = ModuleFile.load(file);
        } catch (ModuleFile.LoadFailure e) {
            throw new RunFailure(e.getMessage(), Exit.USAGE);
        }
        EntryPoint entry = invoke == null ? EntryPoint.start(module, file)
                : EntryPoint.invoke(module, file, invoke, args);
        List<String> argv = new ArrayList<>();
        argv.add(file);
        if (invoke == null) {
            argv.addAll(args);
        }
        return new Launch(module, file, entry, argv, traceWasi);
    }

    /** Reports a run that could not start, in its one line, and returns its exit status. */
    static int report(CommandLine cli, RunFailure failure) {
        cli.getErr().println(failure.getMessage());
        return failure.status();
    }
}
