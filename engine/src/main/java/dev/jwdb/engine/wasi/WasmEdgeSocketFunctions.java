package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * WasmEdge's socket extension, in the same import module, with the ABI of its {@code wasmedge_wasi_socket} crate:
 * address families 1 (IPv4) and 2 (IPv6), socket type 2 (stream); an address is a {@code WasiAddress} (buf, size)
 * holding either the raw 4 or 16 address bytes or a 128-byte buffer starting with the family as u16. Only TCP is
 * supported. Binding needs a listen grant for the exact address; connecting needs a matching connect pattern.
 */
final class WasmEdgeSocketFunctions {
    private static final int AF_INET4 = 1;
    private static final int AF_INET6 = 2;
    private static final int ADDRINFO_SIZE = 28;

    private final HostContext context;

    WasmEdgeSocketFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("sock_open", "iii", this::open);
        t.add("sock_bind", "iii", this::bind);
        t.add("sock_listen", "ii", this::listen);
        t.add("sock_connect", "iii", this::connect);
        t.add("sock_getaddrinfo", "iiiiiiii", this::getaddrinfo);
        t.add("sock_getlocaladdr", "iiii", (g, a) -> address(g, a, true));
        t.add("sock_getpeeraddr", "iiii", (g, a) -> address(g, a, false));
        new SocketOptionFunctions(context).register(t);
    }

    private Errno open(Guest g, long[] a) {
        int family = (int) a[0];
        int type = (int) a[1];
        long out = Guest.pointer(a[2]);
        g.check(out, 4);
        if (family != 0 && family != AF_INET4 && family != AF_INET6) {
            return Errno.AFNOSUPPORT;
        }
        if (type != 0 && type != SocketOptions.SOCK_STREAM) {
            return Errno.NOTSUP;
        }
        // An unbound, unconnected socket reaches nothing; the grants are checked at bind and connect.
        g.putI32(out, context.fds.add(new Descriptor.Unconnected(family == AF_INET6)));
        return Errno.SUCCESS;
    }

    private Errno bind(Guest g, long[] a) {
        Descriptor.Unconnected s = unconnected(a[0]);
        InetAddress address = readAddress(g, Guest.pointer(a[1]));
        ListenAddress wanted = new ListenAddress(address, port(a[2]));
        checkListen("sock_bind", (int) a[0], wanted);
        s.bound = wanted;
        return Errno.SUCCESS;
    }

    private Errno listen(Guest g, long[] a) throws IOException {
        Descriptor.Unconnected s = unconnected(a[0]);
        if (s.bound == null) {
            return Errno.DESTADDRREQ;
        }
        checkListen("sock_listen", (int) a[0], s.bound);
        Descriptor.Listener preopened = context.grantedListener(s.bound);
        // The granted address is already bound by its preopen; the guest's socket becomes that listener.
        Descriptor.Listener listener = preopened != null ? preopened.retain()
                : HostContext.bind(s.bound, s.options, null);
        context.fds.replace((int) a[0], listener);
        return Errno.SUCCESS;
    }

    private void checkListen(String function, int fd, ListenAddress address) {
        EventDraft draft = new EventDraft(function, Capability.LISTEN).subject(address.toString()).arg("fd", fd)
                .arg("address", address);
        if (context.now.listens().contains(address)) {
            context.allow(draft);
            return;
        }
        throw context.deny(draft, Errno.NOTCAPABLE, "no grant allows listening on " + address,
                new SuggestedGrant("grant listen " + address, "--tcplisten " + address));
    }

    private Errno connect(Guest g, long[] a) throws IOException {
        Descriptor.Unconnected s = unconnected(a[0]);
        InetAddress address = readAddress(g, Guest.pointer(a[1]));
        int port = port(a[2]);
        String name = context.resolvedNames.get(address);
        String target = IpLiteral.text(address) + ":" + port;
        EventDraft draft = new EventDraft("sock_connect", Capability.CONNECT).arg("fd", (int) a[0])
                .arg("address", target).subject(name == null ? target : name + " (" + target + ")");
        if (name != null) {
            draft.arg("name", name);
        }
        if (context.now.connects().stream().noneMatch(p -> p.matches(name, address, port))) {
            String spec = (name == null ? IpLiteral.text(address) : name) + ":" + port;
            throw context.deny(draft, Errno.NOTCAPABLE, "no grant allows connecting to " + spec,
                    new SuggestedGrant("grant connect " + spec, "--allow-connect " + spec));
        }
        context.allow(draft);
        SocketChannel channel = SocketChannel.open();
        try {
            s.options.applyTo(channel);
            channel.configureBlocking(false);
            if (!channel.connect(new InetSocketAddress(address, port))) {
                long timeout = SocketOptions.timeoutMillis(s.options.sendTimeoutNanos);
                if (!SocketIo.await(channel, SelectionKey.OP_CONNECT, timeout)) {
                    throw new ErrnoException(Errno.TIMEDOUT);
                }
                channel.finishConnect();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Descriptor.Stream stream = new Descriptor.Stream(channel, s.options);
        stream.fdflags = s.fdflags;
        context.fds.replace((int) a[0], stream);
        return Errno.SUCCESS;
    }

    private Errno getaddrinfo(Guest g, long[] a) {
        String node = trimNul(g.string(Guest.pointer(a[0]), Guest.pointer(a[1])));
        String service = trimNul(g.string(Guest.pointer(a[2]), Guest.pointer(a[3])));
        long hints = Guest.pointer(a[4]);
        long resPtr = Guest.pointer(a[5]);
        long max = Guest.pointer(a[6]);
        long countPtr = Guest.pointer(a[7]);
        g.check(hints, ADDRINFO_SIZE);
        g.check(countPtr, 4);
        int family = g.u8(hints + 2);
        int port = servicePort(service);
        List<Long> slots = new ArrayList<>();
        for (long at = g.u32(resPtr); at != 0 && slots.size() < max; at = g.u32(at + 24)) {
            g.check(at, ADDRINFO_SIZE);
            g.check(g.u32(at + 12), 12);
            slots.add(at);
        }
        List<InetAddress> addresses = lookup(node, port);
        List<InetAddress> usable = new ArrayList<>();
        for (InetAddress addr : addresses) {
            boolean v6 = addr.getAddress().length == 16;
            if (family == 0 || family == (v6 ? AF_INET6 : AF_INET4)) {
                usable.add(addr);
            }
        }
        int written = 0;
        for (InetAddress addr : usable) {
            if (written == slots.size()) {
                break;
            }
            writeAddrinfo(g, slots.get(written++), addr, port);
            context.resolvedNames.put(addr, node);
        }
        g.putI32(countPtr, written);
        return Errno.SUCCESS;
    }

    /** Resolves {@code node} if some connect grant could use the result; numeric hosts need no lookup. */
    private List<InetAddress> lookup(String node, int port) {
        InetAddress literal = IpLiteral.parse(node);
        if (literal != null) {
            return List.of(literal);
        }
        EventDraft draft = new EventDraft("sock_getaddrinfo", Capability.CONNECT).subject(node + ":" + port)
                .arg("node", node).arg("port", port);
        List<ConnectPattern> patterns = context.now.connects();
        boolean byName = patterns.stream().anyMatch(p -> p.matchesName(node)
                && (p.port() == ConnectPattern.ANY_PORT || port == 0 || p.port() == port));
        boolean byAddress = patterns.stream().anyMatch(ConnectPattern::isAddressPattern);
        List<InetAddress> found = new ArrayList<>();
        if (byName || byAddress) {
            try {
                for (InetAddress addr : InetAddress.getAllByName(node)) {
                    if (byName || patterns.stream().anyMatch(p -> p.matches(null, addr, port == 0 ? p.port() : port))) {
                        found.add(addr);
                    }
                }
            } catch (UnknownHostException e) {
                context.allow(draft);
                throw new ErrnoException(Errno.NOENT);
            }
        }
        if (found.isEmpty()) {
            String spec = node + ":" + (port == 0 ? "*" : Integer.toString(port));
            throw context.deny(draft, Errno.NOTCAPABLE, "no grant allows connecting to " + spec,
                    new SuggestedGrant("grant connect " + spec, "--allow-connect " + spec));
        }
        context.allow(draft);
        return found;
    }

    private static void writeAddrinfo(Guest g, long at, InetAddress addr, int port) {
        boolean v6 = addr.getAddress().length == 16;
        g.putU8(at + 2, v6 ? AF_INET6 : AF_INET4);
        g.putU8(at + 3, SocketOptions.SOCK_STREAM);
        g.putU8(at + 4, 1);
        g.putI32(at + 8, v6 ? 28 : 16);
        g.putI32(at + 20, 0);
        long sockaddr = g.u32(at + 12);
        g.putU8(sockaddr, v6 ? AF_INET6 : AF_INET4);
        long data = g.u32(sockaddr + 8);
        long capacity = g.u32(sockaddr + 4);
        byte[] bytes = new byte[v6 ? 26 : 6];
        bytes[0] = (byte) (port >>> 8);
        bytes[1] = (byte) port;
        System.arraycopy(addr.getAddress(), 0, bytes, v6 ? 6 : 2, addr.getAddress().length);
        g.put(data, bytes, 0, (int) Math.min(bytes.length, capacity));
    }

    private Errno address(Guest g, long[] a, boolean local) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        long addrPtr = Guest.pointer(a[1]);
        long typePtr = Guest.pointer(a[2]);
        long portPtr = Guest.pointer(a[3]);
        long buf = g.u32(addrPtr);
        long size = g.u32(addrPtr + 4);
        g.check(buf, size);
        g.check(typePtr, 4);
        g.check(portPtr, 4);
        InetSocketAddress socketAddress;
        if (d instanceof Descriptor.Stream s) {
            socketAddress = (InetSocketAddress) (local ? s.channel.getLocalAddress() : s.channel.getRemoteAddress());
        } else if (d instanceof Descriptor.Listener l && local) {
            socketAddress = (InetSocketAddress) l.channel.getLocalAddress();
        } else if (d instanceof Descriptor.Socket) {
            return Errno.NOTCONN;
        } else {
            return Errno.NOTSOCK;
        }
        byte[] raw = socketAddress.getAddress().getAddress();
        boolean v6 = raw.length == 16;
        if (size >= 128) {
            g.putU16(buf, v6 ? AF_INET6 : AF_INET4);
            g.put(buf + 2, raw);
        } else if (size >= raw.length) {
            g.put(buf, raw);
        } else {
            return Errno.INVAL;
        }
        g.putI32(typePtr, v6 ? 6 : 4);
        g.putI32(portPtr, socketAddress.getPort());
        return Errno.SUCCESS;
    }

    private Descriptor.Unconnected unconnected(long fd) {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.Unconnected u) {
            return u;
        }
        throw new ErrnoException(d instanceof Descriptor.Socket ? Errno.ISCONN : Errno.NOTSOCK);
    }

    /** Reads a {@code WasiAddress}: raw 4 or 16 bytes, or the 128-byte form with the family first. */
    static InetAddress readAddress(Guest g, long addrPtr) {
        long buf = g.u32(addrPtr);
        long size = g.u32(addrPtr + 4);
        byte[] bytes;
        if (size == 4 || size == 16) {
            bytes = g.bytes(buf, size);
        } else if (size >= 18) {
            int family = g.u16(buf);
            if (family == AF_INET4) {
                bytes = g.bytes(buf + 2, 4);
            } else if (family == AF_INET6) {
                bytes = g.bytes(buf + 2, 16);
            } else {
                throw new ErrnoException(Errno.AFNOSUPPORT);
            }
        } else {
            throw new ErrnoException(Errno.INVAL);
        }
        InetAddress address = IpLiteral.byAddress(bytes);
        if (address == null) {
            throw new ErrnoException(Errno.INVAL);
        }
        return address;
    }

    private static int port(long slot) {
        if (slot < 0 || slot > 65535) {
            throw new ErrnoException(Errno.INVAL);
        }
        return (int) slot;
    }

    private static String trimNul(String s) {
        int end = s.indexOf('\0');
        return end < 0 ? s : s.substring(0, end);
    }

    private static int servicePort(String service) {
        if (service.isEmpty()) {
            return 0;
        }
        if (service.equals("http")) {
            return 80;
        }
        if (service.equals("https")) {
            return 443;
        }
        try {
            int port = Integer.parseInt(service);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through: not a service jwdb knows
        }
        throw new ErrnoException(Errno.INVAL);
    }
}
