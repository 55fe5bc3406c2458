package dev.jwdb.repl;

import dev.jwdb.debugger.DebugSession;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.repl.shell.GuestOutput;
import dev.jwdb.repl.shell.ScriptConsole;
import dev.jwdb.repl.shell.Shell;
import dev.jwdb.repl.shell.commands.ShellCommands;
import dev.jwdb.repl.shell.ShellCompleter;
import dev.jwdb.repl.shell.ShellContext;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the shell against a scripted console, as {@code -x} does, and returns the transcript. */
final class ShellSession {
    /** The repl module's folder: Maven runs the tests there. */
    static final Path SAMPLES = Path.of("").toAbsolutePath().resolveSibling("samples");

    record Transcript(int status, String text, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n" + text + "--- stderr\n" + err;
        }
    }

    private ShellSession() {
    }

    static String sample(String relative) {
        return SAMPLES.resolve(relative).toString();
    }

    /** A shell kept open on {@code file}, its session and its completer, for tests that drive them step by step. */
    record Open(Shell shell, DebugSession session, ShellCompleter completer) {
    }

    /** Opens a shell (guest output discarded) and loads {@code file} in it. */
    static Open open(String file) {
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        GuestOutput guest = new GuestOutput(out, "stdout| ");
        DebugSession session = new DebugSession(new GuestStdio(InputStream.nullInputStream(), guest, guest));
        ShellContext context = new ShellContext(session, new ScriptConsole(List.of(), out, false, false), guest,
                guest);
        Shell shell = new Shell(context, ShellCommands.table());
        if (!shell.execute("load " + file)) {
            throw new IllegalStateException("cannot load " + file);
        }
        return new Open(shell, session, new ShellCompleter(context, context.table()));
    }

    static Transcript run(String file, String... commands) {
        return run(file, false, commands);
    }

    /** {@code interactive}: the lines count as typed by a person (an empty line repeats the last step). */
    static Transcript run(String file, boolean interactive, String... commands) {
        return run(file, List.of(), interactive, commands);
    }

    /** The program started with {@code args} after FILE, as {@code jwdb FILE ARGS...} does. */
    static Transcript run(String file, List<String> args, boolean interactive, String... commands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        ScriptConsole console = new ScriptConsole(List.of(commands), writer, true, interactive);
        ShellLauncher.Request request = new ShellLauncher.Request(file, args, g -> {
        }, List.of(commands), false);
        int status = ShellLauncher.run(request, console, new PrintWriter(err, true));
        return new Transcript(status, out.toString(), err.toString());
    }
}
