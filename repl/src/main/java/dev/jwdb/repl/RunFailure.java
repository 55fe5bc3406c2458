package dev.jwdb.repl;

/** A run that cannot start, already worded for the user as one {@code jwdb: ...} line, with its exit status. */
final class RunFailure extends Exception {
    private final int status;

    RunFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
