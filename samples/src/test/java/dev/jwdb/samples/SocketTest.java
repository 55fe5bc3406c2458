package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 3, acceptance 4, on 127.0.0.1: the C echo server serves a Java client only on a --tcplisten socket, and the
 * C HTTP client reaches a Java server only with a matching --allow-connect.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void theEchoServerServesClientsOnTheGrantedListener() throws Exception {
        int port = freePort();
        CompletableFuture<Jwdb.Result> server = CompletableFuture.supplyAsync(() -> Jwdb.run("run", "--tcplisten",
                "127.0.0.1:" + port, Jwdb.sample("echo-server/echo-server.wasm"), "2"));
        assertEquals("hello, echo\n", echo(port, "hello, echo\n"));
        assertEquals("a second client\n", echo(port, "a second client\n"));
        Jwdb.Result r = server.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.status(), r.toString());
        assertEquals("echo-server: connection 1\necho-server: echoed 12 bytes\n"
                + "echo-server: connection 2\necho-server: echoed 16 bytes\n", r.out());
    }

    @Test
    void withoutTcplistenTheAcceptIsDeniedAndExplained() {
        Jwdb.Result r = Jwdb.run("run", Jwdb.sample("echo-server/echo-server.wasm"));
        assertEquals(1, r.status(), r.toString());
        assertEquals("jwdb: denied sock_accept fd 4: no listening socket is granted at fd 4; grant it with "
                + "--tcplisten HOST:PORT\necho-server: accept: Capabilities insufficient\n", r.err());
    }

    @Test
    void theClientConnectsOnlyWithAMatchingAllowConnect() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            int port = server.getLocalPort();
            String target = "127.0.0.1:" + port;
            Jwdb.Result denied = Jwdb.run("run", Jwdb.sample("http-get/http-get.wasm"), "127.0.0.1",
                    Integer.toString(port));
            assertEquals(1, denied.status(), denied.toString());
            assertTrue(denied.err().startsWith("jwdb: denied sock_connect " + target + ": no grant allows "
                    + "connecting to " + target + "; grant it with --allow-connect " + target + "\n"), denied.err());

            Jwdb.Result elsewhere = Jwdb.run("run", "--allow-connect", "10.0.0.0/8:*", "--allow-connect",
                    "127.0.0.1:" + (port == 65535 ? port - 1 : port + 1), Jwdb.sample("http-get/http-get.wasm"),
                    "127.0.0.1", Integer.toString(port));
            assertEquals(1, elsewhere.status(), elsewhere.toString());
            assertTrue(elsewhere.err().startsWith("jwdb: denied sock_connect"), elsewhere.err());

            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> serveOnce(server));
            Jwdb.Result granted = Jwdb.run("run", "--allow-connect", "127.0.0.0/8:" + port,
                    Jwdb.sample("http-get/http-get.wasm"), "127.0.0.1", Integer.toString(port), "/hello");
            assertEquals(0, granted.status(), granted.toString());
            assertEquals("HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n", granted.out());
            assertTrue(request.get(30, TimeUnit.SECONDS).startsWith("GET /hello HTTP/1.0\r\n"));
        }
    }

    private static String serveOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                request.append((char) b);
            }
            s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return request.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code text}, closes the sending side and returns everything the server sent back. */
    private static String echo(int port, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket(LOOPBACK, port)) {
                OutputStream out = s.getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                s.shutdownOutput();
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.ConnectException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }
}
