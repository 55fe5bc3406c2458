package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, acceptance 6: {@code jwdb audit} prints the least privilege that covers a run, and nothing more. */
class AuditTest {
    @TempDir
    Path dir;

    @Test
    void theLoggerNeedsLogsWhichTheAuditNamesInBothSpellings() {
        Jwdb.Result r = Jwdb.run("audit", Jwdb.sample("logger/logger-c.wasm"));
        assertEquals("""
                least privilege:
                  jwdb:     --dir HOST::/logs
                  wasmtime: --dir HOST::/logs
                """, r.out());
        assertTrue(r.err().startsWith("jwdb: denied path_open \"/logs/app.log\""), r.err());
    }

    @Test
    void aDirectoryOnlyReadIsListedReadOnlyAndItsDenialSuggestsNoMore() {
        Jwdb.Result r = Jwdb.run("audit", Jwdb.sample("files/files.wasm"));
        assertEquals(1, r.status(), r.toString());
        assertEquals("""
                least privilege:
                  jwdb:     --ro-dir HOST::/config
                  wasmtime: --dir HOST::/config
                  note:     read-only directories are spelled --dir for wasmtime, which then allows writing
                """, r.out());
        assertTrue(r.err().startsWith("jwdb: denied path_open \"/config/settings.conf\" (read): no grant covers "
                + "/config; grant it with --ro-dir HOST::/config\n"), r.err());
    }

    @Test
    void grantsTheRunDidNotUseAreLeftOut() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path unused = Files.createDirectory(dir.resolve("unused"));
        Jwdb.Result r = Jwdb.run("audit", "--dir", logs + "::/logs", "--dir", unused + "::/unused", "--env",
                "FOO=1", "--allow", "all-basic", "--allow-connect", "*:*", Jwdb.sample("logger/logger-c.wasm"));
        assertEquals(0, r.status(), r.toString());
        assertEquals("least privilege:\n"
                + "  jwdb:     --dir " + logs + "::/logs\n"
                + "  wasmtime: --dir " + logs + "::/logs\n", r.out());
    }

    @Test
    void directoriesGrantedOnTheCommandLineAreListedAsTheyWereWritten() throws Exception {
        // Maven runs the tests in the samples folder: both directories are relative to it.
        Files.createDirectories(Path.of("target", "audit-test", "out"));
        Jwdb.Result r = Jwdb.run("audit", "--ro-dir", "files/config::/config", "--dir", "./target/audit-test/out::/out",
                Jwdb.sample("files/files.wasm"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().endsWith("""
                least privilege:
                  jwdb:     --ro-dir files/config::/config --dir ./target/audit-test/out::/out
                  wasmtime: --dir files/config::/config --dir ./target/audit-test/out::/out
                  note:     read-only directories are spelled --dir for wasmtime, which then allows writing
                """), r.out());
        Jwdb.Result readOnly = Jwdb.run("audit", "--ro-dir", "files/config::/config", "--ro-dir",
                "target/audit-test/out::/out", Jwdb.sample("files/files.wasm"));
        assertTrue(readOnly.err().startsWith("jwdb: denied path_open \"/out/report.txt\" (create, write): /out is "
                + "granted read-only; grant it with --dir target/audit-test/out::/out\n"), readOnly.toString());
        assertTrue(readOnly.out().contains(
                "  jwdb:     --ro-dir files/config::/config --dir target/audit-test/out::/out\n"), readOnly.toString());
    }

    @Test
    void aProgramReadingAVariableAndTheClockIsGivenBoth() {
        Jwdb.Result r = Jwdb.run("audit", "--env", "USER_NAME=ada", Jwdb.sample("env-clock-random/now.wasm"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("hello, ada: it is "), r.out());
        assertTrue(r.out().endsWith("""
                least privilege:
                  jwdb:     --env USER_NAME=ada --allow clock
                  wasmtime: --env USER_NAME=ada
                  note:     wasmtime grants the clock and randomness to every program
                """), r.out());
    }

    @Test
    void aHashMapNeedsRandomnessAndNothingElse() {
        Jwdb.Result r = Jwdb.run("audit", "--env", "IGNORED=1", Jwdb.sample("env-clock-random/hashmap.wasm"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("  jwdb:     --env IGNORED=1 --allow random\n"), r.out());
    }
}
