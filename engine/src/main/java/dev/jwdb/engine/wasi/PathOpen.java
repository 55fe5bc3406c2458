package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code path_open}: the gate decides, then the file or directory is opened on the host. */
final class PathOpen {
    private final HostContext context;
    private final PathChecks paths;

    PathOpen(HostContext context, PathChecks paths) {
        this.context = context;
        this.paths = paths;
    }

    void register(FunctionTable t) {
        t.add("path_open", "iiiiiIIii", this::open);
    }

    /**
     * The request in words, as the user thinks of it: {@code create, write}. Truncation is folded into "create"
     * when both are asked (the usual "create or replace"), and shown alone otherwise.
     */
    static List<String> words(int oflags, long rightsBase, int fdflags) {
        List<String> w = new ArrayList<>();
        if ((oflags & Rights.OFLAG_CREAT) != 0) {
            w.add("create");
        }
        if ((oflags & Rights.OFLAG_EXCL) != 0) {
            w.add("exclusive");
        }
        if ((oflags & Rights.OFLAG_TRUNC) != 0 && (oflags & Rights.OFLAG_CREAT) == 0) {
            w.add("truncate");
        }
        if ((oflags & Rights.OFLAG_DIRECTORY) != 0) {
            w.add("directory");
        }
        if ((rightsBase & Rights.FD_READ) != 0) {
            w.add("read");
        }
        if ((rightsBase & Rights.FD_WRITE) != 0) {
            w.add("write");
        }
        if ((fdflags & Rights.FDFLAG_APPEND) != 0) {
            w.add("append");
        }
        return w;
    }

    private Errno open(Guest g, long[] a) throws IOException {
        boolean follow = (a[1] & Rights.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = g.path(Guest.pointer(a[2]), Guest.pointer(a[3]));
        int oflags = (int) a[4];
        long base = a[5];
        long inheriting = a[6];
        int fdflags = (int) a[7];
        long result = Guest.pointer(a[8]);
        g.check(result, 4);
        if ((oflags & ~15) != 0 || (fdflags & ~Rights.FDFLAGS_ALL) != 0) {
            return Errno.INVAL;
        }
        boolean write = (base & Rights.FD_WRITE) != 0;
        boolean writes = write || (oflags & (Rights.OFLAG_CREAT | Rights.OFLAG_TRUNC)) != 0
                || (fdflags & Rights.FDFLAG_APPEND) != 0;
        Resolution r = paths.check("path_open", a[0], path, follow, writes, words(oflags, base, fdflags));
        Descriptor opened;
        if (r instanceof Resolution.Mounted m) {
            opened = openHost(m, oflags, base, inheriting, fdflags);
        } else {
            if ((oflags & Rights.OFLAG_CREAT) != 0 && (oflags & Rights.OFLAG_EXCL) != 0) {
                return Errno.EXIST;
            }
            opened = directory(r.path(), base, inheriting);
        }
        opened.fdflags = fdflags;
        g.putI32(result, context.fds.add(opened));
        return Errno.SUCCESS;
    }

    private Descriptor openHost(Resolution.Mounted m, int oflags, long base, long inheriting, int fdflags)
            throws IOException {
        Path host = m.host();
        boolean create = (oflags & Rights.OFLAG_CREAT) != 0;
        boolean exclusive = (oflags & Rights.OFLAG_EXCL) != 0;
        boolean truncate = (oflags & Rights.OFLAG_TRUNC) != 0;
        boolean exists = Files.exists(host, LinkOption.NOFOLLOW_LINKS);
        if (exists && create && exclusive) {
            throw new ErrnoException(Errno.EXIST);
        }
        if (Files.isSymbolicLink(host)) {
            // Reached only without LOOKUP_SYMLINK_FOLLOW, where POSIX's O_NOFOLLOW answers ELOOP.
            throw new ErrnoException(Errno.LOOP);
        }
        boolean writable = (base & Rights.FD_WRITE) != 0;
        if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
            if (writable || truncate) {
                throw new ErrnoException(Errno.ISDIR);
            }
            return directory(m.path(), base, inheriting);
        }
        if ((oflags & Rights.OFLAG_DIRECTORY) != 0) {
            throw new ErrnoException(exists ? Errno.NOTDIR : Errno.NOENT);
        }
        if (!exists && !create) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (!exists) {
            Files.createFile(host);
        }
        if (truncate && !writable) {
            try (FileChannel c = FileChannel.open(host, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                c.truncate(0);
            }
        }
        boolean readable = (base & Rights.FD_READ) != 0 || !writable;
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (readable) {
            options.add(StandardOpenOption.READ);
        }
        if (writable) {
            options.add(StandardOpenOption.WRITE);
            if (truncate) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        if ((fdflags & (Rights.FDFLAG_SYNC | Rights.FDFLAG_RSYNC)) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((fdflags & Rights.FDFLAG_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        FileChannel channel = FileChannel.open(host, options);
        return new Descriptor.OpenFile(channel, m.path(), host, m.grant(), readable, writable, base & Rights.FILE,
                inheriting & Rights.FILE);
    }

    private static Descriptor directory(GuestPath path, long base, long inheriting) {
        return new Descriptor.OpenDirectory(path, null, base & Rights.DIRECTORY,
                inheriting & (Rights.DIRECTORY | Rights.FILE));
    }
}
