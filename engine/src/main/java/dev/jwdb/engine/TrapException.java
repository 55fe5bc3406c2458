package dev.jwdb.engine;

/** Execution trapped; the message is the spec's trap message ("integer divide by zero", ...). */
public class TrapException extends WasmException {
    public TrapException(String message) {
        super(message);
    }
}
