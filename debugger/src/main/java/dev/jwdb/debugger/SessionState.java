package dev.jwdb.debugger;

/** Where a {@link DebugSession} is. */
public enum SessionState {
    /** No module loaded. */
    EMPTY,
    /** A module is loaded; nothing runs (before {@code run}, or after a run ended). */
    LOADED,
    /** Guest code is running (on another thread than the caller of {@link DebugSession#interrupt}). */
    RUNNING,
    /** A run is stopped and can continue (breakpoint, step, watchpoint, catch point, interrupt, held call). */
    STOPPED,
    /** A run trapped: its frames can be inspected, it cannot continue. */
    TRAPPED
}
