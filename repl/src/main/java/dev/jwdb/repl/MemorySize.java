package dev.jwdb.repl;

import dev.jwdb.engine.runtime.MemoryInstance;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as users write them ({@code 65536}, {@code 64K}, {@code 16MiB}, {@code 1G}), in whole Wasm pages. */
final class MemorySize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([KMG])(?:I?B)?|B)?");

    private MemorySize() {
    }

    /** The number of 64 KiB pages that fit in {@code text}; K, M and G are binary multiples, as memory is. */
    static long pages(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 65536, 64K, 16M or 1G");
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        try {
            long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
            return bytes / MemoryInstance.PAGE_SIZE;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size too large");
        }
    }
}
