package dev.jwdb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The expected {@code bench()} results, read from the table in the bench directory's README.md. */
final class Checksums {
    // | fib (recursive calls) | 34 | 5702887 | ...
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\w+)[^|]*\\|\\s*\\d+\\s*\\|\\s*(\\d+)\\s*\\|");

    private Checksums() {
    }

    static Map<String, Integer> read(Path benchDir) throws IOException {
        Map<String, Integer> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(benchDir.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                sums.put(m.group(1), Integer.parseUnsignedInt(m.group(2)));
            }
        }
        if (sums.isEmpty()) {
            throw new IllegalStateException("no checksums found in " + benchDir.resolve("README.md"));
        }
        return sums;
    }
}
