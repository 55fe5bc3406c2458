package dev.jwdb.repl;

import static dev.jwdb.repl.JwdbRun.jwdb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.repl.JwdbRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwdb run} and {@code jwdb audit}: entry points, exit statuses, traps, limits and usage errors. */
class RunCommandTest {
    /** Writes its first argument to stdout and exits with the status in the module's data. */
    private static final String ECHO_ARG = """
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func $strlen (param $p i32) (result i32) (local $n i32)
                (block $done (loop $next
                  (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
                  (local.set $n (i32.add (local.get $n) (i32.const 1)))
                  (br $next)))
                (local.get $n))
              (func (export "_start")
                (drop (call $sizes (i32.const 0) (i32.const 4)))
                (drop (call $args (i32.const 16) (i32.const 256)))
                ;; iovec at 8: argv[1] and its length
                (i32.store (i32.const 8) (i32.load (i32.const 20)))
                (i32.store (i32.const 12) (call $strlen (i32.load (i32.const 20))))
                (drop (call $write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 0)))
                (call $exit (i32.const 42))))
            """;

    private static final String TRAPS = """
            (module
              (global $initialized (mut i32) (i32.const 0))
              (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
                (i32.div_s (local.get $a) (local.get $b)))
              (func $middle (param i32) (result i32) (call $divide (local.get 0) (i32.const 0)))
              (func (export "outer") (result i32) (call $middle (i32.const 7)))
              (func $deep (export "deep") (param i32) (result i32) (call $deep (local.get 0)))
              (func (export "_initialize") (global.set $initialized (i32.const 1)))
              (func (export "initialized") (result i32) (global.get $initialized))
              (func (export "mix") (param i64 f32 f64) (result i64 f32 f64)
                (local.get 0) (local.get 1) (local.get 2))
              (memory (export "memory") 1)
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """;

