package dev.jwdb.engine;

/** Linking failed: an import is missing or does not match. */
public class UnlinkableException extends WasmException {
    public UnlinkableException(String message) {
        super(message);
    }

    public UnlinkableException(String message, Throwable cause) {
        super(message, cause);
    }
}
