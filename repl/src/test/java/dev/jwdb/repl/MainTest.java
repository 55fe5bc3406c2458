package dev.jwdb.repl;

import static dev.jwdb.repl.JwdbRun.jwdb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.repl.JwdbRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void wastPrintsPerFileCountsFailuresAndTheSummary() throws IOException {
        Path script = write("t.wast", """
                (module
                  (func (export "add") (param i32 i32) (result i32)
                    local.get 0 local.get 1 i32.add))
                (assert_return (invoke "add" (i32.const 2) (i32.const 3)) (i32.const 5))
                (assert_return (invoke "add" (i32.const 2) (i32.const 2)) (i32.const 5))
                (assert_trap (invoke "add" (i32.const 1) (i32.const 1)) "unreachable")
                """);
        Result r = jwdb("wast", script.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains(script + ":5: result 0: expected i32:5, got i32:4"), r.out());
        assertTrue(r.out().contains(script + ":6: expected trap \"unreachable\", but it succeeded"), r.out());
        assertTrue(r.out().contains(script + ": 2 passed, 2 failed"), r.out());
        assertTrue(r.out().endsWith("2 passed, 2 failed\n"), r.out());
    }

    @Test
    void wastExitsZeroWhenEverythingPasses() throws IOException {
        Path script = write("ok.wast", """
                (module (func (export "div") (param i32) (result i32)
                  i32.const 10 local.get 0 i32.div_u))
                (assert_return (invoke "div" (i32.const 2)) (i32.const 5))
                (assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
                """);
        Result r = jwdb("wast", script.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().endsWith("3 passed, 0 failed\n"), r.out());
    }

    @Test
    void truncatedBinaryIsOneLineWithTheByteOffset() throws IOException {
        Path wasm = dir.resolve("cut.wasm");
        Files.write(wasm, new byte[] {0, 'a', 's', 'm', 1, 0});
        Result r = jwdb("wasm2wat", wasm.toString());
        assertEquals(2, r.status());
        assertEquals("jwdb: " + wasm + ": malformed module: unexpected end (at byte 0x6)\n", r.err());
    }

    @Test
    void garbageIsNotTakenForAModule() throws IOException {
        Path wasm = dir.resolve("garbage.wasm");
        Files.write(wasm, new byte[] {'h', 'e', 'l', 'l', 'o', 0, 0, 0});
        Result r = jwdb("wasm2wat", wasm.toString());
        assertEquals(2, r.status());
        assertEquals("jwdb: " + wasm + ": malformed module: magic header not detected (at byte 0x0)\n", r.err());
    }

    @Test
    void badTextGivesFileLineAndColumn() throws IOException {
        Path wat = write("bad.wat", "(module\n  (func\n    i32.const 1\n    i32.ad))\n");
        Result r = jwdb("wat2wasm", wat.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jwdb: " + wat + ":4:5: unknown operator"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void invalidModuleIsNamedAsSuch() throws IOException {
        Path wat = write("invalid.wat", "(module (func (result i32) (f32.const 1)))\n");
        Result r = jwdb("wat2wasm", wat.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jwdb: " + wat + ": invalid module: type mismatch"), r.err());
    }

    @Test
    void missingFileIsReportedWithoutAStackTrace() {
        Result r = jwdb("wasm2wat", dir.resolve("nope.wasm").toString());
        assertEquals(2, r.status());
        assertEquals("jwdb: " + dir.resolve("nope.wasm") + ": no such file\n", r.err());
    }

    @Test
    void wat2wasmThenWasm2watThenWat2wasmGivesTheSameBytes() throws IOException {
        Path wat = write("fact.wat", """
                (module
                  (func $fact (export "fact") (param $n i64) (result i64)
                    (if (result i64) (i64.eqz (local.get $n))
                      (then (i64.const 1))
                      (else (i64.mul (local.get $n) (call $fact (i64.sub (local.get $n) (i64.const 1))))))))
                """);
        Path wasm = dir.resolve("fact.wasm");
        assertEquals(0, jwdb("wat2wasm", wat.toString(), "-o", wasm.toString()).status());
        Result text = jwdb("wasm2wat", wasm.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("i64.mul"), text.out());
        Path again = write("again.wat", text.out());
        Path wasm2 = dir.resolve("again.wasm");
        assertEquals(0, jwdb("wat2wasm", again.toString(), "-o", wasm2.toString()).status());
        assertArrayEquals(Files.readAllBytes(wasm), Files.readAllBytes(wasm2));
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = jwdb("frobnicate");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }
}
