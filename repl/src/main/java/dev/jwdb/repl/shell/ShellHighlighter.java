package dev.jwdb.repl.shell;

import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line being typed: a known command name in bold, an unknown one in red (before Enter tells); WAT
 * input by token: keywords, instructions, {@code $ids}, numbers, strings and comments.
 */
public final class ShellHighlighter {
    private static final Set<String> KEYWORDS = Set.of("module", "func", "param", "result", "local", "type",
            "import", "export", "memory", "data", "table", "elem", "global", "mut", "start", "then", "else", "if",
            "loop", "block", "end", "offset", "item", "declare", "funcref", "externref", "i32", "i64", "f32", "f64",
            "v128");
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle INSTRUCTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle ID = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final CommandTable table;

    public ShellHighlighter(CommandTable table) {
        this.table = table;
    }

    public AttributedString highlight(String buffer) {
        if (buffer.stripLeading().startsWith("(")) {
            return wat(buffer);
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        int start = 0;
        while (start < buffer.length() && Character.isWhitespace(buffer.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end)) && buffer.charAt(end) != '/') {
            end++;
        }
        out.append(buffer.substring(0, start));
        String word = buffer.substring(start, end);
        boolean known;
        try {
            known = word.isEmpty() || table.find(word) != null;
        } catch (ShellError e) {
            known = false;
        }
        out.styled(known ? AttributedStyle.BOLD : UNKNOWN, word);
        out.append(buffer.substring(end));
        return out.toAttributedString();
    }

    /** WAT by token; the scan mirrors {@link ParenBalance}'s, so a string or comment is coloured as one piece. */
    static AttributedString wat(String text) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';' && text.startsWith(";;", i)) {
                int eol = text.indexOf('\n', i);
                int end = eol < 0 ? text.length() : eol;
                out.styled(COMMENT, text.substring(i, end));
                i = end;
            } else if (c == '(' && text.startsWith("(;", i)) {
                int close = text.indexOf(";)", i + 2);
                int end = close < 0 ? text.length() : close + 2;
                out.styled(COMMENT, text.substring(i, end));
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(text.length(), end + 1);
                out.styled(STRING, text.substring(i, end));
                i = end;
            } else if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '('
                        && text.charAt(end) != ')' && text.charAt(end) != '"') {
                    end++;
                }
                String token = text.substring(i, end);
                out.styled(style(token), token);
                i = end;
            }
        }
        return out.toAttributedString();
    }

    private static AttributedStyle style(String token) {
        if (token.startsWith("$")) {
            return ID;
        }
        if (KEYWORDS.contains(token)) {
            return KEYWORD;
        }
        char first = token.charAt(0);
        if (Character.isDigit(first) || ((first == '-' || first == '+') && token.length() > 1)
                || token.startsWith("nan") || token.startsWith("inf")) {
            return NUMBER;
        }
        return INSTRUCTION;
    }
}
