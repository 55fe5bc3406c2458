package dev.jwdb.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Token-level mutations of WebAssembly text: tokens dropped, repeated, swapped or replaced by tricky ones
 * (out-of-range and odd-syntax literals, unknown names, bad escapes), the text cut short, and random deep nesting
 * of blocks, parentheses and comments spliced in.
 */
final class TextMutator {
    private static final String[] TRICKY = {"(", ")", "0x7fffffff", "0x80000000", "4294967296", "-2147483649",
            "0xffffffffffffffff", "18446744073709551616", "1e400", "-0", "nan:0x1", "nan:0x800000", "-nan",
            "inf", "0x1p-1075", "1_000", "_1", "0x_1", "$", "$x", "$\"q\"", "\"\\u{110000}\"", "\"\\ff\\\"",
            "\"unterminated", "offset=4294967296", "align=3", "align=0", "i32.const", "end", "else", "then",
            "block", "loop", "if", "br_table", "call_indirect", "(type 99)", "(param $p i32)", "(result i64)",
            "(local i32)", "(@annotation x)", "(;", ";)", ";;", "ref.null", "func", "extern", "memory", "table",
            "v128", "i32.load8_s", "memory.grow", "\u00e9", "\u0000", "1.", ".5", "0x1.fffffep127", "+-1"};

    private final Random random;

    TextMutator(Random random) {
        this.random = random;
    }

    String mutate(String text) {
        List<String> tokens = tokens(text);
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n && !tokens.isEmpty(); k++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(8)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, tokens.get(random.nextInt(tokens.size())));
                case 2 -> {
                    int other = random.nextInt(tokens.size());
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
                case 3, 4 -> tokens.set(at, TRICKY[random.nextInt(TRICKY.length)]);
                case 5 -> tokens.subList(at, tokens.size()).clear();
                case 6 -> tokens.add(at, nesting());
                default -> tokens.set(at, tokens.get(at) + tokens.get(random.nextInt(tokens.size())));
            }
        }
        return String.join(" ", tokens);
    }

    /** Deep nesting around the limit (1000) and far past it, balanced or not. */
    private String nesting() {
        int depth = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(50);
            case 1 -> 990 + random.nextInt(20);
            case 2 -> 1_000 + random.nextInt(5_000);
            default -> random.nextInt(50) == 0 ? 100_000 : 10_000 + random.nextInt(10_000);
        };
        String[] kinds = {"(block ", "block ", "(; ", "(", "(if (then ", "loop "};
        String[] closes = {")", "end ", ";) ", ")", "))", "end "};
        int kind = random.nextInt(kinds.length);
        int closing = random.nextInt(4) == 0 ? random.nextInt(depth + 1) : depth;
        return kinds[kind].repeat(depth) + "nop " + closes[kind].repeat(closing);
    }

    /** Words, parentheses and whole strings; comments are dropped on the way. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith(";;", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("(;", i)) {
                int close = s.indexOf(";)", i);
                i = close < 0 ? s.length() : close + 2;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, s.length());
                out.add(s.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '('
                        && s.charAt(j) != ')' && s.charAt(j) != '"') {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
