package dev.jwdb.wat;

/** Strict UTF-8 as the spec defines names: no overlong forms, no surrogates, nothing above U+10FFFF. */
final class Utf8 {
    private Utf8() {
    }

    static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b < 0x80) {
                length = 1;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                // E0 would be overlong below A0; ED would reach the surrogates from A0 on.
                secondMin = b == 0xE0 ? 0xA0 : 0x80;
                secondMax = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                // F0 would be overlong below 90; F4 goes past U+10FFFF from 90 on.
                secondMin = b == 0xF0 ? 0x90 : 0x80;
                secondMax = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + length > bytes.length) {
                return false;
            }
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                int min = k == 1 ? secondMin : 0x80;
                int max = k == 1 ? secondMax : 0xBF;
                if (c < min || c > max) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