    private static final String TABLE = """
            (module
              (table $t 2 funcref)
              (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
              (func (export "size") (result i32) (table.size $t)))
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void guestOutputPassesThroughAndProcExitIsTheStatus() throws IOException {
        String file = write("echo.wat", ECHO_ARG);
        Result r = jwdb("run", file, "héllo", "--not-an-option-of-jwdb");
        assertEquals(42, r.status(), r.err());
        assertEquals("héllo", r.out());
        assertEquals("", r.err());
    }

    @Test
    void invokePrintsTypedResultsAfterInitialize() throws IOException {
        String file = write("t.wat", TRAPS);
        assertEquals(new Result(0, "i32:1\n", ""), jwdb("run", "--invoke", "initialized", file));
        assertEquals(new Result(0, "i32:-3\n", ""), jwdb("run", "--invoke", "divide", file, "-7", "2"));
        assertEquals(new Result(0, "i64:-1\nf32:1.5\nf64:-0.25\n", ""),
                jwdb("run", "--invoke", "mix", file, "0xffffffffffffffff", "1.5", "-0x1p-2"));
    }

    @Test
    void aTrapIs134WithTheMessageAndAWasmBacktrace() throws IOException {
        String file = write("t.wat", TRAPS);
        Result r = jwdb("run", "--invoke", "outer", file);
        assertEquals(134, r.status());
        assertEquals("", r.out());
        assertEquals("""
                jwdb: trap: integer divide by zero
                wasm backtrace:
                   0: divide
                   1: middle
                   2: outer
                """, r.err());
    }

    @Test
    void maxStackLimitsTheCallDepth() throws IOException {
        String file = write("t.wat", TRAPS);
        Result r = jwdb("run", "--max-stack", "100", "--invoke", "deep", file, "1");
        assertEquals(134, r.status());
        assertTrue(r.err().startsWith("jwdb: trap: call stack exhausted (the limit is 100 frames: --max-stack N changes "
                + "it)\nwasm backtrace:\n   0: deep\n"), r.err());
        // 100 frames: the 20 innermost, a line for the 75 left out, the 5 outermost
        assertTrue(r.err().contains("\n  19: deep\n  ... 75 frames omitted ...\n  95: deep\n"), r.err());
        assertTrue(r.err().endsWith("  99: deep\n"), r.err());
        assertEquals(2 + 20 + 1 + 5, r.err().lines().count());
    }

    @Test
    void fuelStopsALoopThatNeverEnds() {
        String spin = Path.of("..", "samples", "wat", "spin.wat").toString();
        Result r = jwdb("run", "--fuel", "1000", "--invoke", "spin", spin);
        assertEquals(134, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("jwdb: trap: fuel exhausted (--fuel 1000 allowed 1000 instructions)\n"),
                r.err());
    }

    @Test
    void auditTakesFuelToo() throws IOException {
        String file = write("loop.wat", "(module (func (export \"_start\") (loop (br 0))))");
        Result r = jwdb("audit", "--fuel", "1000", file);
        assertEquals(134, r.status(), r.err());
        assertTrue(r.err().startsWith("jwdb: trap: fuel exhausted (--fuel 1000 allowed 1000 instructions)\n"),
                r.err());
    }

    @Test
    void auditPassesTheArgumentsAsRunDoesAndPrintsNothingMoreWhenTheRunCannotStart() throws IOException {
        Result r = jwdb("audit", write("echo.wat", ECHO_ARG), "héllo", "--not-an-option-of-jwdb");
        assertEquals(new Result(42, "héllo" + "least privilege:\n  jwdb:     (no grants)\n  wasmtime: (no grants)\n",
                ""), r);
        String noStart = write("t.wat", TRAPS);
        assertUsage(jwdb("audit", noStart), "jwdb: " + noStart + ": no _start export (a WASI command has one); call a "
                + "function with --invoke NAME");
        assertUsage(jwdb("audit", write("bad.wat", "(module (func i32.ad))")), "jwdb: " + dir.resolve("bad.wat")
                + ":1:15: unknown operator i32.ad");
    }

    @Test
    void enoughFuelChangesNothing() throws IOException {
        String file = write("t.wat", TRAPS);
        assertEquals(new Result(0, "i32:-3\n", ""), jwdb("run", "--fuel", "1000", "--invoke", "divide", file, "-7", "2"));
    }

    @Test
    void aMemoryDeclaredLargerThanTheLimitIsRefusedBeforeAnyCodeRuns() throws IOException {
        String file = write("big.wat", "(module (memory 3) (func (export \"_start\") unreachable) (start 0))");
        assertEquals(new Result(2, "", "jwdb: " + file + ": cannot instantiate: memory size 3 pages exceeds the limit"
                + " of 2 pages (--max-memory SIZE changes the limit)\n"), jwdb("run", "--max-memory", "128K", file));
        Result started = jwdb("run", "--max-memory", "192K", file);
        assertEquals(134, started.status(), started.err());
        assertTrue(started.err().startsWith("jwdb: trap: unreachable\n"), started.err());
    }

    @Test
    void traceWasiPrintsEachCallDecodedAfterWhatTheGuestWrote() throws IOException {
        String file = write("echo.wat", ECHO_ARG);
        Result r = jwdb("run", "--trace-wasi", file, "hi");
        // the guest's "hi" left its line open: the trace ends it, so that its own line starts a line
        assertEquals(new Result(42, "hi\n", """
                jwdb: wasi: args_sizes_get() -> ESUCCESS, argc=2, argv_buf_size=%d
                jwdb: wasi: args_get(argv=0x10, argv_buf=0x100) -> ESUCCESS
                jwdb: wasi: fd_write(fd=1, iovs=[2 bytes: "hi"]) -> ESUCCESS, nwritten=2
                jwdb: wasi: proc_exit(rval=42)
                """.formatted(file.length() + 4)), r);
        assertEquals(new Result(42, "hi", ""), jwdb("run", file, "hi"));
        Result audited = jwdb("audit", "--trace-wasi", file, "hi");
        assertEquals(42, audited.status(), audited.err());
        assertTrue(audited.err().contains("jwdb: wasi: fd_write(fd=1, iovs=[2 bytes: \"hi\"]) -> ESUCCESS"),
                audited.err());
    }

    @Test
    void maxMemoryLimitsGrowth() throws IOException {
        String file = write("t.wat", TRAPS);
        assertEquals("i32:1\n", jwdb("run", "--max-memory", "128K", "--invoke", "grow", file, "1").out());
        assertEquals("i32:-1\n", jwdb("run", "--max-memory", "128K", "--invoke", "grow", file, "2").out());
        assertEquals("i32:1\n", jwdb("run", "--max-memory", "1M", "--invoke", "grow", file, "15").out());
    }

    @Test
    void maxTableElementsLimitsTableGrowthWhichThenReturnsMinusOne() throws IOException {
        String file = write("table.wat", TABLE);
        assertEquals(new Result(0, "i32:2\n", ""), jwdb("run", "--max-table-elements", "8", "--invoke", "grow", file,
                "6"));
        assertEquals(new Result(0, "i32:-1\n", ""), jwdb("run", "--max-table-elements", "8", "--invoke", "grow", file,
                "7"));
        // the default limit, 10000000 elements, is checked before anything is allocated
        assertEquals(new Result(0, "i32:-1\n", ""), jwdb("run", "--invoke", "grow", file, "9999999"));
        assertEquals(new Result(0, "i32:2\n", ""), jwdb("run", "--max-table-elements", "20000000", "--invoke",
                "grow", file, "1"));
    }

    @Test
    void aTableDeclaredLargerThanTheLimitIsRefusedWithTheLimitNamed() throws IOException {
        String file = write("table.wat", TABLE);
        Result r = jwdb("run", "--max-table-elements", "1", "--invoke", "size", file);
        assertEquals(new Result(2, "", "jwdb: " + file + ": cannot instantiate: table size 2 exceeds the limit of 1"
                + " (--max-table-elements N changes the limit)\n"), r);
        String start = write("start.wat", "(module (table 3 funcref) (func (export \"_start\")))");
        Result audited = jwdb("audit", "--max-table-elements", "1", start);
        assertEquals(2, audited.status(), audited.err());
        assertEquals("jwdb: " + start + ": cannot instantiate: table size 3 exceeds the limit of 1"
                + " (--max-table-elements N changes the limit)\n", audited.err());
        assertEquals(new Result(0, "i32:2\n", ""), jwdb("run", "--max-table-elements", "2", "--invoke", "size",
                file));
    }

    @Test
    void usageErrorsAreOneLineWithStatusTwo() throws IOException {
        String file = write("t.wat", TRAPS);
        assertUsage(jwdb("run", file), "jwdb: " + file + ": no _start export (a WASI command has one); call a "
                + "function with --invoke NAME");
        assertUsage(jwdb("run", "--invoke", "nope", file), "jwdb: " + file + ": no exported function nope");
        assertUsage(jwdb("run", "--invoke", "divide", file, "1"), "jwdb: divide takes 2 arguments (i32 i32), got 1");
        assertUsage(jwdb("run", "--invoke", "divide", file, "1", "x"), "jwdb: divide: argument 2: expected i32, got x");
        assertUsage(jwdb("run", "--dir", dir.resolve("missing") + "::/m", file),
                "jwdb: --dir " + dir.resolve("missing") + "::/m: no such directory " + dir.resolve("missing")
                        + " (see: jwdb run --help)");
        assertUsage(jwdb("run", "--allow", "network", file),
                "jwdb: --allow network: expected clock, random, stdin, stdout, stderr or all-basic "
                        + "(see: jwdb run --help)");
        assertUsage(jwdb("run", "--max-memory", "lots", file),
                "jwdb: --max-memory lots: expected a size such as 65536, 64K, 16M or 1G (see: jwdb run --help)");
        assertUsage(jwdb("run", "--tcplisten", "localhost", file),
                "jwdb: --tcplisten localhost: expected HOST:PORT, got localhost (see: jwdb run --help)");
        assertUsage(jwdb("audit", "--fixed-clock", "yesterday", file), "jwdb: --fixed-clock yesterday: expected an "
                + "ISO-8601 instant or epoch nanoseconds, got yesterday (see: jwdb audit --help)");
        assertUsage(jwdb("run", "--max-table-elements", "-1", file), "jwdb: --max-table-elements -1: expected a "
                + "number of elements, 0 or more (see: jwdb run --help)");
        assertUsage(jwdb("run", "--max-table-elements", "many", file), "jwdb: Invalid value for option "
                + "'--max-table-elements': 'many' is not a long (see: jwdb run --help)");
        assertUsage(jwdb("--max-table-elements", "5", file), "jwdb: --max-memory, --max-table-elements, --max-stack "
                + "and --fuel apply to jwdb run and audit, not to the shell (see: jwdb --help)");
        assertUsage(jwdb("run", "--fuel", "0", file),
                "jwdb: --fuel 0: expected a positive number of instructions (see: jwdb run --help)");
        assertUsage(jwdb("run"), "jwdb: Missing required parameter: 'FILE' (see: jwdb run --help)");
    }

    @Test
    void modulesThatDoNotLoadOrLinkAreStatusTwo() throws IOException {
        assertUsage(jwdb("run", write("bad.wat", "(module (func i32.ad))")), "jwdb: " + dir.resolve("bad.wat")
                + ":1:15: unknown operator i32.ad");
        String unknown = write("imports.wat", "(module (import \"env\" \"f\" (func)) (func (export \"_start\")))");
        assertUsage(jwdb("run", unknown), "jwdb: " + unknown + ": unknown import \"env\" \"f\"");
        assertUsage(jwdb("run", dir.resolve("nope.wasm").toString()), "jwdb: " + dir.resolve("nope.wasm")
                + ": no such file");
    }

    @Test
    void deniedStdoutIsExplainedAndTheOutputWithheld() throws IOException {
        Result r = jwdb("run", "--deny", "stdout", write("echo.wat", ECHO_ARG), "secret");
        assertEquals(42, r.status());
        assertEquals("", r.out());
        assertEquals("jwdb: denied fd_write stdout: stdout is revoked; grant it with --allow stdout\n", r.err());
    }

    @Test
    void helpListsTheGrantsAndTheLimits() {
        Result r = jwdb("run", "--help");
        assertEquals(0, r.status());
        for (String option : new String[] {"--dir", "--ro-dir", "--env", "--inherit-env", "--allow", "--deny",
                "--fixed-clock", "--random-seed", "--tcplisten", "--allow-connect", "--max-memory",
                "--max-table-elements", "--max-stack", "--fuel", "--invoke"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    private static void assertUsage(Result r, String line) {
        assertEquals(2, r.status(), r.err());
        assertEquals(line + "\n", r.err());
    }
}
