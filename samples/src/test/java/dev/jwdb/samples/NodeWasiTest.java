package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, acceptance 2: the C and Rust test programs print exactly what node's own WASI ({@code node:wasi})
 * prints for them, exit with the same status, and leave the granted directory in the same state.
 */
class NodeWasiTest {
    private static final String SLEPT = "slept at least 10ms: ";
    private static final String STDIN = "first line\nsecond line\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void nodeIsInstalled() {
        assumeTrue(node("--version").status() == 0, "node is not installed: nothing to compare with");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasi-conformance/fileops-c.wasm", "wasi-conformance/fileops-rust.wasm"})
    void fileOperationsMatchNode(String program) throws IOException {
        Path forNode = Files.createDirectory(dir.resolve("node"));
        Path forJwdb = Files.createDirectory(dir.resolve("jwdb"));
        Jwdb.Result node = node(Jwdb.sample("node-wasi.mjs"), "--dir", forNode + "::/data", Jwdb.sample(program),
                "/data");
        Jwdb.Result jwdb = Jwdb.run("run", "--dir", forJwdb + "::/data", Jwdb.sample(program), "/data");
        assertEquals(0, node.status(), node.toString());
        assertEquals(node.out(), jwdb.out(), jwdb.toString());
        assertEquals(node.status(), jwdb.status());
        assertEquals(tree(forNode), tree(forJwdb));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasi-conformance/process-c.wasm", "wasi-conformance/process-rust.wasm"})
    void argumentsEnvironmentClocksRandomStdinAndExitStatusMatchNode(String program) {
        for (String exit : List.of("exit=0", "exit=3", "exit=255")) {
            Jwdb.Result node = node(Jwdb.sample("node-wasi.mjs"), "--env", "GREETING=hello there", "--env", "B=2",
                    Jwdb.sample(program), exit, "two words", "-x");
            Jwdb.Result jwdb = Jwdb.runWithStdin(STDIN, "run", "--env", "GREETING=hello there", "--env", "B=2",
                    "--allow", "clock", "--allow", "random", Jwdb.sample(program), exit, "two words", "-x");
            // node's poll_oneoff sometimes wakes a clock subscription early on a loaded machine, so the sleep
            // line is checked against what the program must print, not against node.
            assertEquals(node.out().contains(SLEPT), jwdb.out().contains(SLEPT + "true\n"), jwdb.toString());
            assertEquals(withoutSleepLine(node.out()), withoutSleepLine(jwdb.out()), jwdb.toString());
            assertEquals(Integer.parseInt(exit.substring(5)), node.status(), node.toString());
            assertEquals(node.status(), jwdb.status());
            assertEquals("", jwdb.err().replace("exiting with " + node.status() + "\n", ""), jwdb.toString());
        }
    }

    private static String withoutSleepLine(String out) {
        return out.replaceAll("(?m)^" + SLEPT + ".*\n", "");
    }

    /** Every file and directory under {@code root} with the contents of each file. */
    private static TreeMap<String, String> tree(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = root.relativize(p).toString();
                out.put(name, Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return out;
    }

    static Jwdb.Result node(String... args) {
        List<String> command = new ArrayList<>(List.of("node", "--no-warnings"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(STDIN.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // node may exit before reading its stdin
            }
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node did not finish");
            }
            return new Jwdb.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Jwdb.Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
