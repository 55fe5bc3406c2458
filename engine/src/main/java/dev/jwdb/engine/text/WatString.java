package dev.jwdb.engine.text;

import java.nio.charset.StandardCharsets;

/** Quoted text-format strings, escaped as wasm2wat does: printable ASCII as is, every other byte as {@code \hh}. */
final class WatString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WatString() {
    }

    static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append('\\').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.append('"').toString();
    }

    /** A name, as its UTF-8 bytes; non-ASCII characters come out as escaped bytes, which read back the same. */
    static String quote(String name) {
        return quote(name.getBytes(StandardCharsets.UTF_8));
    }
}
