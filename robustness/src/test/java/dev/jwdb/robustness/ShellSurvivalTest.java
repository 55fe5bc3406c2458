package dev.jwdb.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "the interactive shell survives everything": the fuzz corpus (the committed inputs and a batch of
 * mutated spec binaries and texts) is loaded into one shell session with {@code load FILE}. Each bad module gets one
 * clear line, no stack trace, the next command is answered, and the module defined before it can still be invoked.
 * Longer: {@code -Dtest=ShellSurvivalTest -Djwdb.fuzz.iterations=N} mutants (and {@code -Djwdb.fuzz.seed=S}).
 */
class ShellSurvivalTest {
    static final String ADD = "(module (memory 1) (func $add (export \"add\") (param $a i32) (param $b i32)"
            + " (result i32) (i32.add (local.get $a) (local.get $b))))";
    /** Long enough for the slowest corpus input on a loaded machine; a hang fails the test instead of the build. */
    static final long BOUND_MILLIS = 20_000;
    /** An error a person can read: the spec's words, a position, a file name; not an echo of the input. */
    static final int MAX_LINE = 400;

    @Test
    void everyCorpusInputGetsOneLineAndTheSessionStaysUsable(@TempDir Path dir) throws IOException {
        List<FuzzCorpus.Input> inputs = FuzzCorpus.inputs(Fuzzing.seed(), Fuzzing.iterations(300));
        List<String> problems = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        int longest = 0;
        try (ShellDriver shell = new ShellDriver(BOUND_MILLIS)) {
            assertTrue(shell.send(ADD).startsWith("loaded input-1.wat"));
            for (FuzzCorpus.Input input : inputs) {
                Path file = dir.resolve(input.name());
                Files.write(file, input.bytes());
                String load = "load " + file;
                String answer = shell.send(load);
                String why = ShellDriver.crashSign(answer);
                if (why == null && lines(answer).size() != 1) {
                    why = "not one line";
                }
                boolean ok = answer.startsWith("loaded ");
                longest = Math.max(longest, answer.length());
                if (why == null && answer.length() > MAX_LINE) {
                    why = "a line of " + answer.length() + " characters";
                }
                if (why == null && !ok && !answer.startsWith("error: ")) {
                    why = "neither loaded nor an error";
                }
                if (why != null) {
                    problems.add(input.name() + ": " + why + ":\n" + answer);
                }
                String info = shell.send("info functions");
                if (ShellDriver.crashSign(info) != null || info.contains("error:")) {
                    problems.add(input.name() + ": info functions after it: " + info);
                }
                if (ok) {
                    loaded++;
                    // the mutant replaced the module: define the known one again
                    assertTrue(shell.send(ADD).startsWith("loaded input-"), input.name());
                } else {
                    refused++;
                    String sum = shell.send("invoke add 2 40");
                    if (!sum.equals("i32:42\n")) {
                        problems.add(input.name() + ": the module loaded before it no longer answers: " + sum);
                    }
                }
                if (problems.size() > 20) {
                    break;
                }
            }
            assertEquals("i32:42\n", shell.send("invoke add 2 40"));
        }
        System.out.println("ShellSurvivalTest: " + inputs.size() + " inputs loaded in one session, " + loaded
                + " loaded, " + refused + " refused; the longest answer " + longest + " characters");
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) in " + inputs.size() + " inputs:\n"
                + String.join("\n", problems));
        assertEquals(inputs.size(), loaded + refused);
        assertTrue(refused > inputs.size() / 4, "too few bad modules to say anything: " + refused);
    }

    @Test
    void aDeviceOrFifoIsRefusedWithoutReadingIt() {
        try (ShellDriver shell = new ShellDriver(BOUND_MILLIS)) {
            assertEquals("error: load: /dev/zero is not a regular file\n", shell.send("load /dev/zero"));
            assertTrue(shell.send("help load").startsWith("usage: load FILE"));
        }
    }

    static List<String> lines(String output) {
        return output.isEmpty() ? List.of() : List.of(output.split("\n", -1)).subList(0,
                output.endsWith("\n") ? output.split("\n", -1).length - 1 : output.split("\n", -1).length);
    }
}
