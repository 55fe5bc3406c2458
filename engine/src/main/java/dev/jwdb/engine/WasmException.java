package dev.jwdb.engine;

import dev.jwdb.engine.runtime.FunctionInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of the engine's errors. Each phase throws exactly one subclass, named after the spec's assertion kind;
 * messages start with the spec's own wording.
 */
public abstract class WasmException extends RuntimeException {
    private List<FunctionInstance> wasmBacktrace = List.of();

    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * For a trap or exhaustion during execution: the Wasm functions that were active, innermost first, so that a
     * runner can print a Wasm backtrace. Empty when the failure did not happen while executing code.
     */
    public List<FunctionInstance> wasmBacktrace() {
        return wasmBacktrace;
    }

    /**
     * Adds the frames of one interpreter activation below those already recorded: a trap raised in a nested
     * activation (a host function calling back into Wasm) passes through its callers' activations on the way out.
     */
    public void addWasmFrames(List<FunctionInstance> outerFrames) {
        List<FunctionInstance> all = new ArrayList<>(wasmBacktrace);
        all.addAll(outerFrames);
        wasmBacktrace = List.copyOf(all);
    }
}
