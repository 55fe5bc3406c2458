package dev.jwdb.repl;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the jwdb command line in this JVM, as a user would type it, and captures what it prints. */
final class JwdbRun {
    /** The exit status and what was printed on each stream. */
    record Result(int status, String out, String err) {
    }

    private JwdbRun() {
    }

    /**
     * Runs {@code args} with an empty stdin. The writers are buffered, as System.out is: whatever jwdb prints must
     * reach them without relying on println.
     */
    static Result jwdb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new BufferedWriter(out)), new PrintWriter(new BufferedWriter(err)), args);
        return new Result(status, out.toString(), err.toString());
    }
}
