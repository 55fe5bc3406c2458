package dev.jwdb.engine;

/** Execution ran out of a resource: the call stack, or the configured limits. */
public class ExhaustionException extends WasmException {
    public ExhaustionException(String message) {
        super(message);
    }

    public ExhaustionException(String message, Throwable cause) {
        super(message, cause);
    }
}
