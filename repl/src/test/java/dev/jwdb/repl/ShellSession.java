package dev.jwdb.repl;

import dev.jwdb.repl.shell.ScriptConsole;
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
