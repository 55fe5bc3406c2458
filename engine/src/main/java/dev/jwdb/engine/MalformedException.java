package dev.jwdb.engine;

/** Decoding failed: the bytes are not a well-formed binary module. {@code offset} is where, in bytes. */
public class MalformedException extends WasmException {
    private final long offset;

    public MalformedException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
