package dev.jwdb.repl.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split for a command: the name typed, a gdb-style {@code /FMT} suffix ({@code x/4xw}), the text
 * after the name as typed (for expressions and conditions, where spaces matter) and that text split into words
 * (double quotes group words, as in {@code grant env GREETING="hello world"}).
 */
public record Args(String name, String suffix, String rest, List<String> words) {
    public Args {
        words = List.copyOf(words);
    }

    public static Args parse(String line) throws ShellError {
        String trimmed = line.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != '/') {
            end++;
        }
        String name = trimmed.substring(0, end);
        String suffix = "";
        if (end < trimmed.length() && trimmed.charAt(end) == '/') {
            int s = end + 1;
            end = s;
            while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
                end++;
            }
            suffix = trimmed.substring(s, end);
        }
        String rest = trimmed.substring(end).strip();
        return new Args(name, suffix, rest, split(rest));
    }

    /** Words separated by blanks; a double-quoted part keeps its blanks (the quotes are removed). */
    public static List<String> split(String text) throws ShellError {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new ShellError("unterminated quote in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    public int size() {
        return words.size();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public String word(int i) {
        return words.get(i);
    }

    /** Fails with the command's usage unless there are between {@code min} and {@code max} words. */
    public Args expect(int min, int max, String usage) throws ShellError {
        if (words.size() < min || words.size() > max) {
            String got = words.isEmpty() ? "no arguments" : words.size() + " argument" + (words.size() == 1 ? "" : "s");
            throw new ShellError("usage: " + usage + " (got " + got + ")");
        }
        return this;
    }

    /** The words from {@code from} on, joined by single spaces. */
    public String join(int from) {
        return String.join(" ", words.subList(Math.min(from, words.size()), words.size()));
    }
}
