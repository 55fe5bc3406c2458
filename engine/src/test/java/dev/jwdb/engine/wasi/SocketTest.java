package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SocketTest {
    private static int address(GuestCalls g, byte[] raw) {
        int buf = g.put(raw);
        int addr = g.alloc(8);
        g.memory.writeI32(addr, buf);
        g.memory.writeI32(addr + 4, raw.length);
        return addr;
    }

    private static final byte[] LOCALHOST = {127, 0, 0, 1};

    @Test
    void grantedListenerAcceptsReceivesAndSends() throws Exception {
        Grants grants = new Grants().listen(ListenAddress.parse("127.0.0.1:0"));
        try (GuestCalls g = new GuestCalls(grants)) {
            InetSocketAddress bound = g.host.listeningSockets().get(4);
            CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
                try (Socket s = new Socket(bound.getAddress(), bound.getPort())) {
                    s.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
                    byte[] reply = s.getInputStream().readNBytes(4);
                    return new String(reply, StandardCharsets.UTF_8);
                } catch (Exception e) {
                    return e.toString();
                }
            });
            int out = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.call("sock_accept", 4, 0, out));
            int conn = g.i32(out);
            assertEquals(Decision.ALLOWED, g.lastEvent().decision());
            assertTrue(g.lastEvent().explanation().startsWith("allowed sock_accept fd 4 (127.0.0.1:"));
            int buf = g.alloc(16);
            int len = g.alloc(4);
            int flags = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.call("sock_recv", conn, g.iovec(buf, 4), 1, 2, len, flags));
            assertEquals("ping", new String(g.bytes(buf, g.i32(len)), StandardCharsets.UTF_8));
            int reply = g.put("pong");
            assertEquals(Errno.SUCCESS, g.call("sock_send", conn, g.iovec(reply, 4), 1, 0, len));
            assertEquals(4, g.i32(len));
            assertEquals("pong", client.get(10, TimeUnit.SECONDS));
            assertEquals(Errno.SUCCESS, g.call("sock_shutdown", conn, 3));
            assertEquals(Errno.NOTSOCK, g.call("sock_shutdown", 1, 3));
        }
    }

    @Test
    void acceptWithoutAListenGrantIsDeniedThenHeldAndRetried() {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            int out = g.alloc(4);
            assertEquals(Errno.NOTCAPABLE, g.call("sock_accept", 4, Rights.FDFLAG_NONBLOCK, out));
            assertEquals("denied sock_accept fd 4: no listening socket is granted at fd 4; "
                    + "grant it with --tcplisten HOST:PORT", g.lastEvent().explanation());
            g.verdict = CapabilityListener.Verdict.HOLD;
            assertThrows(CallHeld.class, () -> g.call("sock_accept", 4, Rights.FDFLAG_NONBLOCK, out));
            grants.listen(ListenAddress.parse("127.0.0.1:0"));
            assertEquals(Errno.AGAIN, g.call("sock_accept", 4, Rights.FDFLAG_NONBLOCK, out));
        }
    }

    @Test
    void outboundConnectNeedsAMatchingPattern() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            Grants grants = new Grants().connect(ConnectPattern.parse("127.0.0.1:" + (port == 1 ? 2 : 1)));
            try (GuestCalls g = new GuestCalls(grants)) {
                int out = g.alloc(4);
                assertEquals(Errno.SUCCESS, g.call("sock_open", 1, 2, out));
                int fd = g.i32(out);
                int addr = address(g, LOCALHOST);
                assertEquals(Errno.NOTCAPABLE, g.call("sock_connect", fd, addr, port));
                assertEquals("denied sock_connect 127.0.0.1:" + port + ": no grant allows connecting to 127.0.0.1:"
                        + port + "; grant it with --allow-connect 127.0.0.1:" + port, g.lastEvent().explanation());

                grants.connect(ConnectPattern.parse("127.0.0.0/8:*"));
                assertEquals(Errno.SUCCESS, g.call("sock_connect", fd, addr, port));
                try (Socket accepted = server.accept()) {
                    assertEquals(Errno.SUCCESS, g.write(fd, "hello"));
                    InputStream in = accepted.getInputStream();
                    assertEquals("hello", new String(in.readNBytes(5), StandardCharsets.UTF_8));
                    int peer = address(g, new byte[16]);
                    int type = g.alloc(4);
                    int peerPort = g.alloc(4);
                    assertEquals(Errno.SUCCESS, g.call("sock_getpeeraddr", fd, peer, type, peerPort));
                    assertEquals(4, g.i32(type));
                    assertEquals(port, g.i32(peerPort));
                }
            }
        }
    }

    @Test
    void guestBindingTheGrantedAddressGetsThePreopenedListener() throws Exception {
        Grants grants = new Grants().listen(ListenAddress.parse("127.0.0.1:0"));
        try (GuestCalls g = new GuestCalls(grants)) {
            int out = g.alloc(4);
            g.call("sock_open", 1, 2, out);
            int fd = g.i32(out);
            assertEquals(Errno.NOTCAPABLE, g.call("sock_bind", fd, address(g, LOCALHOST), 9));
            assertEquals("--tcplisten 127.0.0.1:9", g.lastEvent().suggestion().flag());
            assertEquals(Errno.SUCCESS, g.call("sock_bind", fd, address(g, LOCALHOST), 0));
            assertEquals(Errno.SUCCESS, g.call("sock_listen", fd, 16));
            int value = g.alloc(4);
            int size = g.alloc(4);
            g.memory.writeI32(size, 4);
            assertEquals(Errno.SUCCESS, g.call("sock_getsockopt", fd, 0, SocketOptions.SO_ACCEPTCONN, value, size));
            assertEquals(1, g.i32(value));
            assertEquals(g.host.listeningSockets().get(4), g.host.listeningSockets().get(fd));
        }
    }

    @Test
    void socketOptionsRoundTrip() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            int out = g.alloc(4);
            g.call("sock_open", 1, 2, out);
            int fd = g.i32(out);
            int value = g.alloc(16);
            g.memory.writeI32(value, 1);
            assertEquals(Errno.SUCCESS, g.call("sock_setsockopt", fd, 0, SocketOptions.SO_KEEPALIVE, value, 4));
            g.memory.writeI64(value, 2);
            g.memory.writeI64(value + 8, 500_000);
            assertEquals(Errno.SUCCESS, g.call("sock_setsockopt", fd, 0, SocketOptions.SO_RCVTIMEO, value, 16));
            int size = g.alloc(4);
            g.memory.writeI32(size, 16);
            assertEquals(Errno.SUCCESS, g.call("sock_getsockopt", fd, 0, SocketOptions.SO_RCVTIMEO, value, size));
            assertEquals(2, g.i64(value));
            assertEquals(500_000, g.i64(value + 8));
            g.memory.writeI32(size, 4);
            assertEquals(Errno.SUCCESS, g.call("sock_getsockopt", fd, 0, SocketOptions.SO_KEEPALIVE, value, size));
            assertEquals(1, g.i32(value));
            assertEquals(Errno.NOPROTOOPT, g.call("sock_getsockopt", fd, 6, 1, value, size));
        }
    }

    @Test
    void getaddrinfoAnswersNumericHostsWithoutAGrantAndDeniesNames() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            int info = g.alloc(28);
            int sockaddr = g.alloc(12);
            int data = g.alloc(26);
            g.memory.writeI32(info + 12, sockaddr);
            g.memory.writeI32(sockaddr + 4, 26);
            g.memory.writeI32(sockaddr + 8, data);
            int res = g.alloc(4);
            g.memory.writeI32(res, info);
            int count = g.alloc(4);
            int hints = g.alloc(28);
            assertEquals(Errno.SUCCESS, g.call("sock_getaddrinfo", g.put("127.0.0.1"), 9, g.put("8080"), 4, hints,
                    res, 1, count));
            assertEquals(1, g.i32(count));
            assertEquals(1, g.memory.readU8(sockaddr));
            assertEquals(8080, (g.memory.readU8(data) << 8) | g.memory.readU8(data + 1));
            assertEquals(127, g.memory.readU8(data + 2));
            assertEquals(Errno.NOTCAPABLE, g.call("sock_getaddrinfo", g.put("example.com"), 11, g.put("443"), 3,
                    hints, res, 1, count));
            assertEquals("grant connect example.com:443", g.lastEvent().suggestion().shellCommand());
        }
    }

    @Test
    void connectPatternsMatchAddressesBlocksNamesAndPorts() throws Exception {
        InetAddress ten = InetAddress.getByName("10.1.2.3");
        assertTrue(ConnectPattern.parse("10.0.0.0/8:*").matches(null, ten, 1));
        assertFalse(ConnectPattern.parse("10.0.0.0/16:*").matches(null, ten, 1));
        assertTrue(ConnectPattern.parse("*:443").matches(null, ten, 443));
        assertFalse(ConnectPattern.parse("*:443").matches(null, ten, 80));
        assertTrue(ConnectPattern.parse("api.example.com:443").matches("API.example.com", ten, 443));
        assertFalse(ConnectPattern.parse("api.example.com:443").matches(null, ten, 443));
        assertTrue(ConnectPattern.parse("*.example.com:*").matches("a.example.com", ten, 1));
        assertTrue(ConnectPattern.parse("[::1]:80").matches(null, InetAddress.getByName("::1"), 80));
        assertTrue(ConnectPattern.parse("[fd00::/8]:*").matches(null, InetAddress.getByName("fd12::1"), 80));
        assertThrows(IllegalArgumentException.class, () -> ConnectPattern.parse("10.0.0:80"));
        assertThrows(IllegalArgumentException.class, () -> ConnectPattern.parse("host"));
    }
}
