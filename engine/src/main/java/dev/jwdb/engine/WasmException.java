package dev.jwdb.engine;

/**
 * The root of the engine's errors. Each phase throws exactly one subclass, named after the spec's assertion kind;
 * messages start with the spec's own wording.
 */
public abstract class WasmException extends RuntimeException {
    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
