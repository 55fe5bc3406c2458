package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** An open file descriptor of the guest. Rights and flags are per descriptor, as in WASI. */
abstract class Descriptor {
    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract int filetype();

    /** Called when a descriptor number stops referring to this descriptor. */
    void release() throws IOException {
    }

    boolean nonBlocking() {
        return (fdflags & Rights.FDFLAG_NONBLOCK) != 0;
    }

    /** Standard input, output or error. */
    static final class Stdio extends Descriptor {
        final StdStream stream;

        Stdio(StdStream stream) {
            super(stream == StdStream.STDIN ? Rights.FD_READ | Rights.POLL_FD_READWRITE | Rights.FD_FILESTAT_GET
                    : Rights.FD_WRITE | Rights.POLL_FD_READWRITE | Rights.FD_FILESTAT_GET, 0);
            this.stream = stream;
        }

        @Override
        int filetype() {
            return Rights.FILETYPE_CHARACTER_DEVICE;
        }
    }

    /** A regular file opened through a grant. Grants are checked when it is opened, as POSIX checks at open. */
    static final class OpenFile extends Descriptor {
        final FileChannel channel;
        final GuestPath path;
        final Path host;
        final DirGrant grant;
        final boolean readable;
        final boolean writable;

        OpenFile(FileChannel channel, GuestPath path, Path host, DirGrant grant, boolean readable, boolean writable,
                 long base, long inheriting) {
            super(base, inheriting);
            this.channel = channel;
            this.path = path;
            this.host = host;
            this.grant = grant;
            this.readable = readable;
            this.writable = writable;
        }

        @Override
        int filetype() {
            return Rights.FILETYPE_REGULAR_FILE;
        }

        @Override
        void release() throws IOException {
            channel.close();
        }
    }

    /**
     * A directory, known by its guest path only: every use resolves the path against the grants in force, so a
     * revoked grant takes effect even for directories opened before.
     *
     * @param preopenName the name reported by {@code fd_prestat_dir_name}, or null when not a preopen
     */
    static final class OpenDirectory extends Descriptor {
        final GuestPath path;
        final String preopenName;

        OpenDirectory(GuestPath path, String preopenName, long base, long inheriting) {
            super(base, inheriting);
            this.path = path;
            this.preopenName = preopenName;
        }

        @Override
        int filetype() {
            return Rights.FILETYPE_DIRECTORY;
        }
    }

    /** Common to the socket descriptors: their options, settable before the host socket exists. */
    abstract static class Socket extends Descriptor {
        final SocketOptions options;

        Socket(SocketOptions options) {
            super(Rights.SOCKET, Rights.SOCKET);
            this.options = options;
        }

        @Override
        int filetype() {
            return Rights.FILETYPE_SOCKET_STREAM;
        }
    }

    /**
     * A listening TCP socket, preopened from a grant or made by the guest. A guest binding the address of a
     * preopened listener gets the same socket under a second number, hence the reference count.
     */
    static final class Listener extends Socket {
        final ServerSocketChannel channel;
        final ListenAddress granted;
        private int references = 1;

        Listener(ServerSocketChannel channel, ListenAddress granted, SocketOptions options) {
            super(options);
            this.channel = channel;
            this.granted = granted;
        }

        Listener retain() {
            references++;
            return this;
        }

        @Override
        void release() throws IOException {
            if (--references == 0) {
                channel.close();
            }
        }
    }

    /** A connected TCP stream, accepted or connected by the guest. */
    static final class Stream extends Socket {
        final SocketChannel channel;
        /** Bytes read ahead by a {@code RECV_PEEK} and not yet consumed. */
        byte[] peeked = new byte[0];

        Stream(SocketChannel channel, SocketOptions options) {
            super(options);
            this.channel = channel;
        }

        @Override
        void release() throws IOException {
            channel.close();
        }
    }

    /** A socket from WasmEdge's {@code sock_open}, neither listening nor connected yet. */
    static final class Unconnected extends Socket {
        final boolean ipv6;
        ListenAddress bound;

        Unconnected(boolean ipv6) {
            super(new SocketOptions());
            this.ipv6 = ipv6;
        }
    }
}
