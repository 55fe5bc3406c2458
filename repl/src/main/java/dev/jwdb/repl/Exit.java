package dev.jwdb.repl;

/** Exit statuses of the command line (DESIGN §4). */
final class Exit {
    static final int OK = 0;
    /** Something the user asked to check failed (a spec assertion). */
    static final int FAILED = 1;
    /** A usage error, or a module that fails to load. */
    static final int USAGE = 2;
    /** A bug in jwdb itself. */
    static final int INTERNAL = 70;

    private Exit() {
    }
}
