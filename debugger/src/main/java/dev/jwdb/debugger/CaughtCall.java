package dev.jwdb.debugger;

/**
 * Thrown by a wrapped host function before it runs, when a catch point wants the program stopped there; the
 * engine's execution then stands before the call instruction, ready to call again.
 */
final class CaughtCall extends RuntimeException {
    final HostCall call;

    CaughtCall(HostCall call) {
        super("caught " + call.name(), null, false, false);
        this.call = call;
    }
}
