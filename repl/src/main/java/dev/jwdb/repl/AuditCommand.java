package dev.jwdb.repl;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.AuditRecorder;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.LeastPrivilege;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code jwdb audit [GRANTS] FILE [ARGS...]}: runs the program with every capability request recorded, then prints
 * the least-privilege grants covering what it did. Clock and randomness are served while auditing so that the run
 * gets as far as it can; files, variables and sockets only as the GRANTS allow, since jwdb cannot invent a host
 * directory or a variable's value.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a WASI program, record every capability it asks for, and print the least-privilege "
                + "grants that cover the run, as jwdb and as wasmtime flags (HOST where you must choose a directory).",
                "Exit status: as for run."})
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Mixin
    GrantOptions grants;

    @Parameters(index = "0", paramLabel = "FILE", description = "the module")
    String file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the program's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // Options first: a mistyped grant is reported before anything is loaded or run.
        Grants granted = grants.grants().audit(true);
        StoreLimits limits = grants.limits();
        try {
            Module module = ModuleFile.load(file);
            EntryPoint entry = EntryPoint.start(module, file);
            List<String> argv = new ArrayList<>();
            argv.add(file);
            argv.addAll(args);
            AuditRecorder recorder = new AuditRecorder();
            int status = new GuestRun(cli.getOut(), cli.getErr(), main.guestStdio).run(module, file, argv, granted,
                    limits, entry, recorder);
            print(cli.getOut(), recorder.leastPrivilege(granted.snapshot()));
            return status;
        } catch (ModuleFile.LoadFailure e) {
            cli.getErr().println(e.getMessage());
            return Exit.USAGE;
        } catch (RunFailure e) {
            cli.getErr().println(e.getMessage());
            return e.status();
        }
    }

    private static void print(PrintWriter out, LeastPrivilege least) {
        out.println("least privilege:");
        out.println("  jwdb:     " + flags(least.jwdbFlags()));
        out.println("  wasmtime: " + flags(least.wasmtimeFlags()));
        for (String note : least.notes()) {
            out.println("  note:     " + note);
        }
        out.flush();
    }

    private static String flags(List<String> flags) {
        return flags.isEmpty() ? "(no grants)" : String.join(" ", flags);
    }
}
