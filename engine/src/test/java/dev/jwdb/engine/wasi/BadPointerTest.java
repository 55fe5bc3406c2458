package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest passing pointers outside its memory gets EFAULT from every function, never a host exception. */
class BadPointerTest {
    /** An address near the top of the 32-bit space, as an i32 slot. */
    private static final long BAD = (int) 0xFFFFFFF0;

    @TempDir
    Path dir;

    @Test
    void everyPointerArgumentOutOfRangeIsEfault() throws Exception {
        Files.writeString(dir.resolve("f"), "data");
        Files.createSymbolicLink(dir.resolve("s"), Path.of("f"));
        try (GuestCalls g = new GuestCalls(new Grants().dir(DirGrant.parse(dir + "::/w", false)))) {
            int file = g.open(4, "f", 0, GuestCalls.READ | GuestCalls.WRITE, 0);
            int out = g.alloc(64);
            g.call("sock_open", 1, 2, out);
            int sock = g.i32(out);
            int f = g.put("f");
            int s = g.put("s");
            int iov = g.iovec(g.alloc(8), 8);
            int badIov = g.iovec((int) BAD, 8);
            Map<String, long[]> calls = new LinkedHashMap<>();
            calls.put("args_get", new long[] {BAD, out});
            calls.put("args_sizes_get", new long[] {out, BAD});
            calls.put("environ_get", new long[] {BAD, out});
            calls.put("environ_sizes_get", new long[] {BAD, out});
            calls.put("clock_res_get", new long[] {0, BAD});
            calls.put("clock_time_get", new long[] {0, 0, BAD});
            calls.put("fd_fdstat_get", new long[] {1, BAD});
            calls.put("fd_filestat_get", new long[] {file, BAD});
            calls.put("fd_pread", new long[] {file, badIov, 1, 0, out});
            calls.put("fd_pwrite", new long[] {file, iov, 1, 0, BAD});
            calls.put("fd_read", new long[] {file, BAD, 1, out});
            calls.put("fd_write", new long[] {1, badIov, 1, out});
            calls.put("fd_prestat_get", new long[] {3, BAD});
            calls.put("fd_prestat_dir_name", new long[] {3, BAD, 1});
            calls.put("fd_readdir", new long[] {4, BAD, 100, 0, out});
            calls.put("fd_seek", new long[] {file, 0, 0, BAD});
            calls.put("fd_tell", new long[] {file, BAD});
            calls.put("path_create_directory", new long[] {4, BAD, 3});
            calls.put("path_filestat_get", new long[] {4, 0, f, 1, BAD});
            calls.put("path_filestat_set_times", new long[] {4, 0, BAD, 1, 0, 0, 0});
            calls.put("path_link", new long[] {4, 0, f, 1, 4, BAD, 1});
            calls.put("path_open", new long[] {4, 0, f, 1, 0, GuestCalls.READ, 0, 0, BAD});
            calls.put("path_readlink", new long[] {4, s, 1, BAD, 16, out});
            calls.put("path_remove_directory", new long[] {4, BAD, 1});
            calls.put("path_rename", new long[] {4, f, 1, 4, BAD, 1});
            calls.put("path_symlink", new long[] {BAD, 1, 4, g.put("t"), 1});
            calls.put("path_unlink_file", new long[] {4, BAD, 1});
            calls.put("poll_oneoff", new long[] {BAD, out, 1, out});
            calls.put("random_get", new long[] {BAD, 8});
            calls.put("sock_accept", new long[] {4, 0, BAD});
            calls.put("sock_recv", new long[] {sock, BAD, 1, 0, out, out});
            calls.put("sock_send", new long[] {sock, BAD, 1, 0, out});
            calls.put("sock_open", new long[] {1, 2, BAD});
            calls.put("sock_bind", new long[] {sock, BAD, 80});
            calls.put("sock_connect", new long[] {sock, BAD, 80});
            calls.put("sock_getaddrinfo", new long[] {BAD, 9, f, 1, out, out, 1, out});
            calls.put("sock_getlocaladdr", new long[] {sock, BAD, out, out});
            calls.put("sock_getpeeraddr", new long[] {sock, BAD, out, out});
            calls.put("sock_setsockopt", new long[] {sock, 0, 0, BAD, 4});
            calls.put("sock_getsockopt", new long[] {sock, 0, 0, out, BAD});
            for (Map.Entry<String, long[]> c : calls.entrySet()) {
                assertEquals(Errno.FAULT, g.call(c.getKey(), c.getValue()), c.getKey());
            }
            assertEquals(Errno.FAULT, g.call("path_open", 4, 0, f, 0x7FFFFFFF, 0, 0L, 0L, 0, out), "long path");
            assertEquals(Errno.INVAL, g.call("fd_write", 1, iov, -1, out), "huge iovec count");
        }
    }

    @Test
    void noArgumentPatternMakesAnyFunctionThrow() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            for (WasiFunction f : g.host.functions()) {
                if (f.name().equals("proc_exit")) {
                    continue;
                }
                for (long pattern : new long[] {0, 1, BAD, -1, Integer.MAX_VALUE}) {
                    long[] args = new long[f.type().params().size()];
                    Arrays.fill(args, pattern);
                    if (f.name().equals("proc_raise") || f.name().startsWith("sock_accept")) {
                        args[0] = BAD;
                    }
                    long[] result = f.call(g.memory, args);
                    assertNotNull(Errno.of((int) result[0]), f.name());
                }
            }
        }
    }
}
