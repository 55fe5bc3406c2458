package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Status of descriptors and of the files behind them: {@code fd_fdstat_*}, {@code fd_filestat_*}, prestat. */
final class FdStatFunctions {
    private final HostContext context;
    private final PathChecks paths;

    FdStatFunctions(HostContext context, PathChecks paths) {
        this.context = context;
        this.paths = paths;
    }

    void register(FunctionTable t) {
        t.add("fd_fdstat_get", "ii", this::fdstatGet);
        t.add("fd_fdstat_set_flags", "ii", this::fdstatSetFlags);
        t.add("fd_fdstat_set_rights", "iII", this::fdstatSetRights);
        t.add("fd_filestat_get", "ii", this::filestatGet);
        t.add("fd_filestat_set_size", "iI", this::filestatSetSize);
        t.add("fd_filestat_set_times", "iIIi", this::filestatSetTimes);
        t.add("fd_prestat_get", "ii", this::prestatGet);
        t.add("fd_prestat_dir_name", "iii", this::prestatDirName);
    }

    private Errno fdstatGet(Guest g, long[] a) {
        Descriptor d = context.fds.get(a[0]);
        long out = Guest.pointer(a[1]);
        g.check(out, 24);
        g.putI64(out, 0);
        g.putU8(out, d.filetype());
        g.putU16(out + 2, d.fdflags);
        g.putI64(out + 8, d.rightsBase);
        g.putI64(out + 16, d.rightsInheriting);
        return Errno.SUCCESS;
    }

    private Errno fdstatSetFlags(Guest g, long[] a) {
        Descriptor d = context.fds.get(a[0]);
        int flags = (int) a[1];
        if ((flags & ~Rights.FDFLAGS_ALL) != 0) {
            return Errno.INVAL;
        }
        d.fdflags = flags;
        return Errno.SUCCESS;
    }

    private Errno fdstatSetRights(Guest g, long[] a) {
        Descriptor d = context.fds.get(a[0]);
        // Rights may only shrink: a descriptor cannot give itself more than it was opened with.
        if ((a[1] & ~d.rightsBase) != 0 || (a[2] & ~d.rightsInheriting) != 0) {
            return Errno.NOTCAPABLE;
        }
        d.rightsBase = a[1];
        d.rightsInheriting = a[2];
        return Errno.SUCCESS;
    }

    private Errno filestatGet(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        long out = Guest.pointer(a[1]);
        g.check(out, FileStats.SIZE);
        if (d instanceof Descriptor.OpenFile f) {
            FileStats.write(g, out, f.host);
        } else if (d instanceof Descriptor.OpenDirectory dir) {
            Resolution r = paths.checkDirectory("fd_filestat_get", a[0], dir, false);
            if (r instanceof Resolution.Mounted m) {
                FileStats.write(g, out, m.host());
            } else {
                FileStats.writeSynthetic(g, out, Rights.FILETYPE_DIRECTORY);
            }
        } else {
            FileStats.writeSynthetic(g, out, d.filetype());
        }
        return Errno.SUCCESS;
    }

    private Errno filestatSetSize(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        long size = a[1];
        if (!(d instanceof Descriptor.OpenFile f)) {
            return d instanceof Descriptor.OpenDirectory ? Errno.ISDIR : Errno.INVAL;
        }
        if (size < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        long current = f.channel.size();
        if (size < current) {
            f.channel.truncate(size);
        } else if (size > current) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
        return Errno.SUCCESS;
    }

    private Errno filestatSetTimes(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        FileTimes times = FileTimes.of(a[1], a[2], (int) a[3]);
        if (d instanceof Descriptor.OpenFile f) {
            if (f.grant.readOnly()) {
                EventDraft draft = new EventDraft("fd_filestat_set_times", Capability.FILES).writes(true)
                        .arg("fd", (int) a[0]).path(f.path).grant(f.grant)
                        .subject(PathChecks.quote(f.path.toString()));
                DirGrant rw = f.grant.readWrite();
                throw context.deny(draft, Errno.NOTCAPABLE, f.grant.guest() + " is granted read-only",
                        new SuggestedGrant(rw.shellCommand(), rw.flag()));
            }
            times.apply(f.host);
        } else if (d instanceof Descriptor.OpenDirectory dir) {
            Resolution r = paths.checkDirectory("fd_filestat_set_times", a[0], dir, true);
            times.apply(((Resolution.Mounted) r).host());
        } else {
            return Errno.BADF;
        }
        return Errno.SUCCESS;
    }

    private Errno prestatGet(Guest g, long[] a) {
        String name = preopenName(a[0]);
        long out = Guest.pointer(a[1]);
        g.check(out, 8);
        g.putI64(out, 0);
        g.putI32(out + 4, name.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    private Errno prestatDirName(Guest g, long[] a) {
        byte[] name = preopenName(a[0]).getBytes(StandardCharsets.UTF_8);
        long out = Guest.pointer(a[1]);
        long len = Guest.pointer(a[2]);
        g.check(out, len);
        if (len < name.length) {
            return Errno.NAMETOOLONG;
        }
        g.put(out, name);
        return Errno.SUCCESS;
    }

    /** Only preopens have a prestat; wasi-libc stops scanning at the first EBADF. */
    private String preopenName(long fd) {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.OpenDirectory dir && dir.preopenName != null) {
            return dir.preopenName;
        }
        throw new ErrnoException(Errno.BADF);
    }
}
