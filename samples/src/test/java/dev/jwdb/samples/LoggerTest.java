package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 3, acceptance 1: the logger is denied /logs with an explanation, and works once it is granted. */
class LoggerTest {
    private static final String DENIAL = "jwdb: denied path_open \"/logs/app.log\" (create, write): no grant covers "
            + "/logs; grant it with --dir HOST::/logs";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"logger/logger-rust.wasm", "logger/logger-c.wasm"})
    void withoutAGrantTheOpenIsDeniedAndTheFixNamed(String logger) {
        Jwdb.Result r = Jwdb.run("run", Jwdb.sample(logger));
        assertNotEquals(0, r.status(), r.toString());
        assertTrue(r.err().lines().anyMatch(DENIAL::equals), r.toString());
        assertTrue(r.err().contains("Could not create file"), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logger/logger-rust.wasm", "logger/logger-c.wasm"})
    void withTheDirectoryGrantedTheLogIsWritten(String logger) throws Exception {
        Path logs = Files.createDirectory(dir.resolve("server-logs"));
        Jwdb.Result r = Jwdb.run("run", "--dir", logs + "::/logs", Jwdb.sample(logger));
        assertEquals(0, r.status(), r.toString());
        assertFalse(r.err().contains("denied path_open"), r.toString());
        assertEquals("Wasm module successfully initialized!", Files.readString(logs.resolve("app.log")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logger/logger-rust.wasm", "logger/logger-c.wasm"})
    void asAProcessTheGrantIsRelativeToTheWorkingDirectory(String logger) throws Exception {
        Jwdb.Result denied = JwdbProcess.run(dir, "run", Jwdb.sample(logger));
        assertNotEquals(0, denied.status(), denied.toString());
        assertTrue(denied.err().lines().anyMatch(DENIAL::equals), denied.toString());

        Files.createDirectory(dir.resolve("server-logs"));
        Jwdb.Result granted = JwdbProcess.run(dir, "run", "--dir", "./server-logs::/logs", Jwdb.sample(logger));
        assertEquals(0, granted.status(), granted.toString());
        assertEquals("Wasm module successfully initialized!", Files.readString(dir.resolve("server-logs/app.log")));
    }
}
