package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project README's tour pastes these transcripts whole: when a session's transcript changes, so must the tour. */
class ReadmeTourTest {
    @ParameterizedTest
    @ValueSource(strings = {"logger-c-capability", "wat-fib", "wat-strings"})
    void theTourShowsTheReplayedTranscript(String session) throws Exception {
        String readme = Files.readString(Jwdb.SAMPLES.resolveSibling("README.md"));
        String transcript = Files.readString(Path.of(Jwdb.sample("sessions/" + session + ".expected")));
        assertTrue(readme.contains("\n" + transcript + "```\n"), "README.md does not show " + session + ".expected");
    }

    @Test
    void theTraceShownIsTheFirstLinesOfTheLoggersTrace() throws Exception {
        String readme = Files.readString(Jwdb.SAMPLES.resolveSibling("README.md"));
        Jwdb.Result r = Jwdb.run("run", "--trace-wasi", Jwdb.sample("logger/logger-c.wasm"));
        String firstLines = String.join("\n", r.err().lines().limit(6).toList());
        assertTrue(firstLines.startsWith("jwdb: wasi: fd_prestat_get(fd=3)"), r.err());
        assertTrue(readme.contains("\n" + firstLines + "\n```\n"), "README.md does not show the trace:\n" + firstLines);
    }

    /**
     * The source-level examples (the project README's, and the debug-info sample's) are cut from the debug-info
     * transcript: their lines appear there, in order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"README.md", "samples/debug-info/README.md"})
    void theSourceLevelExampleIsCutFromTheDebugInfoTranscript(String file) throws Exception {
        String readme = Files.readString(Jwdb.SAMPLES.resolveSibling(file));
        java.util.List<String> transcript = Files.readAllLines(Path.of(Jwdb.sample("sessions/debug-info.expected")));
        int start = readme.lastIndexOf("```\n", readme.indexOf("(jwdb) break stats.c:24"));
        String block = readme.substring(start + 4, readme.indexOf("```", start + 4));
        int at = 0;
        for (String line : block.split("\n")) {
            if (line.startsWith("$ ") || line.startsWith("./jwdb ")) {
                continue;
            }
            while (at < transcript.size() && !transcript.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < transcript.size(), file + ": \"" + line + "\" is not in debug-info.expected (in order)");
            at++;
        }
    }

    /**
     * The Rust examples (the project README's, and the debug-info-rust sample's) are cut from the debug-info-rust
     * transcript: their lines appear there, in order; a line {@code ...} stands for lines left out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"README.md", "samples/debug-info-rust/README.md"})
    void theRustExampleIsCutFromTheDebugInfoRustTranscript(String file) throws Exception {
        String readme = Files.readString(Jwdb.SAMPLES.resolveSibling(file));
        java.util.List<String> transcript = Files.readAllLines(Path.of(Jwdb.sample(
                "sessions/debug-info-rust.expected")));
        int start = readme.lastIndexOf("```\n", readme.indexOf("(jwdb) break scores.rs:60"));
        String block = readme.substring(start + 4, readme.indexOf("```", start + 4));
        int at = 0;
        int matched = 0;
        for (String line : block.split("\n")) {
            if (line.startsWith("$ ") || line.equals("...")) {
                continue;
            }
            while (at < transcript.size() && !transcript.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < transcript.size(), file + ": \"" + line + "\" is not in debug-info-rust.expected (in "
                    + "order)");
            at++;
            matched++;
        }
        assertTrue(matched > 20, file + ": the example is " + matched + " lines");
    }
}
