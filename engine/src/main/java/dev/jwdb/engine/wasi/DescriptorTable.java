package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The guest's file descriptor numbers. New descriptors take the lowest free number, as POSIX does. */
final class DescriptorTable {
    private final TreeMap<Integer, Descriptor> byFd = new TreeMap<>();

    Descriptor get(long fdSlot) {
        Descriptor d = byFd.get((int) fdSlot);
        if (d == null) {
            throw new ErrnoException(Errno.BADF);
        }
        return d;
    }

    Descriptor find(int fd) {
        return byFd.get(fd);
    }

    int add(Descriptor descriptor) {
        int fd = 0;
        while (byFd.containsKey(fd)) {
            fd++;
        }
        byFd.put(fd, descriptor);
        return fd;
    }

    void put(int fd, Descriptor descriptor) {
        byFd.put(fd, descriptor);
    }

    /** Replaces the descriptor behind a number without releasing the old one (it changed state, not owner). */
    void replace(int fd, Descriptor descriptor) {
        byFd.put(fd, descriptor);
    }

    void close(int fd) throws IOException {
        Descriptor d = byFd.remove(fd);
        if (d == null) {
            throw new ErrnoException(Errno.BADF);
        }
        d.release();
    }

    Map<Integer, Descriptor> all() {
        return byFd;
    }

    void closeAll() {
        for (Descriptor d : byFd.values()) {
            try {
                d.release();
            } catch (IOException ignored) {
                // Closing at shutdown: nothing useful to report to a guest that is gone.
            }
        }
        byFd.clear();
    }
}
