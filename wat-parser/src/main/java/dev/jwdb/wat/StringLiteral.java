package dev.jwdb.wat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * String literals: the bytes between the quotes, where characters stand for their UTF-8 encoding and escapes for
 * single bytes (backslash and two hex digits) or for code points (backslash, u, and hex digits in braces). A string
 * need not be valid UTF-8 (data segments hold arbitrary bytes); a name must be.
 */
final class StringLiteral {
    private StringLiteral() {
    }

    static byte[] bytes(String token) {
        if (token.length() < 2 || token.charAt(0) != '"' || token.charAt(token.length() - 1) != '"') {
            throw new IllegalArgumentException("unclosed string literal: " + token);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(token.length());
        int end = token.length() - 1;
        int i = 1;
        while (i < end) {
            int c = token.codePointAt(i);
            if (c == '\\') {
                i = escape(token, i + 1, end, out);
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("unescaped quote in string literal: " + token);
            }
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("illegal control character in string literal");
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("malformed UTF-8 encoding: unpaired surrogate in string literal");
            }
            writeUtf8(c, out);
            i += Character.charCount(c);
        }
        return out.toByteArray();
    }

    static String name(String token) {
        byte[] bytes = bytes(token);
        if (!Utf8.isWellFormed(bytes)) {
            throw new IllegalArgumentException("malformed UTF-8 encoding");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Decodes the escape whose first character (after the backslash) is at {@code i}; returns the index after it. */
    private static int escape(String token, int i, int end, ByteArrayOutputStream out) {
        if (i >= end) {
            throw illegalEscape(token);
        }
        char c = token.charAt(i);
        switch (c) {
            case 't' -> out.write('\t');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case '"', '\'', '\\' -> out.write(c);
            case 'u' -> {
                return unicodeEscape(token, i + 1, end, out);
            }
            default -> {
                if (i + 1 >= end || Character.digit(c, 16) < 0 || Character.digit(token.charAt(i + 1), 16) < 0) {
                    throw illegalEscape(token);
                }
                out.write(Character.digit(c, 16) << 4 | Character.digit(token.charAt(i + 1), 16));
                return i + 2;
            }
        }
        return i + 1;
    }

    private static int unicodeEscape(String token, int i, int end, ByteArrayOutputStream out) {
        int close = token.indexOf('}', i);
        if (i >= end || token.charAt(i) != '{' || close < 0 || close >= end) {
            throw illegalEscape(token);
        }
        String digits = DigitGroups.strip(token, i + 1, close, true);
        if (digits == null) {
            throw illegalEscape(token);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        int codePoint = significant.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(significant, 16);
        if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint < 0xE000)) {
            throw new IllegalArgumentException("malformed UTF-8 encoding: code point 0x" + digits
                    + " is not a Unicode scalar value");
        }
        writeUtf8(codePoint, out);
        return close + 1;
    }

    private static void writeUtf8(int c, ByteArrayOutputStream out) {
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(0xC0 | c >> 6);
            out.write(0x80 | c & 0x3F);
        } else if (c < 0x10000) {
            out.write(0xE0 | c >> 12);
            out.write(0x80 | c >> 6 & 0x3F);
            out.write(0x80 | c & 0x3F);
        } else {
            out.write(0xF0 | c >> 18);
            out.write(0x80 | c >> 12 & 0x3F);
            out.write(0x80 | c >> 6 & 0x3F);
            out.write(0x80 | c & 0x3F);
        }
    }

    private static IllegalArgumentException illegalEscape(String token) {
        return new IllegalArgumentException("illegal escape in string literal " + token);
    }
}
