package dev.jwdb.repl.shell;

/** A command cannot do what was asked; the message is the one line the user sees after {@code error: }. */
public final class ShellError extends Exception {
    public ShellError(String message) {
        super(message);
    }
}
