package dev.jwdb.engine;

/** Instantiation failed: a segment does not fit, or the start function trapped. */
public class UninstantiableException extends WasmException {
    public UninstantiableException(String message) {
        super(message);
    }

    public UninstantiableException(String message, Throwable cause) {
        super(message, cause);
    }
}
