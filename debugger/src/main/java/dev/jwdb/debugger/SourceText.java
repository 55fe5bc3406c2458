package dev.jwdb.debugger;

import java.nio.file.Path;
import java.util.List;

/**
 * A source file's text, for {@code list} and for showing the line a program stopped at.
 *
 * @param name    the file as locations name it ({@link Location#source()})
 * @param path    where it was found
 * @param lines   its lines, line 1 first
 * @param warning why the text may not be the one the module was built from (its MD5 differs from the one DWARF
 *                records), or null
 */
public record SourceText(String name, Path path, List<String> lines, String warning) {
    public SourceText {
        lines = List.copyOf(lines);
    }

    /** Line {@code n} (1-based), or null past the end. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }
}
