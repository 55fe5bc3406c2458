package dev.jwdb.repl;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.CapabilityListener;
import dev.jwdb.engine.wasi.Grants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Parameters(index = "0", paramLabel = "FILE", description = "the module")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // Options first: a mistyped grant is reported before anything is loaded or run.
        Grants granted = grants.grants();
        StoreLimits limits = grants.limits();
        try {
            Module module = ModuleFile.load(file);
            EntryPoint entry = invoke == null ? EntryPoint.start(module, file)
                    : EntryPoint.invoke(module, file, invoke, args);
            List<String> argv = new ArrayList<>();
            argv.add(file);
            if (invoke == null) {
                argv.addAll(args);
            }
            return new GuestRun(cli.getOut(), cli.getErr(), main.guestStdio).run(module, file, argv,
                    granted, limits, entry, CapabilityListener.DELIVER_ALL);
        } catch (ModuleFile.LoadFailure e) {
            cli.getErr().println(e.getMessage());
            return Exit.USAGE;
        } catch (RunFailure e) {
            cli.getErr().println(e.getMessage());
            return e.status();
        }
    }
}
