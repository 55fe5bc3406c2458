package dev.jwdb.engine.runtime;

/**
 * A function implemented in Java. It receives the arguments typed as the function's parameters and must return
 * exactly the declared results; it may throw {@link dev.jwdb.engine.TrapException} to trap the calling Wasm code.
 */
@FunctionalInterface
public interface HostFunction {
    Value[] call(Value[] args);
}
