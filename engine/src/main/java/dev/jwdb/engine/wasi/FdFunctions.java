package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Reading, writing and positioning on descriptors: {@code fd_read} and friends. */
final class FdFunctions {
    private static final int WHENCE_SET = 0;
    private static final int WHENCE_CUR = 1;
    private static final int WHENCE_END = 2;

    private final HostContext context;

    FdFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("fd_read", "iiii", this::read);
        t.add("fd_write", "iiii", this::write);
        t.add("fd_pread", "iiiIi", this::pread);
        t.add("fd_pwrite", "iiiIi", this::pwrite);
        t.add("fd_seek", "iIii", this::seek);
        t.add("fd_tell", "ii", this::tell);
        t.add("fd_close", "i", (g, a) -> {
            context.fds.close((int) a[0]);
            return Errno.SUCCESS;
        });
        t.add("fd_renumber", "ii", this::renumber);
        t.add("fd_sync", "i", (g, a) -> sync(a[0], true));
        t.add("fd_datasync", "i", (g, a) -> sync(a[0], false));
        t.add("fd_advise", "iIIi", this::advise);
        t.add("fd_allocate", "iII", this::allocate);
    }

    private Errno read(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long out = Guest.pointer(a[3]);
        g.check(out, 4);
        byte[] buf = new byte[iov.capacity()];
        int n;
        if (d instanceof Descriptor.Stdio s) {
            if (s.stream != StdStream.STDIN) {
                return Errno.BADF;
            }
            StdioGate.check(context, "fd_read", s.stream);
            InputStream in = context.stdio.in();
            n = buf.length == 0 ? 0 : Math.max(0, in.read(buf, 0, buf.length));
        } else if (d instanceof Descriptor.OpenFile f) {
            if (!f.readable) {
                return Errno.BADF;
            }
            n = Math.max(0, f.channel.read(ByteBuffer.wrap(buf)));
        } else if (d instanceof Descriptor.Stream s) {
            n = SocketIo.read(s, buf, buf.length, false, false);
        } else {
            return d instanceof Descriptor.Socket ? Errno.NOTCONN : Errno.BADF;
        }
        iov.scatter(buf, n);
        g.putI32(out, n);
        return Errno.SUCCESS;
    }

    private Errno write(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long out = Guest.pointer(a[3]);
        g.check(out, 4);
        byte[] data = iov.gather();
        int n;
        if (d instanceof Descriptor.Stdio s) {
            if (s.stream == StdStream.STDIN) {
                return Errno.BADF;
            }
            StdioGate.check(context, "fd_write", s.stream);
            OutputStream os = s.stream == StdStream.STDOUT ? context.stdio.out() : context.stdio.err();
            os.write(data);
            os.flush();
            n = data.length;
        } else if (d instanceof Descriptor.OpenFile f) {
            if (!f.writable) {
                return Errno.BADF;
            }
            if ((f.fdflags & Rights.FDFLAG_APPEND) != 0) {
                f.channel.position(f.channel.size());
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                f.channel.write(buffer);
            }
            n = data.length;
        } else if (d instanceof Descriptor.Stream s) {
            n = SocketIo.write(s, data);
        } else {
            return d instanceof Descriptor.Socket ? Errno.NOTCONN : Errno.BADF;
        }
        g.putI32(out, n);
        return Errno.SUCCESS;
    }

    private Errno pread(Guest g, long[] a) throws IOException {
        Descriptor.OpenFile f = seekable(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long offset = a[3];
        long out = Guest.pointer(a[4]);
        g.check(out, 4);
        if (offset < 0) {
            return Errno.INVAL;
        }
        if (!f.readable) {
            return Errno.BADF;
        }
        byte[] buf = new byte[iov.capacity()];
        int n = Math.max(0, f.channel.read(ByteBuffer.wrap(buf), offset));
        iov.scatter(buf, n);
        g.putI32(out, n);
        return Errno.SUCCESS;
    }

    private Errno pwrite(Guest g, long[] a) throws IOException {
        Descriptor.OpenFile f = seekable(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long offset = a[3];
        long out = Guest.pointer(a[4]);
        g.check(out, 4);
        if (offset < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        ByteBuffer buffer = ByteBuffer.wrap(iov.gather());
        long at = offset;
        while (buffer.hasRemaining()) {
            at += f.channel.write(buffer, at);
        }
        g.putI32(out, buffer.capacity());
        return Errno.SUCCESS;
    }

    private Errno seek(Guest g, long[] a) throws IOException {
        Descriptor.OpenFile f = seekable(a[0]);
        long offset = a[1];
        int whence = (int) a[2];
        long out = Guest.pointer(a[3]);
        g.check(out, 8);
        long base;
        if (whence == WHENCE_SET) {
            base = 0;
        } else if (whence == WHENCE_CUR) {
            base = f.channel.position();
        } else if (whence == WHENCE_END) {
            base = f.channel.size();
        } else {
            return Errno.INVAL;
        }
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            return Errno.INVAL;
        }
        f.channel.position(target);
        g.putI64(out, target);
        return Errno.SUCCESS;
    }

    private Errno tell(Guest g, long[] a) throws IOException {
        Descriptor.OpenFile f = seekable(a[0]);
        long out = Guest.pointer(a[1]);
        g.check(out, 8);
        g.putI64(out, f.channel.position());
        return Errno.SUCCESS;
    }

    private Errno renumber(Guest g, long[] a) throws IOException {
        int from = (int) a[0];
        int to = (int) a[1];
        Descriptor moving = context.fds.get(from);
        context.fds.get(to);
        if (from != to) {
            context.fds.close(to);
            context.fds.all().remove(from);
            context.fds.put(to, moving);
        }
        return Errno.SUCCESS;
    }

    private Errno sync(long fd, boolean metadata) throws IOException {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.OpenFile f) {
            f.channel.force(metadata);
        } else if (d instanceof Descriptor.Stdio s && s.stream != StdStream.STDIN) {
            (s.stream == StdStream.STDOUT ? context.stdio.out() : context.stdio.err()).flush();
        } else if (!(d instanceof Descriptor.OpenDirectory)) {
            return Errno.INVAL;
        }
        return Errno.SUCCESS;
    }

    private Errno advise(Guest g, long[] a) throws IOException {
        seekable(a[0]);
        if (a[1] < 0 || a[2] < 0 || a[3] < 0 || a[3] > 5) {
            return Errno.INVAL;
        }
        // Advice is a hint: the host's page cache needs none for correctness.
        return Errno.SUCCESS;
    }

    private Errno allocate(Guest g, long[] a) throws IOException {
        Descriptor.OpenFile f = seekable(a[0]);
        long offset = a[1];
        long length = a[2];
        if (offset < 0 || length <= 0 || offset + length < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        long end = offset + length;
        if (end > f.channel.size()) {
            f.channel.write(ByteBuffer.wrap(new byte[1]), end - 1);
        }
        return Errno.SUCCESS;
    }

    /** The descriptor as a regular file: streams cannot seek, other kinds are not files. */
    private Descriptor.OpenFile seekable(long fd) {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.OpenFile f) {
            return f;
        }
        throw new ErrnoException(d instanceof Descriptor.Stdio || d instanceof Descriptor.Socket
                ? Errno.SPIPE : Errno.BADF);
    }
}
