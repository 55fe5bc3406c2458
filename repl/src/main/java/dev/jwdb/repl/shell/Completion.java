package dev.jwdb.repl.shell;

import java.util.Collection;
import java.util.List;

/**
 * One completion candidate. {@code complete} false leaves the cursor right after it (a directory, to go on
 * typing the path) instead of adding a space.
 */
public record Completion(String value, boolean complete) {
    public static List<Completion> words(Collection<String> words) {
        return words.stream().map(w -> new Completion(w, true)).toList();
    }

    public static List<Completion> words(String... words) {
        return words(List.of(words));
    }
}
