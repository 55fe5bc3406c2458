package dev.jwdb.engine.wasi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses numeric IP addresses without ever asking DNS, so that checking a grant never touches the network. */
final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpLiteral() {
    }

    /** The address, or null when {@code text} is not an IPv4 or IPv6 literal. */
    static InetAddress parse(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(t).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                bytes[i] = (byte) v;
            }
            return byAddress(bytes);
        }
        if (t.contains(":") && t.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(t);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 127.0.0.1}, or {@code [::1]} for IPv6 so that a port can follow. */
    static String text(InetAddress address) {
        String s = address.getHostAddress();
        return s.contains(":") ? "[" + s + "]" : s;
    }
}
