package dev.jwdb.debugger;

/**
 * One live Wasm frame. Frame 0 is the innermost (where the program stopped), as in gdb's {@code bt}.
 *
 * @param number   0 for the innermost frame, counting outwards
 * @param location where the frame is: for frame 0 the instruction about to run (or that trapped), for callers
 *                 the call instruction they are waiting in
 */
public record Frame(int number, Location location) {
}
