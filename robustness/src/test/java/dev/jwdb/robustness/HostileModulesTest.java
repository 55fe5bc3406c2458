package dev.jwdb.robustness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Modules declaring 2^32 functions, a data segment past 4 GiB, and the other {@link HostileModules} are answered
 * with a clear error within a second each in a JVM of 64 MB heap: nothing is allocated for what they only claim.
 * The two that are valid (20000 functions of 50000 locals, 100000 nested blocks) must run in that heap too.
 */
class HostileModulesTest {
    private static final long SECOND_MILLIS = 1_000;
    /** The two modules that are accepted are really built and run (in a cold JVM), so they get more time. */
    private static final long ACCEPTED_MILLIS = 5_000;

    @Test
    void hugeDeclarationsAreRejectedQuicklyInASmallHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-Xss1m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HostileModulesMain.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM did not finish");
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        lines.forEach(l -> System.out.println("HostileModules: " + l));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        assertEquals(HostileModules.all().size(), lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.startsWith("OK "), line);
            String[] parts = line.split(" \\| ");
            long bound = parts[1].equals("accepted") ? ACCEPTED_MILLIS : SECOND_MILLIS;
            assertTrue(Long.parseLong(parts[2]) < bound, line);
        }
        assertOutcome(lines, "2^32-1 functions", "MalformedException: length out of bounds");
        assertOutcome(lines, "2^32-1 types", "MalformedException: length out of bounds");
        assertOutcome(lines, "2^32-1 imports", "MalformedException: length out of bounds");
        assertOutcome(lines, "data segment of 4 GiB - 1 bytes", "MalformedException: length out of bounds");
        assertOutcome(lines, "data segment written at 4 GiB - 1", "TrapException: out of bounds memory access");
        assertOutcome(lines, "memory of 65536 pages (4 GiB)", "ExhaustionException: memory size 65536 pages");
        assertOutcome(lines, "table of 2^32-1 elements", "ExhaustionException: table size 4294967295");
        assertOutcome(lines, "2^32-1 locals in one function", "MalformedException: too many locals");
        assertOutcome(lines, "20000 functions of 50000 locals each", "accepted");
        assertOutcome(lines, "br_table of 2^32-1 labels", "MalformedException: length out of bounds");
        assertOutcome(lines, "100000 nested blocks", "accepted");
    }

    private static void assertOutcome(List<String> lines, String name, String outcomePrefix) {
        String line = lines.stream().filter(l -> l.startsWith("OK " + name + " | ")).findFirst().orElseThrow();
        assertTrue(line.split(" \\| ")[1].startsWith(outcomePrefix), line);
    }
}
