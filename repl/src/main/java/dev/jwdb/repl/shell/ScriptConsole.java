package dev.jwdb.repl.shell;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Commands from a list ({@code -x}, {@code --batch}, {@code ~/.jwdbrc}, tests). With {@code echo} on, each command
 * is written after its prompt as if typed, so the output reads as a transcript of the session.
 */
public final class ScriptConsole implements Console {
    private final Deque<String> lines;
    private final PrintWriter out;
    private final boolean echo;
    private final boolean interactive;

    /**
     * @param interactive treat the lines as typed by a person (an empty line repeats the last step): for tests of
     *                    the interactive behaviour without a terminal
     */
    public ScriptConsole(List<String> lines, PrintWriter out, boolean echo, boolean interactive) {
        this.lines = new ArrayDeque<>(lines);
        this.out = out;
        this.echo = echo;
        this.interactive = interactive;
    }

    public static ScriptConsole transcript(List<String> lines, PrintWriter out) {
        return new ScriptConsole(lines, out, true, false);
    }

    @Override
    public String readLine(String prompt) {
        String line = lines.poll();
        // A script's comments and blank lines annotate it; they are not commands and stay out of the transcript.
        while (line != null && !interactive && (line.isBlank() || line.strip().startsWith("#"))) {
            line = lines.poll();
        }
        if (line != null && echo) {
            // The prompt's trailing space is dropped before an empty line so transcripts carry no trailing blanks.
            out.println(line.isEmpty() ? prompt.stripTrailing() : prompt + line);
            out.flush();
        }
        return line;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public boolean colour() {
        return false;
    }

    @Override
    public Registration onInterrupt(Runnable onInterrupt) {
        return () -> {
        };
    }
}
