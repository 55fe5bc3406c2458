package dev.jwdb.wat;

/**
 * The text format's digit sequences: {@code digit (_? digit)*}, so an underscore may only separate two digits.
 */
final class DigitGroups {
    private DigitGroups() {
    }

    /** The digits of {@code text[from, to)} without underscores, or null when they are not a well-formed sequence. */
    static String strip(String text, int from, int to, boolean hex) {
        if (from >= to) {
            return null;
        }
        StringBuilder out = new StringBuilder(to - from);
        boolean afterDigit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                if (!afterDigit) {
                    return null;
                }
                afterDigit = false;
            } else if (isDigit(c, hex)) {
                out.append(c);
                afterDigit = true;
            } else {
                return null;
            }
        }
        return afterDigit ? out.toString() : null;
    }

    private static boolean isDigit(char c, boolean hex) {
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }
}
