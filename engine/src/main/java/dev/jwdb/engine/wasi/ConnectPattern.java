package dev.jwdb.engine.wasi;

import java.net.InetAddress;
import java.util.Locale;

/**
 * Outbound TCP addresses the guest may connect to: {@code HOST:PORT} where HOST is {@code *}, an IP address, a CIDR
 * block ({@code 10.0.0.0/8}, {@code [fd00::/8]}), a host name, or {@code *.domain}; PORT is a number or {@code *}.
 * A host name matches a connection when the guest obtained the address by resolving that name.
 */
public record ConnectPattern(String host, int port) {
    public static final int ANY_PORT = -1;

    public static ConnectPattern parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got " + spec);
        }
        String host = spec.substring(0, colon);
        String portText = spec.substring(colon + 1);
        int port;
        if (portText.equals("*")) {
            port = ANY_PORT;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a port number or * in " + spec);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range in " + spec);
            }
        }
        ConnectPattern pattern = new ConnectPattern(host.toLowerCase(Locale.ROOT), port);
        if (pattern.isAddressPattern() && pattern.network() == null) {
            throw new IllegalArgumentException("bad address or CIDR block in " + spec);
        }
        return pattern;
    }

    /** Whether a connection to {@code address:port}, reached by resolving {@code name} (or null), matches. */
    public boolean matches(String name, InetAddress address, int port) {
        if (this.port != ANY_PORT && this.port != port) {
            return false;
        }
        if (host.equals("*")) {
            return true;
        }
        if (isAddressPattern()) {
            return address != null && inNetwork(address);
        }
        return name != null && matchesName(name);
    }

    /** Whether a lookup of {@code name} is covered by this pattern by name alone. */
    public boolean matchesName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (host.equals("*")) {
            return true;
        }
        if (host.startsWith("*.")) {
            return n.endsWith(host.substring(1));
        }
        return !isAddressPattern() && host.equals(n);
    }

    /** Whether the host part is numeric (an address or CIDR block) rather than a name. */
    public boolean isAddressPattern() {
        String base = stripCidr();
        return IpLiteral.parse(base) != null || base.startsWith("[") || base.matches("[0-9.]+");
    }

    private String stripCidr() {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int slash = h.indexOf('/');
        return slash < 0 ? h : h.substring(0, slash);
    }

    private InetAddress network() {
        return IpLiteral.parse(stripCidr());
    }

    private int prefixLength(int bits) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int slash = h.indexOf('/');
        if (slash < 0) {
            return bits;
        }
        try {
            int p = Integer.parseInt(h.substring(slash + 1));
            return p < 0 || p > bits ? -1 : p;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean inNetwork(InetAddress address) {
        InetAddress net = network();
        if (net == null) {
            return false;
        }
        byte[] a = address.getAddress();
        byte[] n = net.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int prefix = prefixLength(n.length * 8);
        if (prefix < 0) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return host + ":" + (port == ANY_PORT ? "*" : Integer.toString(port));
    }
}
