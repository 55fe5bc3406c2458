package dev.jwdb.engine.wasi;

import dev.jwdb.engine.model.FuncType;

/**
 * One host function of the WASI import module. Arguments and results are raw slots: an i32 sign-extended in a
 * long, an i64 as is.
 */
public record WasiFunction(String name, FuncType type, Implementation implementation) {
    @FunctionalInterface
    public interface Implementation {
        long[] call(GuestMemory memory, long[] args);
    }

    public long[] call(GuestMemory memory, long... args) {
        return implementation.call(memory, args);
    }
}
