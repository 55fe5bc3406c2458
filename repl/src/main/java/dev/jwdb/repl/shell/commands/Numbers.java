package dev.jwdb.repl.shell.commands;

import dev.jwdb.repl.shell.ShellError;

/** Numbers as the user types them: decimal or {@code 0x} hexadecimal, with a word for what was expected. */
final class Numbers {
    private Numbers() {
    }

    static long parse(String text, String what) throws ShellError {
        String t = text.replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ShellError(what + ": expected a number (decimal or 0x hex), got \"" + text + "\"");
        }
    }

    static int parseInt(String text, String what) throws ShellError {
        long v = parse(text, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ShellError(what + ": " + text + " is too large");
        }
        return (int) v;
    }

    static boolean isNumber(String text) {
        return text.matches("(0[xX][0-9a-fA-F_]+|-?[0-9_]+)");
    }
}
