package dev.jwdb.engine.wasi;

import dev.jwdb.engine.WasmException;

/** The guest called {@code proc_exit} (or raised a terminating signal); the runner turns it into the exit status. */
public final class ProcExit extends WasmException {
    private final int code;

    public ProcExit(int code) {
        super("exit status " + code);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
