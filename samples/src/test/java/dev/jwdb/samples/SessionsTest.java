package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, acceptance 2: every {@code samples/sessions/NAME.jwdb} is replayed with {@code jwdb --batch} and what it
 * prints must be {@code NAME.expected}, byte for byte. A new session is tested by adding the two files.
 *
 * <p>The session's own comments say how to run it, so that the file is also the documentation:
 * <pre>
 * # run: jwdb --batch samples/sessions/NAME.jwdb [GRANTS] samples/DIR/FILE [ARGS...]
 * # setup: mkdir DIR...          (optional: empty directories the session grants)
 * # status: N                    (optional: the expected exit status, 0 by default)
 * </pre>
 * Each session runs as a separate jwdb process in a fresh directory holding a copy of {@code samples/}, so the
 * paths in the session and its transcript are relative ({@code ./out}, {@code samples/wat/fib.wat}) and the same
 * on every machine, exactly as a user typing the {@code run:} line from the repository root would see them.
 *
 * <p>After a deliberate change to what the shell prints, {@code -Djwdb.sessions.update=true} rewrites every
 * {@code .expected} file from the replay; review the diff before committing it.
 */
class SessionsTest {
    private static final Path SESSIONS = Jwdb.SAMPLES.resolve("sessions");
    private static final boolean UPDATE = Boolean.getBoolean("jwdb.sessions.update");

    @TempDir
    Path dir;

    static Stream<String> sessions() throws IOException {
        try (Stream<Path> files = Files.list(SESSIONS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jwdb"))
                    .map(n -> n.substring(0, n.length() - ".jwdb".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theTranscriptIsTheExpectedOne(String name) throws Exception {
        Header header = Header.of(name, Files.readAllLines(SESSIONS.resolve(name + ".jwdb")));
        copySamples(dir.resolve("samples"));
        for (String d : header.mkdirs) {
            Files.createDirectories(dir.resolve(d));
        }
        List<String> args = new ArrayList<>(List.of("--nx"));
        args.addAll(header.args);
        Jwdb.Result r = JwdbProcess.run(dir, args.toArray(String[]::new));
        Path expected = SESSIONS.resolve(name + ".expected");
        if (UPDATE) {
            Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out(), r.toString());
        assertEquals(header.status, r.status(), r.toString());
        assertEquals("", r.err(), "the shell writes its transcript, and the guest's output, to stdout");
    }

    /** The session files come in pairs, so that a session without its transcript cannot go untested. */
    @Test
    void everySessionHasItsTranscriptAndEveryTranscriptItsSession() throws IOException {
        List<String> names = sessions().toList();
        assertTrue(names.size() >= 10, names.toString());
        try (Stream<Path> files = Files.list(SESSIONS)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                String base = n.substring(0, n.lastIndexOf('.'));
                String other = n.endsWith(".jwdb") ? base + ".expected" : base + ".jwdb";
                assertTrue(n.endsWith(".jwdb") || n.endsWith(".expected"), "only sessions and transcripts: " + n);
                assertTrue(Files.exists(SESSIONS.resolve(other)), n + " without " + other);
            }
        }
    }

    private record Header(List<String> args, List<String> mkdirs, int status) {
        static Header of(String name, List<String> lines) {
            List<String> args = null;
            List<String> mkdirs = new ArrayList<>();
            int status = 0;
            String prefix = "jwdb --batch samples/sessions/" + name + ".jwdb ";
            for (String line : lines) {
                if (line.startsWith("# run: ")) {
                    String command = line.substring("# run: ".length()).strip();
                    assertTrue(command.startsWith(prefix), name + ": the run line must start " + prefix);
                    args = Arrays.asList(command.substring("jwdb ".length()).split("\\s+"));
                } else if (line.startsWith("# setup: mkdir ")) {
                    mkdirs.addAll(Arrays.asList(line.substring("# setup: mkdir ".length()).strip().split("\\s+")));
                } else if (line.startsWith("# status: ")) {
                    status = Integer.parseInt(line.substring("# status: ".length()).strip());
                }
            }
            assertTrue(args != null, name + ".jwdb has no '# run: jwdb --batch ...' line");
            return new Header(args, mkdirs, status);
        }
    }

    /** The committed samples (not the build's {@code target/} nor the tests' sources). */
    private static void copySamples(Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(Jwdb.SAMPLES)) {
            for (Path from : walk.toList()) {
                Path relative = Jwdb.SAMPLES.relativize(from);
                if (relative.startsWith("target") || relative.startsWith("src")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
