package dev.jwdb.debugger;

/**
 * A request the session cannot carry out: an unknown function, an offset inside an instruction, a memory address
 * out of bounds, a frame that does not exist, nothing loaded. The message is one line meant for the user, e.g.
 * {@code no function named "fob"} or {@code 0x1235 is inside the instruction at 0x1234 (i32.add)}.
 */
public final class DebugException extends Exception {
    public DebugException(String message) {
        super(message);
    }
}
