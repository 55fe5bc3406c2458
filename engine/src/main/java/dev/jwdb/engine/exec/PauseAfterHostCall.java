package dev.jwdb.engine.exec;

import dev.jwdb.engine.runtime.Value;

/**
 * Thrown by a host function that returned {@code results} but wants the execution that called it to pause right
 * after the call, because of {@code access} (e.g. it wrote bytes a debugger watches). The interpreter writes the
 * results where the call leaves them and pauses after the call instruction, as after a watched store; an
 * {@link Execution} reports {@link Execution.Pause#AFTER_ACCESS}. Only a debugger's host functions throw it, and
 * only while something is watched.
 */
public final class PauseAfterHostCall extends RuntimeException {
    private final transient Value[] results;
    private final transient Access access;

    public PauseAfterHostCall(Value[] results, Access access) {
        super("pause after the call of " + access.host(), null, false, false);
        this.results = results.clone();
        this.access = access;
    }

    public Value[] results() {
        return results.clone();
    }

    public Access access() {
        return access;
    }
}
