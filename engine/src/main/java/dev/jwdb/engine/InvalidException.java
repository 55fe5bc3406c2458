package dev.jwdb.engine;

/** Validation failed: the module is well-formed but not valid. */
public class InvalidException extends WasmException {
    public InvalidException(String message) {
        super(message);
    }

    public InvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
