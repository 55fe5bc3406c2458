package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, acceptance 3: a real C program (fs-tool) tries to leave its grants through the gate and through the
 * granted descriptors, and to change a read-only grant. Every attempt is refused and explained, and the host file
 * system shows that nothing outside the grants was read, created or changed.
 */
class EscapeTest {
    private static final String SECRET = "the secret outside every grant\n";

    @TempDir
    Path root;
    private Path data;
    private Path readOnly;
    private Path outside;

    @BeforeEach
    void layout() throws IOException {
        data = Files.createDirectory(root.resolve("data"));
        readOnly = Files.createDirectory(root.resolve("ro"));
        outside = Files.createDirectory(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(data.resolve("mine.txt"), "mine\n");
        Files.writeString(readOnly.resolve("keep.txt"), "keep\n");
        Files.createDirectory(readOnly.resolve("sub"));
        Files.createSymbolicLink(data.resolve("abs-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(data.resolve("rel-link"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(data.resolve("dir-link"), outside);
        // A fixed time, so that a refused touch would show as a changed mtime.
        for (Path p : List.of(readOnly.resolve("keep.txt"), outside.resolve("secret.txt"))) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    private Jwdb.Result tool(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--dir", data + "::/data", "--ro-dir", readOnly + "::/ro",
                Jwdb.sample("fs-tool/fs-tool.wasm")));
        all.addAll(List.of(args));
        return Jwdb.run(all.toArray(String[]::new));
    }

    private void refused(String... args) {
        Jwdb.Result r = tool(args);
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().endsWith(": Capabilities insufficient\n"), r.toString());
        assertFalse(r.out().contains("secret"), r.toString());
        assertTrue(r.err().startsWith("jwdb: denied "), r.toString());
    }

    @Test
    void readingOutsideIsRefusedEveryWay() throws IOException {
        Map<String, String> before = snapshot();
        String secret = outside.resolve("secret.txt").toString();
        refused("cat", "/data/../outside/secret.txt");
        refused("cat", "/data/sub/../../outside/secret.txt");
        refused("cat", secret);
        refused("cat", "/data/abs-link");
        refused("cat", "/data/rel-link");
        refused("cat", "/data/dir-link/secret.txt");
        refused("ls", "/data/dir-link");
        refused("ls", "/data/..");
        refused("stat", secret);
        assertEquals(before, snapshot());
    }

    @Test
    void writingOutsideIsRefusedEveryWay() throws IOException {
        Map<String, String> before = snapshot();
        refused("write", "/data/../outside/new.txt", "x");
        refused("write", "/data/abs-link", "overwritten");
        refused("write", "/data/rel-link", "overwritten");
        refused("write", "/data/dir-link/new.txt", "x");
        refused("write", outside.resolve("new.txt").toString(), "x");
        refused("mkdir", "/data/../outside/newdir");
        refused("rm", "/data/../outside/secret.txt");
        refused("touch", "/data/abs-link");
        assertEquals(before, snapshot());
    }

    @Test
    void linksAndRenamesOutOfAGrantAreRefused() throws IOException {
        Map<String, String> before = snapshot();
        refused("ln", "/data/../outside/secret.txt", "/data/stolen.txt");
        refused("ln", "/data/mine.txt", "/data/../outside/planted.txt");
        refused("mv", "/data/mine.txt", "/data/../outside/moved.txt");
        refused("mv", "/data/../outside/secret.txt", "/data/moved.txt");
        refused("mv", "/data/mine.txt", "/elsewhere/moved.txt");
        assertEquals(before, snapshot());
    }

    @Test
    void theGuestCannotPlantASymlinkPointingOutside() throws IOException {
        Map<String, String> before = snapshot();
        refused("symlink", outside.resolve("secret.txt").toString(), "/data/planted");
        refused("symlink", "../outside/secret.txt", "/data/planted-rel");
        refused("symlink", "sub/../../outside", "/data/planted-dir");
        assertEquals(before, snapshot());
        assertEquals(0, tool("symlink", "mine.txt", "/data/inside-link").status());
        assertEquals("mine\n", tool("cat", "/data/inside-link").out());
    }

    @Test
    void aReadOnlyGrantRefusesEveryChange() throws IOException {
        Map<String, String> before = snapshot();
        assertEquals("keep\n", tool("cat", "/ro/keep.txt").out());
        refused("write", "/ro/keep.txt", "changed");
        refused("write", "/ro/new.txt", "x");
        refused("mkdir", "/ro/newdir");
        refused("rmdir", "/ro/sub");
        refused("rm", "/ro/keep.txt");
        refused("mv", "/ro/keep.txt", "/ro/renamed.txt");
        refused("mv", "/ro/keep.txt", "/data/taken.txt");
        refused("mv", "/data/mine.txt", "/ro/given.txt");
        refused("ln", "/ro/keep.txt", "/ro/hard.txt");
        refused("symlink", "keep.txt", "/ro/link");
        refused("touch", "/ro/keep.txt");
        assertEquals(before, snapshot());
    }

    @Test
    void insideTheGrantsEverythingWorks() throws IOException {
        assertEquals(0, tool("write", "/data/new.txt", "new").status());
        assertEquals(0, tool("mkdir", "/data/d").status());
        assertEquals(0, tool("mv", "/data/new.txt", "/data/d/moved.txt").status());
        assertEquals(0, tool("ln", "/data/d/moved.txt", "/data/hard.txt").status());
        assertEquals("new", Files.readString(data.resolve("hard.txt")));
        assertEquals("new", tool("cat", "/data/d/moved.txt").out());
    }

    /** Names, contents and modification times of everything under the temp root; links are not followed. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String what = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "<dir>"
                        : Files.readString(p) + " @" + Files.getLastModifiedTime(p).toMillis();
                out.put(root.relativize(p).toString(), what);
            }
        }
        return out;
    }
}
