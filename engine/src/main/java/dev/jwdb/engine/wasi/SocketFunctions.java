package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The preview1 socket functions, on listeners preopened from {@code --tcplisten} grants (or made through WasmEdge's
 * functions) and on the connections they accept.
 */
final class SocketFunctions {
    static final SuggestedGrant LISTEN = new SuggestedGrant("grant listen HOST:PORT", "--tcplisten HOST:PORT");
    private static final int RECV_PEEK = 1;
    private static final int RECV_WAITALL = 2;
    private static final int SHUT_RD = 1;
    private static final int SHUT_WR = 2;

    private final HostContext context;

    SocketFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("sock_accept", "iii", this::accept);
        t.add("sock_recv", "iiiiii", this::recv);
        t.add("sock_send", "iiiii", this::send);
        t.add("sock_shutdown", "ii", this::shutdown);
    }

    private Errno accept(Guest g, long[] a) throws IOException {
        int fd = (int) a[0];
        int flags = (int) a[1];
        long out = Guest.pointer(a[2]);
        g.check(out, 4);
        if ((flags & ~Rights.FDFLAG_NONBLOCK) != 0) {
            return Errno.INVAL;
        }
        Descriptor d = context.fds.find(fd);
        EventDraft draft = new EventDraft("sock_accept", Capability.LISTEN).arg("fd", fd).subject("fd " + fd);
        if (d == null) {
            throw context.deny(draft, Errno.NOTCAPABLE, "no listening socket is granted at fd " + fd, LISTEN);
        }
        if (!(d instanceof Descriptor.Listener listener)) {
            return d instanceof Descriptor.Socket ? Errno.INVAL : Errno.NOTSOCK;
        }
        boolean nonBlocking = listener.nonBlocking() || (flags & Rights.FDFLAG_NONBLOCK) != 0;
        SocketChannel accepted = listener.channel.accept();
        while (accepted == null) {
            if (nonBlocking) {
                return Errno.AGAIN;
            }
            SocketIo.await(listener.channel, SelectionKey.OP_ACCEPT, 0);
            accepted = listener.channel.accept();
        }
        accepted.configureBlocking(false);
        InetSocketAddress peer = (InetSocketAddress) accepted.getRemoteAddress();
        draft.subject("fd " + fd + " (" + address(listener) + ") from " + IpLiteral.text(peer.getAddress()) + ":"
                + peer.getPort()).arg("listener", address(listener));
        context.allow(draft);
        Descriptor.Stream stream = new Descriptor.Stream(accepted, new SocketOptions());
        stream.fdflags = flags;
        g.putI32(out, context.fds.add(stream));
        return Errno.SUCCESS;
    }

    private Errno recv(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        int flags = (int) a[3];
        long lenPtr = Guest.pointer(a[4]);
        long flagsPtr = Guest.pointer(a[5]);
        g.check(lenPtr, 4);
        g.check(flagsPtr, 2);
        if ((flags & ~(RECV_PEEK | RECV_WAITALL)) != 0) {
            return Errno.INVAL;
        }
        Descriptor.Stream s = stream(d);
        byte[] buf = new byte[iov.capacity()];
        int n = SocketIo.read(s, buf, buf.length, (flags & RECV_PEEK) != 0, (flags & RECV_WAITALL) != 0);
        iov.scatter(buf, n);
        g.putI32(lenPtr, n);
        g.putU16(flagsPtr, 0);
        return Errno.SUCCESS;
    }

    private Errno send(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        Guest.Iovecs iov = g.iovecs(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long lenPtr = Guest.pointer(a[4]);
        g.check(lenPtr, 4);
        if (a[3] != 0) {
            return Errno.INVAL;
        }
        int n = SocketIo.write(stream(d), iov.gather());
        g.putI32(lenPtr, n);
        return Errno.SUCCESS;
    }

    private Errno shutdown(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        int how = (int) a[1];
        if (how == 0 || (how & ~(SHUT_RD | SHUT_WR)) != 0) {
            return Errno.INVAL;
        }
        Descriptor.Stream s = stream(d);
        if ((how & SHUT_RD) != 0) {
            s.channel.shutdownInput();
        }
        if ((how & SHUT_WR) != 0) {
            s.channel.shutdownOutput();
        }
        return Errno.SUCCESS;
    }

    static Descriptor.Stream stream(Descriptor d) {
        if (d instanceof Descriptor.Stream s) {
            return s;
        }
        throw new ErrnoException(d instanceof Descriptor.Socket ? Errno.NOTCONN : Errno.NOTSOCK);
    }

    static String address(Descriptor.Listener listener) {
        try {
            InetSocketAddress local = (InetSocketAddress) listener.channel.getLocalAddress();
            return IpLiteral.text(local.getAddress()) + ":" + local.getPort();
        } catch (IOException e) {
            return "closed";
        }
    }
}
