package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, acceptance 8: bad pointers and lengths give the guest EFAULT or EINVAL, never a host failure. */
class BadPointerTest {
    private static final String EFAULT = "i32:21\n";
    private static final String EINVAL = "i32:28\n";

    @TempDir
    Path dir;

    @Test
    void everyBadArgumentIsAnErrnoForTheGuest() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("fd_write_iovecs_outside", EFAULT),
                Map.entry("fd_write_iovec_outside", EFAULT),
                Map.entry("fd_write_result_outside", EFAULT),
                Map.entry("fd_read_absurd_count", EINVAL),
                Map.entry("args_sizes_get_outside", EFAULT),
                Map.entry("args_get_outside", EFAULT),
                Map.entry("path_open_path_outside", EFAULT),
                Map.entry("random_get_outside", EFAULT),
                Map.entry("clock_time_get_bad_clock", EINVAL),
                Map.entry("poll_oneoff_nothing", EINVAL));
        expected.forEach((function, errno) -> {
            Jwdb.Result r = Jwdb.run("run", "--invoke", function, Jwdb.sample("bad-pointers/bad-pointers.wat"));
            assertEquals(0, r.status(), function + ": " + r);
            assertEquals(errno, r.out(), function);
            assertEquals("", r.err(), function);
        });
    }

    @Test
    void theGoodCallNextToThemWorks() {
        Jwdb.Result r = Jwdb.run("run", "--invoke", "fd_write_good", Jwdb.sample("bad-pointers/bad-pointers.wat"));
        assertEquals("written\ni32:0\n", r.out(), r.toString());
    }

    @Test
    void aGuestWithoutMemoryGetsEfaultForEveryPointer() throws Exception {
        Path wat = Files.writeString(dir.resolve("no-memory.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
                  (import "wasi_unstable" "args_sizes_get" (func $a (param i32 i32) (result i32)))
                  (func (export "write") (result i32) (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                  (func (export "args") (result i32) (call $a (i32.const 0) (i32.const 4))))
                """);
        assertEquals(EFAULT, Jwdb.run("run", "--invoke", "write", wat.toString()).out());
        assertEquals(EFAULT, Jwdb.run("run", "--invoke", "args", wat.toString()).out());
    }
}
