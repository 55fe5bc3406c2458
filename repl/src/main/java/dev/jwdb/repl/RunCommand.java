package dev.jwdb.repl;

import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.CapabilityListener;
import dev.jwdb.engine.wasi.Grants;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jwdb run [GRANTS] FILE [ARGS...]}: runs a WASI program non-interactively, like {@code wasmtime run}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a WASI program (.wasm or .wat) with the grants given; nothing else is granted but the "
                + "standard streams and the arguments.",
                "Exit status: the program's (proc_exit), 0 when _start returns, 134 on a trap, 2 when the module "
                        + "does not load. Every denied request is explained on stderr (jwdb: denied ...)."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Mixin
    GrantOptions grants;

    @Option(names = "--invoke", paramLabel = "NAME",
            description = "call export NAME instead of _start; ARGS are its arguments, results are printed")
    String invoke;

    @Mixin
    GuestProgram program;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // Options first: a mistyped grant is reported before anything is loaded or run.
        Grants granted = grants.grants();
        StoreLimits limits = grants.limits();
        try {
            return program.launch(invoke).run(cli, main.guestStdio, granted, limits, CapabilityListener.DELIVER_ALL);
        } catch (RunFailure e) {
            return GuestProgram.report(cli, e);
        }
    }
}
