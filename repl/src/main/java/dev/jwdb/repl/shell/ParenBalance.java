package dev.jwdb.repl.shell;

/**
 * Whether typed WAT is complete: every parenthesis closed, outside strings and comments ({@code ;;} to the end of
 * the line, nested {@code (; ;)}), as the text format's lexer counts them. The shell asks for more lines while
 * input is open, so a {@code (module ...)} can be typed over several lines.
 */
public final class ParenBalance {
    private ParenBalance() {
    }

    /** Whether a line of WAT input ({@code (...)} or {@code wat (...)}) still has parentheses open. */
    public static boolean needsMore(String line) {
        String t = line.strip();
        return (t.startsWith("(") || t.startsWith("wat ") || t.startsWith("wat(")) && open(t) > 0;
    }

    /** Positive: that many parentheses are still open (or a string or block comment is); 0: balanced; negative: a
     * closing parenthesis too many. */
    public static int open(String text) {
        int depth = 0;
        int comment = 0;
        boolean string = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                }
            } else if (comment > 0) {
                if (c == '(' && next == ';') {
                    comment++;
                    i++;
                } else if (c == ';' && next == ')') {
                    comment--;
                    i++;
                }
            } else if (c == ';' && next == ';') {
                int eol = text.indexOf('\n', i);
                if (eol < 0) {
                    break;
                }
                i = eol;
            } else if (c == '(' && next == ';') {
                comment++;
                i++;
            } else if (c == '"') {
                string = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    return depth;
                }
            }
        }
        return string || comment > 0 ? Math.max(depth, 1) : depth;
    }
}
