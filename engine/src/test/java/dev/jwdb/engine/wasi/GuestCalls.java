package dev.jwdb.engine.wasi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Drives a WasiHost as a guest would: strings and buffers in a heap memory, calls by function name. */
final class GuestCalls implements AutoCloseable {
    static final long READ = Rights.FD_READ | Rights.FD_SEEK | Rights.FD_TELL | Rights.FD_FILESTAT_GET
            | Rights.FD_READDIR;
    static final long WRITE = Rights.FD_WRITE | Rights.FD_SEEK | Rights.FD_TELL | Rights.FD_FILESTAT_GET
            | Rights.FD_FILESTAT_SET_SIZE | Rights.FD_ALLOCATE;

    final HeapGuestMemory memory = new HeapGuestMemory(1 << 20);
    final Grants grants;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final List<CapabilityEvent> events = new ArrayList<>();
    CapabilityListener.Verdict verdict = CapabilityListener.Verdict.DELIVER;
    final WasiHost host;
    private int next = 4096;

    GuestCalls(Grants grants) {
        this(grants, List.of("prog"), "");
    }

    GuestCalls(Grants grants, List<String> args, String stdin) {
        this.grants = grants;
        this.host = new WasiHost(args, grants, new GuestStdio(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout, stderr), event -> {
            events.add(event);
            return verdict;
        });
    }

    int alloc(int size) {
        int at = next;
        next += (size + 15) & ~15;
        return at;
    }

    int put(byte[] bytes) {
        int at = alloc(Math.max(1, bytes.length));
        memory.write(at, bytes, 0, bytes.length);
        return at;
    }

    int put(String s) {
        return put(s.getBytes(StandardCharsets.UTF_8));
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    Errno call(String name, long... args) {
        long[] result = host.function(name).call(memory, args);
        return Errno.of((int) result[0]);
    }

    int i32(long at) {
        return memory.readI32(at);
    }

    long i64(long at) {
        return memory.readI64(at);
    }

    byte[] bytes(long at, int length) {
        byte[] b = new byte[length];
        memory.read(at, b, 0, length);
        return b;
    }

    /** Opens and returns the new fd, or fails the test with the errno. */
    int open(int dirFd, String path, int oflags, long rights, int fdflags) {
        int out = alloc(4);
        Errno e = openErrno(dirFd, path, oflags, rights, fdflags, out);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("path_open " + path + ": " + e);
        }
        return i32(out);
    }

    Errno openErrno(int dirFd, String path, int oflags, long rights, int fdflags, int out) {
        return call("path_open", dirFd, Rights.LOOKUP_SYMLINK_FOLLOW, put(path), len(path), oflags, rights, 0,
                fdflags, out);
    }

    Errno tryOpen(int dirFd, String path, int oflags, long rights) {
        return openErrno(dirFd, path, oflags, rights, 0, alloc(4));
    }

    int iovec(int buf, int length) {
        int iov = alloc(8);
        memory.writeI32(iov, buf);
        memory.writeI32(iov + 4, length);
        return iov;
    }

    Errno write(int fd, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int n = alloc(4);
        Errno e = call("fd_write", fd, iovec(put(data), data.length), 1, n);
        if (e == Errno.SUCCESS && i32(n) != data.length) {
            throw new AssertionError("short write");
        }
        return e;
    }

    String read(int fd, int max) {
        int buf = alloc(max);
        int n = alloc(4);
        Errno e = call("fd_read", fd, iovec(buf, max), 1, n);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("fd_read: " + e);
        }
        return new String(bytes(buf, i32(n)), StandardCharsets.UTF_8);
    }

    /** Reads all entries of a directory with fd_readdir. */
    List<String> list(int fd) {
        int buf = alloc(4096);
        int used = alloc(4);
        Errno e = call("fd_readdir", fd, buf, 4096, 0L, used);
        if (e != Errno.SUCCESS) {
            throw new AssertionError("fd_readdir: " + e);
        }
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at + 24 <= i32(used)) {
            int nameLen = i32(buf + at + 16);
            names.add(new String(bytes(buf + at + 24, nameLen), StandardCharsets.UTF_8));
            at += 24 + nameLen;
        }
        return names;
    }

    CapabilityEvent lastEvent() {
        return events.get(events.size() - 1);
    }

    @Override
    public void close() {
        host.close();
    }
}
