package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 3, as a script: the logger stops at the denial, ./server-logs is granted while it is stopped,
 * the call is retried and the program ends with status 0 and the log written. The transcript is committed as
 * {@code samples/sessions/logger-capability.transcript}; a change to what the shell prints shows up as a diff there.
 */
class ShellStoryTest {
    @TempDir
    Path dir;

    @Test
    void theBatchTranscriptMatchesTheCommittedOneAndTheLogIsWritten() throws Exception {
        Files.createDirectory(dir.resolve("server-logs"));
        Jwdb.Result r = JwdbProcess.run(dir, "--batch", Jwdb.sample("sessions/logger-capability.jwdb"),
                Jwdb.sample("logger/logger-rust.wasm"));
        assertEquals(0, r.status(), r.toString());
        assertEquals(Files.readString(Path.of(Jwdb.sample("sessions/logger-capability.transcript"))), r.out(),
                r.toString());
        assertEquals("Wasm module successfully initialized!", Files.readString(dir.resolve("server-logs/app.log")));
    }

    @Test
    void withoutTheGrantContinueDeliversTheDenialAndTheProgramTraps() throws Exception {
        Jwdb.Result r = JwdbProcess.run(dir, "-x", "run", "-x", "continue", "-x", "bt",
                Jwdb.sample("logger/logger-rust.wasm"));
        assertEquals(0, r.status(), r.toString());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("trap: unreachable"), r.toString());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("stderr| thread 'main' panicked"), r.toString());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("logger::main"), r.toString());
    }
}
