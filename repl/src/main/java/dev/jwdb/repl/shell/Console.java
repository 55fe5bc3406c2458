package dev.jwdb.repl.shell;

import java.io.PrintWriter;

/**
 * Where the shell reads commands and writes what it has to say. The shell runs the same against a person at a
 * terminal ({@link TerminalConsole}) and against a list of commands ({@link ScriptConsole}: {@code -x},
 * {@code --batch}, {@code ~/.jwdbrc} and the tests), so that what a test sees is what a user gets.
 */
public interface Console extends AutoCloseable {
    /**
     * The next line typed, or null at the end of input (Ctrl-D, the end of a script). Ctrl-C at the prompt is the
     * console's business: it discards the line and asks again, it never ends the session.
     */
    String readLine(String prompt);

    /** jwdb's own output (guest output is written here too, but only through {@link GuestOutput}). */
    PrintWriter out();

    /** Whether a person types the commands: an empty line then repeats the last step. */
    boolean interactive();

    /** Whether ANSI colours may be written. */
    boolean colour();

    /**
     * Routes Ctrl-C to {@code onInterrupt} while a guest runs on another thread, until the returned handle is
     * closed. A console without a keyboard ignores it.
     */
    Registration onInterrupt(Runnable onInterrupt);

    /** Gives the console the shell's completion and highlighting; a script has no use for them. */
    default void attach(ShellCompleter completer, ShellHighlighter highlighter) {
    }

    /** Gets ready to read ahead of the first prompt (a terminal builds its line editor); the shell calls it while the module loads. */
    default void prepare() {
    }

    @Override
    default void close() {
    }

    /** An interrupt route to undo. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
