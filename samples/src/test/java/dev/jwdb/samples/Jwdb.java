package dev.jwdb.samples;

import dev.jwdb.repl.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the jwdb command line in this JVM, as a user would type it, and captures what it prints. */
final class Jwdb {
    /** The samples folder: Maven runs the tests in the module's directory. */
    static final Path SAMPLES = Path.of("").toAbsolutePath();

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Jwdb() {
    }

    static String sample(String relative) {
        return SAMPLES.resolve(relative).toString();
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }
}
