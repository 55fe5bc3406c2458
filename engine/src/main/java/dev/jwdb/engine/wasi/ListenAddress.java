package dev.jwdb.engine.wasi;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A listening socket to preopen for the guest, as wasmtime's {@code --tcplisten HOST:PORT}. */
public record ListenAddress(InetAddress address, int port) {
    public ListenAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code HOST:PORT} with a numeric host ({@code 127.0.0.1:8080}, {@code [::1]:8080}). */
    public static ListenAddress parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected HOST:PORT, got " + spec);
        }
        InetAddress address = IpLiteral.parse(spec.substring(0, colon));
        if (address == null) {
            throw new IllegalArgumentException("expected a numeric host in " + spec);
        }
        try {
            return new ListenAddress(address, Integer.parseInt(spec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port number in " + spec);
        }
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return IpLiteral.text(address) + ":" + port;
    }
}
