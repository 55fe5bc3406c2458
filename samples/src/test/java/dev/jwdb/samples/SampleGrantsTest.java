package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, acceptance 1: every sample runs with {@code jwdb run} and the grants its README gives, and without them
 * fails with the explained denial. The grants are those of the README, with {@code {tmp}} for a fresh directory
 * standing for the README's {@code ./out}, {@code ./server-logs}... The network samples' granted runs need a peer:
 * {@link SocketTest} runs them with a Java client and server; here they are checked denied.
 */
class SampleGrantsTest {
    @TempDir
    Path tmp;

    /** A sample run: the grants, the program, its arguments, and what the granted run exits with. */
    record Case(String name, List<String> grants, String program, List<String> args, int grantedStatus,
            String grantedOut, int deniedStatus, String denial) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, String grants, String program, String args, int grantedStatus,
            String grantedOut, int deniedStatus, String denial) {
        return new Case(name, words(grants), program, words(args), grantedStatus, grantedOut, deniedStatus, denial);
    }

    private static List<String> words(String s) {
        return s == null ? null : s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }

    static Stream<Arguments> needingGrants() {
        String logs = "jwdb: denied path_open \"/logs/app.log\" (create, write): no grant covers /logs; grant it with "
                + "--dir HOST::/logs";
        String clock = "jwdb: denied clock_time_get realtime: the clock is not granted; grant it with --allow clock";
        String random = "jwdb: denied random_get 16 bytes: randomness is not granted; grant it with --allow random";
        String data = "no grant covers /data; grant it with --dir HOST::/data";
        return Stream.of(
                of("logger C", "--dir {tmp}::/logs", "logger/logger-c.wasm", "", 0, "", 1, logs),
                of("logger Rust", "--dir {tmp}::/logs", "logger/logger-rust.wasm", "", 0, "", 134, logs),
                of("files", "--ro-dir {samples}/files/config::/config --dir {tmp}::/out", "files/files.wasm", "", 0,
                        "files: read 3 settings from /config/settings.conf, wrote /out/report.txt\n", 1,
                        "jwdb: denied path_open \"/config/settings.conf\" (read): no grant covers /config; grant it "
                                + "with --ro-dir HOST::/config"),
                of("files, /out read-only", "--ro-dir {samples}/files/config::/config --dir {tmp}::/out",
                        "files/files.wasm", "", 0, null, 1, "jwdb: denied path_open \"/out/report.txt\" (create, write):"
                                + " /out is granted read-only; grant it with --dir "),
                of("greet", "--env USER_NAME=ada --fixed-clock 2024-01-01T09:30:00Z --random-seed 7",
                        "env-clock-random/greet.wasm", "", 0, "hello, ada\nit is 2024-01-01 09:30:00 UTC\n"
                                + "your id is 1c2978874edbc7c6\n", 134, clock),
                of("now", "--allow clock --env USER_NAME=ada", "env-clock-random/now.wasm", "", 0, null, 134, clock),
                of("hashmap", "--random-seed 7", "env-clock-random/hashmap.wasm", "", 0,
                        "hazel=5 banana=6 damson=6 elder=5 cherry=6 apple=5 grape=5 fig=3\n", 134, random),
                of("buffers", "--random-seed 7", "wat/buffers.wat", "", 0, "id: d70d3259e4e1cb63\n", 0,
                        "jwdb: denied random_get 8 bytes: randomness is not granted; grant it with --allow random"),
                of("fs-tool", "--dir {tmp}::/data", "fs-tool/fs-tool.wasm", "write /data/new.txt hello", 0,
                        "write: ok\n", 1, "jwdb: denied path_open \"/data/new.txt\" (create, write): " + data),
                of("fileops C", "--dir {tmp}::/data", "wasi-conformance/fileops-c.wasm", "/data", 0, null, 0,
                        "jwdb: denied path_open \"/data/notes.txt\" (create, read, write): " + data),
                of("fileops Rust", "--dir {tmp}::/data", "wasi-conformance/fileops-rust.wasm", "/data", 0, null, 134,
                        "jwdb: denied path_open \"/data/notes.txt\" (create, read, write): " + data),
                of("process C", "--env GREETING=hello --allow clock --allow random",
                        "wasi-conformance/process-c.wasm", "exit=3 x", 3, null, 3, clock),
                of("process Rust", "--env GREETING=hello --allow clock --allow random",
                        "wasi-conformance/process-rust.wasm", "exit=3 x", 3, null, 134, clock),
                of("echo-server", null, "echo-server/echo-server.wasm", "", 0, null, 1,
                        "jwdb: denied sock_accept fd 4: no listening socket is granted at fd 4; grant it with "
                                + "--tcplisten HOST:PORT"),
                of("http-get", null, "http-get/http-get.wasm", "127.0.0.1 8000", 0, null, 1,
                        "jwdb: denied sock_connect 127.0.0.1:8000: no grant allows connecting to 127.0.0.1:8000; "
                                + "grant it with --allow-connect 127.0.0.1:8000"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("needingGrants")
    void withTheReadmesGrantsItRunsAndWithoutThemTheDenialIsExplained(Case c) throws Exception {
        Jwdb.Result denied = run(c, c.name().endsWith("read-only") ? readOnlyOut(c.grants()) : List.of());
        assertEquals(c.deniedStatus(), denied.status(), denied.toString());
        assertTrue(denied.err().lines().anyMatch(l -> l.startsWith(c.denial())), denied.toString());
        if (c.grants() == null || c.name().endsWith("read-only")) {
            return;
        }
        Jwdb.Result granted = run(c, c.grants());
        assertEquals(c.grantedStatus(), granted.status(), granted.toString());
        // Rust's std reads its environment at start-up, and the READMEs grant none where the program needs none.
        assertTrue(granted.err().lines().filter(l -> l.startsWith("jwdb: denied"))
                .allMatch(l -> l.startsWith("jwdb: denied environ_sizes_get")), granted.toString());
        if (c.grantedOut() != null) {
            assertEquals(c.grantedOut(), granted.out(), granted.toString());
        }
    }

    static Stream<Arguments> needingNoGrant() {
        return Stream.of(
                Arguments.of("samples/traps", List.of("--invoke", "divide"), "traps/traps.wat", "7 2", 0, "i32:3\n"),
                Arguments.of("samples/debug-info", List.of(), "debug-info/stats.wasm", "3 1 4 1 5", 0,
                        "count 5, min 1, max 5, mean 2.80\n"),
                Arguments.of("samples/debug-info-rust", List.of(), "debug-info-rust/scores.wasm", "hello a Rust", 0,
                        "hello: 52 (high, 5 letters)\na: 1 (low)\nRust: 78 (high, 4 letters)\n"
                                + "total 131, best \"Rust\" with 78\n"),
                Arguments.of("samples/debug-info-rust, no words", List.of(), "debug-info-rust/scores.wasm", "", 0,
                        "total 0, no words\n"),
                Arguments.of("samples/wat fib", List.of("--invoke", "fib"), "wat/fib.wat", "10", 0, "i32:55\n"),
                Arguments.of("samples/wat factorial", List.of("--invoke", "fact"), "wat/factorial.wat", "20", 0,
                        "i64:2432902008176640000\n"),
                Arguments.of("samples/wat strings", List.of("--invoke", "strlen"), "wat/strings.wat", "0x100", 0,
                        "i32:19\n"),
                Arguments.of("samples/wat table", List.of("--invoke", "apply"), "wat/table.wat", "2 6 7", 0,
                        "i32:42\n"),
                Arguments.of("samples/wat startup", List.of(), "wat/startup.wat", "", 0, "Hello, world!\n"),
                Arguments.of("samples/bad-pointers", List.of("--invoke", "fd_write_iovec_outside"),
                        "bad-pointers/bad-pointers.wat", "", 0, "i32:21\n"),
                Arguments.of("samples/simd", List.of(), "simd/simd-kernels.wasm", "", 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("needingNoGrant")
    void aSampleThatNeedsNoGrantRunsWithNone(String name, List<String> options, String program, String args,
            int status, String out) {
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(options);
        command.add(Jwdb.sample(program));
        command.addAll(words(args));
        Jwdb.Result r = Jwdb.run(command.toArray(String[]::new));
        assertEquals(status, r.status(), r.toString());
        // Rust's std reads its environment at start-up; that denial is said, and is no grant the sample needs
        assertFalse(r.err().lines().anyMatch(l -> l.startsWith("jwdb: denied")
                && !(program.endsWith(".wasm") && l.startsWith("jwdb: denied environ_sizes_get"))), r.toString());
        if (out != null) {
            assertEquals(out, r.out(), r.toString());
        }
    }

    /** The traps README: each export traps with the spec's message and exit status 134. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("traps")
    void eachTrapOfTheTrapsSampleEndsTheRunWithItsMessage(String export, String args, String message) {
        List<String> command = new ArrayList<>(List.of("run", "--max-stack", "8", "--invoke", export,
                Jwdb.sample("traps/traps.wat")));
        command.addAll(words(args));
        Jwdb.Result r = Jwdb.run(command.toArray(String[]::new));
        assertEquals(134, r.status(), r.toString());
        assertTrue(r.err().startsWith("jwdb: trap: " + message + "\nwasm backtrace:\n   0: " + export + "\n"),
                r.toString());
    }

    static Stream<Arguments> traps() {
        return Stream.of(Arguments.of("divide", "7 0", "integer divide by zero"),
                Arguments.of("divide", "-2147483648 -1", "integer overflow"),
                Arguments.of("load", "65533", "out of bounds memory access"),
                Arguments.of("never", "", "unreachable"),
                Arguments.of("recurse", "0", "call stack exhausted (the limit is 8 frames: --max-stack N changes it)"),
                Arguments.of("call", "1 2 3", "indirect call type mismatch"));
    }

    private Jwdb.Result run(Case c, List<String> grants) throws Exception {
        List<String> command = new ArrayList<>(List.of("run"));
        Path dir = Files.createTempDirectory(tmp, "grant");
        for (String g : grants) {
            command.add(g.replace("{tmp}", dir.toString()).replace("{samples}", Jwdb.SAMPLES.toString()));
        }
        command.add(Jwdb.sample(c.program()));
        command.addAll(c.args());
        return Jwdb.run(command.toArray(String[]::new));
    }

    /** The files README's third run: the report's directory granted read-only as well. */
    private static List<String> readOnlyOut(List<String> grants) {
        List<String> changed = new ArrayList<>(grants);
        changed.set(changed.indexOf("--dir"), "--ro-dir");
        return changed;
    }
}
