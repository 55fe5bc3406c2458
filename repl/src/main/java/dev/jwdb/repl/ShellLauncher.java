package dev.jwdb.repl;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.LoadedModule;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.repl.shell.Console;
import dev.jwdb.repl.shell.GuestOutput;
import dev.jwdb.repl.shell.ScriptConsole;
import dev.jwdb.repl.shell.Shell;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.TerminalConsole;
import dev.jwdb.repl.shell.commands.ShellCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Opens the shell as {@code jwdb [GRANTS] [FILE [ARGS...]]} asks: the module loaded and stopped before
 * {@code _start}, denials caught, {@code ~/.jwdbrc} run, then either a person at the terminal or the commands of
 * {@code -x} and {@code --batch}, printed as a transcript.
 */
final class ShellLauncher {
    static final String RC_FILE = ".jwdbrc";
    static final String HISTORY_FILE = ".jwdb_history";

    /** What the command line asked for. {@code script} is null for an interactive session. */
    record Request(String file, List<String> args, Consumer<dev.jwdb.engine.wasi.Grants> grants, List<String> script,
                   boolean readRc) {
    }

    private ShellLauncher() {
    }

    /** Reads a {@code --batch} file, one command a line. */
    static List<String> readScript(String file) throws ModuleFile.LoadFailure {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new ModuleFile.LoadFailure("jwdb: " + file + ": no such file");
        } catch (IOException e) {
            throw new ModuleFile.LoadFailure("jwdb: " + file + ": cannot read: " + e.getMessage());
        }
    }

    static int open(Request request, PrintWriter out, PrintWriter err) {
        // The module is read on another thread (begun by Main.main when it could tell FILE) while the terminal
        // opens and the shell gets ready; run() waits for it before the first prompt (start-up time, README).
        FutureTask<LoadedModule> reading = request.file() == null ? null : ReadAhead.of(request.file());
        if (request.script() != null) {
            try (Console console = ScriptConsole.transcript(request.script(), out)) {
                return run(request, console, err, reading);
            }
        }
        Console console;
        try {
            console = TerminalConsole.system(Home.directory().resolve(HISTORY_FILE));
            StartupTrace.mark("terminal open");
        } catch (IOException e) {
            err.println("jwdb: cannot open the terminal: " + e.getMessage());
            return Exit.USAGE;
        }
        try (console) {
            return run(request, console, err, reading);
        }
    }

    /** Runs a session on {@code console}; public to the package so that tests can give their own console. */
    static int run(Request request, Console console, PrintWriter err) {
        return run(request, console, err, null);
    }

    /** {@code reading} is the module being read in the background, or null to read it here. */
    private static int run(Request request, Console console, PrintWriter err, FutureTask<LoadedModule> reading) {
        GuestOutput guestOut = new GuestOutput(console.out(), "stdout| ");
        GuestOutput guestErr = new GuestOutput(console.out(), "stderr| ");
        DebugSession session = new DebugSession(new GuestStdio(InputStream.nullInputStream(), guestOut, guestErr));
        request.grants().accept(session.grants());
        ShellContext context = new ShellContext(session, console, guestOut, guestErr);
        Shell shell = new Shell(context, ShellCommands.table());
        console.prepare();
        StartupTrace.mark("shell ready");
        if (request.file() != null) {
            try {
                session.load(reading != null ? ReadAhead.await(reading) : LoadedModule.read(Path.of(request.file())));
            } catch (DebugException e) {
                err.println("jwdb: " + e.getMessage());
                err.flush();
                return Exit.USAGE;
            }
            for (String note : session.loadNotes()) {
                console.out().println("note: " + note);
            }
            List<String> argv = new ArrayList<>();
            argv.add(request.file());
            argv.addAll(request.args());
            session.arguments(argv);
        }
        // In the shell a denial stops the program with the call held, so that it can be granted and retried.
        session.catchDenied();
        if (request.readRc()) {
            Path rc = Home.directory().resolve(RC_FILE);
            if (Files.isRegularFile(rc)) {
                try {
                    shell.runAll(Files.readAllLines(rc), "~/" + RC_FILE);
                } catch (IOException e) {
                    console.out().println("jwdb: cannot read ~/" + RC_FILE + ": " + e.getMessage());
                }
            }
        }
        if (request.file() != null && request.script() == null) {
            console.out().println(dev.jwdb.repl.shell.ModuleSummary.of(session, request.file())
                    + "; stopped before _start (run starts it)");
        }
        StartupTrace.mark("first prompt");
        shell.run();
        context.out().flush();
        return request.script() != null && context.failures() > 0 ? Exit.FAILED : Exit.OK;
    }
}
