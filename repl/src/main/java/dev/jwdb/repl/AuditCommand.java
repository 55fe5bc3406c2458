package dev.jwdb.repl;

import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.AuditRecorder;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.LeastPrivilege;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    GuestProgram program;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // Options first: a mistyped grant is reported before anything is loaded or run.
        Grants granted = grants.grants().audit(true);
        StoreLimits limits = grants.limits();
        try {
            AuditRecorder recorder = new AuditRecorder();
            int status = program.launch(null).run(cli, main.guestStdio, granted, limits, recorder);
            print(cli.getOut(), recorder.leastPrivilege(granted.snapshot()));
            return status;
        } catch (RunFailure e) {
            return GuestProgram.report(cli, e);
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
