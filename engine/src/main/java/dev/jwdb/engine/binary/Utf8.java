package dev.jwdb.engine.binary;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 as the spec defines it: shortest form only, no surrogate code points, nothing above U+10FFFF.
 * Checked by hand so that acceptance does not depend on the JDK decoder's replacement behaviour.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isWellFormed(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xFF;
            int length;
            int min;
            int codePoint;
            if (lead < 0x80) {
                i++;
                continue;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
                min = 0x80;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                min = 0x800;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                min = 0x10000;
                codePoint = lead & 0x07;
            } else {
                return false;
            }
            if (i + length > b.length) {
                return false;
            }
            for (int k = 1; k < length; k++) {
                int c = b[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | (c & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /** Decodes bytes already checked by {@link #isWellFormed}. */
    static String decode(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
