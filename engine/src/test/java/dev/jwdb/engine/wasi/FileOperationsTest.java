package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOperationsTest {
    @TempDir
    Path dir;
    GuestCalls g;

    @BeforeEach
    void setUp() {
        g = new GuestCalls(new Grants().dir(DirGrant.parse(dir + "::/work", false)));
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    @Test
    void writeSeekTellAndReadBack() throws Exception {
        int fd = g.open(4, "notes.txt", Rights.OFLAG_CREAT, GuestCalls.READ | GuestCalls.WRITE, 0);
        assertEquals(Errno.SUCCESS, g.write(fd, "hello world"));
        int pos = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.call("fd_tell", fd, pos));
        assertEquals(11, g.i64(pos));
        assertEquals(Errno.SUCCESS, g.call("fd_seek", fd, 6L, 0, pos));
        assertEquals("world", g.read(fd, 100));
        assertEquals(Errno.SUCCESS, g.call("fd_seek", fd, -5L, 2, pos));
        assertEquals(6, g.i64(pos));
        assertEquals(Errno.INVAL, g.call("fd_seek", fd, -100L, 1, pos));
        assertEquals("hello world", Files.readString(dir.resolve("notes.txt")));
        assertEquals(Errno.SUCCESS, g.call("fd_close", fd));
        assertEquals(Errno.BADF, g.call("fd_close", fd));
    }

    @Test
    void positionalReadAndWriteLeaveThePositionAlone() throws Exception {
        Files.writeString(dir.resolve("f"), "0123456789");
        int fd = g.open(4, "f", 0, GuestCalls.READ | GuestCalls.WRITE, 0);
        int data = g.put("AB");
        int n = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.call("fd_pwrite", fd, g.iovec(data, 2), 1, 3L, n));
        assertEquals(2, g.i32(n));
        int buf = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.call("fd_pread", fd, g.iovec(buf, 4), 1, 2L, n));
        assertEquals("2AB5", new String(g.bytes(buf, g.i32(n)), StandardCharsets.UTF_8));
        assertEquals("012AB56789", g.read(fd, 100));
    }

    @Test
    void appendWritesAtTheEnd() throws Exception {
        Files.writeString(dir.resolve("log"), "one\n");
        int fd = g.open(4, "log", 0, GuestCalls.WRITE, Rights.FDFLAG_APPEND);
        g.write(fd, "two\n");
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("log")));
    }

    @Test
    void openFlagsBehaveAsPosix() throws Exception {
        Files.writeString(dir.resolve("exists"), "old content");
        assertEquals(Errno.EXIST, g.tryOpen(4, "exists", Rights.OFLAG_CREAT | Rights.OFLAG_EXCL, GuestCalls.WRITE));
        assertEquals(Errno.NOENT, g.tryOpen(4, "missing", 0, GuestCalls.READ));
        assertEquals(Errno.NOTDIR, g.tryOpen(4, "exists", Rights.OFLAG_DIRECTORY, GuestCalls.READ));
        g.open(4, "exists", Rights.OFLAG_TRUNC, GuestCalls.WRITE, 0);
        assertEquals("", Files.readString(dir.resolve("exists")));
        Files.createDirectory(dir.resolve("d"));
        assertEquals(Errno.ISDIR, g.tryOpen(4, "d", 0, GuestCalls.WRITE));
        int ro = g.open(4, "exists", 0, GuestCalls.READ, 0);
        assertEquals(Errno.BADF, g.write(ro, "x"));
    }

    @Test
    void filestatReportsTypeAndSizeAndSetSizeTruncates() throws Exception {
        Files.writeString(dir.resolve("f"), "12345");
        int fd = g.open(4, "f", 0, GuestCalls.READ | GuestCalls.WRITE, 0);
        int st = g.alloc(64);
        assertEquals(Errno.SUCCESS, g.call("fd_filestat_get", fd, st));
        assertEquals(Rights.FILETYPE_REGULAR_FILE, g.memory.readU8(st + 16));
        assertEquals(5, g.i64(st + 32));
        assertEquals(Errno.SUCCESS, g.call("fd_filestat_set_size", fd, 2L));
        assertEquals("12", Files.readString(dir.resolve("f")));
        assertEquals(Errno.SUCCESS, g.call("fd_allocate", fd, 0L, 10L));
        assertEquals(10, Files.size(dir.resolve("f")));
        assertEquals(Errno.SUCCESS, g.call("path_filestat_get", 4, 1, g.put("f"), 1, st));
        assertEquals(10, g.i64(st + 32));
        assertEquals(Errno.SUCCESS, g.call("fd_filestat_get", 4, st));
        assertEquals(Rights.FILETYPE_DIRECTORY, g.memory.readU8(st + 16));
        assertEquals(Errno.SUCCESS, g.call("fd_sync", fd));
        assertEquals(Errno.SUCCESS, g.call("fd_datasync", fd));
        assertEquals(Errno.SUCCESS, g.call("fd_advise", fd, 0L, 10L, 2));
        assertEquals(Errno.INVAL, g.call("fd_advise", fd, 0L, 10L, 9));
    }

    @Test
    void setTimesChangesModificationTime() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        long mtime = 1_000_000_000_000_000_000L;
        assertEquals(Errno.SUCCESS, g.call("path_filestat_set_times", 4, 0, g.put("f"), 1, 0L, mtime, Rights.FST_MTIM));
        assertEquals(FileTime.from(mtime, TimeUnit.NANOSECONDS), Files.getLastModifiedTime(dir.resolve("f")));
        int fd = g.open(4, "f", 0, GuestCalls.WRITE, 0);
        assertEquals(Errno.SUCCESS, g.call("fd_filestat_set_times", fd, 0L, 5_000_000_000L, Rights.FST_MTIM));
        assertEquals(FileTime.from(5, TimeUnit.SECONDS), Files.getLastModifiedTime(dir.resolve("f")));
        assertEquals(Errno.INVAL, g.call("fd_filestat_set_times", fd, 0L, 0L, Rights.FST_MTIM | Rights.FST_MTIM_NOW));
    }

    @Test
    void directoriesAreCreatedListedAndRemoved() throws Exception {
        assertEquals(Errno.SUCCESS, g.call("path_create_directory", 4, g.put("sub"), 3));
        assertTrue(Files.isDirectory(dir.resolve("sub")));
        assertEquals(Errno.EXIST, g.call("path_create_directory", 4, g.put("sub"), 3));
        Files.writeString(dir.resolve("sub/b.txt"), "b");
        Files.writeString(dir.resolve("sub/a.txt"), "a");
        int sub = g.open(4, "sub", Rights.OFLAG_DIRECTORY, GuestCalls.READ, 0);
        assertEquals(List.of(".", "..", "a.txt", "b.txt"), g.list(sub));
        assertEquals(Errno.NOTEMPTY, g.call("path_remove_directory", 4, g.put("sub"), 3));
        assertEquals(Errno.ISDIR, g.call("path_unlink_file", 4, g.put("sub"), 3));
        assertEquals(Errno.SUCCESS, g.call("path_unlink_file", sub, g.put("a.txt"), 5));
        assertEquals(Errno.SUCCESS, g.call("path_unlink_file", sub, g.put("b.txt"), 5));
        assertEquals(Errno.SUCCESS, g.call("path_remove_directory", 4, g.put("sub"), 3));
        assertFalse(Files.exists(dir.resolve("sub")));
        assertEquals(Errno.BUSY, g.call("path_remove_directory", 3, g.put("work"), 4));
    }

    @Test
    void readdirResumesFromACookieAndTruncatesToTheBuffer() throws Exception {
        for (String n : List.of("a", "b", "c")) {
            Files.writeString(dir.resolve(n), n);
        }
        int buf = g.alloc(256);
        int used = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.call("fd_readdir", 4, buf, 256, 3L, used));
        assertEquals(2 * 25, g.i32(used));
        assertEquals("b", new String(g.bytes(buf + 24, 1), StandardCharsets.UTF_8));
        assertEquals(5, g.i64(buf + 25));
        assertEquals(Errno.SUCCESS, g.call("fd_readdir", 4, buf, 30, 0L, used));
        assertEquals(30, g.i32(used));
    }

    @Test
    void renameLinkSymlinkAndReadlink() throws Exception {
        Files.writeString(dir.resolve("a"), "content");
        assertEquals(Errno.SUCCESS, g.call("path_rename", 4, g.put("a"), 1, 4, g.put("b"), 1));
        assertFalse(Files.exists(dir.resolve("a")));
        assertEquals(Errno.SUCCESS, g.call("path_link", 4, 0, g.put("b"), 1, 4, g.put("c"), 1));
        assertEquals("content", Files.readString(dir.resolve("c")));
        assertEquals(Errno.SUCCESS, g.call("path_symlink", g.put("b"), 1, 4, g.put("s"), 1));
        assertTrue(Files.isSymbolicLink(dir.resolve("s")));
        int buf = g.alloc(16);
        int used = g.alloc(4);
        assertEquals(Errno.SUCCESS, g.call("path_readlink", 4, g.put("s"), 1, buf, 16, used));
        assertEquals("b", new String(g.bytes(buf, g.i32(used)), StandardCharsets.UTF_8));
        assertEquals(Errno.INVAL, g.call("path_readlink", 4, g.put("b"), 1, buf, 16, used));
        int st = g.alloc(64);
        assertEquals(Errno.SUCCESS, g.call("path_filestat_get", 4, 0, g.put("s"), 1, st));
        assertEquals(Rights.FILETYPE_SYMBOLIC_LINK, g.memory.readU8(st + 16));
        assertEquals(Errno.LOOP, g.call("path_open", 4, 0, g.put("s"), 1, 0, GuestCalls.READ, 0L, 0, g.alloc(4)));
        assertEquals(Errno.SUCCESS, g.call("path_unlink_file", 4, g.put("s"), 1));
        assertFalse(Files.exists(dir.resolve("s"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(dir.resolve("b")));
    }

    @Test
    void fdstatRenumberAndRights() {
        int fd = g.open(4, "f", Rights.OFLAG_CREAT, GuestCalls.WRITE, 0);
        int st = g.alloc(24);
        assertEquals(Errno.SUCCESS, g.call("fd_fdstat_get", fd, st));
        assertEquals(Rights.FILETYPE_REGULAR_FILE, g.memory.readU8(st));
        assertEquals(GuestCalls.WRITE, g.i64(st + 8));
        assertEquals(Errno.SUCCESS, g.call("fd_fdstat_set_flags", fd, Rights.FDFLAG_APPEND));
        assertEquals(Errno.SUCCESS, g.call("fd_fdstat_get", fd, st));
        assertEquals(Rights.FDFLAG_APPEND, g.memory.readU8(st + 2));
        assertEquals(Errno.SUCCESS, g.call("fd_fdstat_set_rights", fd, Rights.FD_WRITE, 0L));
        assertEquals(Errno.NOTCAPABLE, g.call("fd_fdstat_set_rights", fd, GuestCalls.WRITE, 0L));
        int other = g.open(4, "g", Rights.OFLAG_CREAT, GuestCalls.WRITE, 0);
        assertEquals(Errno.SUCCESS, g.call("fd_renumber", fd, other));
        assertEquals(Errno.BADF, g.call("fd_fdstat_get", fd, st));
        assertEquals(Errno.SUCCESS, g.write(other, "moved"));
        assertEquals(Errno.SUCCESS, g.call("fd_fdstat_get", 1, st));
        assertEquals(Rights.FILETYPE_CHARACTER_DEVICE, g.memory.readU8(st));
        assertEquals(Errno.SPIPE, g.call("fd_seek", 1, 0L, 0, g.alloc(8)));
    }

    @Test
    void argsAndStdio() {
        try (GuestCalls h = new GuestCalls(new Grants(), List.of("prog", "arg one"), "typed input")) {
            int counts = h.alloc(8);
            assertEquals(Errno.SUCCESS, h.call("args_sizes_get", counts, counts + 4));
            assertEquals(2, h.i32(counts));
            assertEquals(5 + 8, h.i32(counts + 4));
            int argv = h.alloc(8);
            int buf = h.alloc(13);
            assertEquals(Errno.SUCCESS, h.call("args_get", argv, buf));
            assertEquals("arg one", new String(h.bytes(h.i32(argv + 4), 7), StandardCharsets.UTF_8));
            assertEquals("typed input", h.read(0, 100));
            h.write(1, "out");
            h.write(2, "err");
            assertEquals("out", h.stdout.toString(StandardCharsets.UTF_8));
            assertEquals("err", h.stderr.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void revokedStdoutIsDeniedAndExplained() {
        Grants grants = new Grants().stdio(StdStream.STDOUT, false);
        try (GuestCalls h = new GuestCalls(grants)) {
            assertEquals(Errno.NOTCAPABLE, h.write(1, "hidden"));
            assertEquals("", h.stdout.toString(StandardCharsets.UTF_8));
            assertEquals("denied fd_write stdout: stdout is revoked; grant it with --allow stdout",
                    h.lastEvent().explanation());
        }
    }
}
