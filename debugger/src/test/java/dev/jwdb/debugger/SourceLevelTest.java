package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Source-level debugging of samples/debug-info/stats.wasm (stats.c built with clang -g -O0) from its DWARF line
 * tables: breakpoints on C lines, line steps, backtraces and the source text.
 */
class SourceLevelTest {
    static final Path DIR = Path.of("..", "samples", "debug-info");
    static final Path STATS = DIR.resolve("stats.wasm");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private DebugSession stats(Path module, String... args) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]), stdout,
                new ByteArrayOutputStream()));
        s.load(module);
        List<String> argv = new ArrayList<>(List.of("stats.wasm"));
        argv.addAll(List.of(args));
        s.arguments(argv);
        return s;
    }

    private DebugSession stats(String... args) throws DebugException {
        return stats(STATS, args);
    }

    /** {@code $add stats.c:24}: where the selected frame is, by C line. */
    private static String where(DebugSession s) throws DebugException {
        return where(s.selectedFrame().location());
    }

    private static String where(Location l) {
        return l.function() + " " + l.source() + ":" + l.line();
    }

    @Test
    void aBreakpointOnALineStopsAtItsFirstStatementWithTheCallersLinesInTheBacktrace() throws DebugException {
        DebugSession s = stats("3", "1", "4");
        assertTrue(s.sourceLevel());
        assertEquals(List.of(), s.loadNotes());
        StopPoint.Breakpoint b = s.breakAt("stats.c:24", null);
        assertEquals(List.of("$add stats.c:24"), b.locations().stream().map(SourceLevelTest::where).toList());
        assertNull(b.note());
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("$add stats.c:24", where(hit.location()));
        assertEquals(15, hit.location().column(), "s->sum += value: its first row is at value, column 15");
        List<Frame> bt = s.backtrace();
        assertEquals("$main stats.c:37", where(bt.get(1).location()));
        assertEquals("call $add", bt.get(1).location().text());
        // stopped three times, once per value
        expect(StopEvent.BreakpointHit.class, s.resume());
        expect(StopEvent.BreakpointHit.class, s.resume());
        expect(StopEvent.Finished.class, s.resume());
        assertEquals("count 3, min 1, max 4, mean 2.67\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPathEndingInTheFileNamesItAndAnotherFileIsRefused() throws DebugException {
        DebugSession s = stats("3");
        List<Location> bare = s.breakAt("stats.c:25", null).locations();
        assertEquals(bare, s.breakAt("samples/debug-info/stats.c:25", null).locations());
        assertEquals(bare, s.breakAt(DIR.toAbsolutePath().resolve("stats.c") + ":25", null).locations());
        DebugException other = assertThrows(DebugException.class, () -> s.breakAt("tats.c:25", null));
        assertEquals("no source file tats.c in the debugging information of " + STATS, other.getMessage());
        // a line alone is a line of the file main is in
        assertEquals(bare, s.breakAt("25", null).locations());
    }

    @Test
    void aLineWithoutCodeMovesToTheNextLineWithCodeAndSaysSo() throws DebugException {
        DebugSession s = stats("3");
        StopPoint.Breakpoint b = s.breakAt("stats.c:20", null);
        assertEquals(List.of("$add stats.c:21"), b.locations().stream().map(SourceLevelTest::where).toList());
        assertEquals("line 20 has no code; line 21 is the next that has", b.note());
        DebugException past = assertThrows(DebugException.class, () -> s.breakAt("stats.c:46", null));
        assertEquals("no code at or after line 46 of stats.c", past.getMessage());
    }

    @Test
    void aFunctionBreakpointStopsAfterThePrologueOnTheFirstLineOfTheBody() throws DebugException {
        DebugSession s = stats("3");
        StopPoint.Breakpoint add = s.breakAt("add", null);
        Location at = add.locations().get(0);
        assertEquals("$add stats.c:18", where(at));
        assertTrue(at.instruction() > 0, "past the stack pointer's set-up");
        // the function's opening line is its prologue: a breakpoint there goes to the same place
        assertEquals(add.locations(), s.breakAt("stats.c:17", null).locations());
        assertEquals("$main stats.c:29", where(s.breakAt("main", null).locations().get(0)));
    }

    @Test
    void withoutLinesAFunctionBreakpointStaysAtTheFirstInstruction() throws DebugException {
        // logger.c was built without -g (its main(void) is __original_main in WASI)
        DebugSession s = stats(Path.of("..", "samples", "logger", "logger-c.wasm"));
        assertFalse(s.sourceLevel());
        Location at = s.breakAt("__original_main", null).locations().get(0);
        assertEquals(0, at.instruction());
        assertFalse(at.hasLine());
    }

    @Test
    void nextWalksTheLinesOfAddThenReturnsToTheLoopInMain() throws DebugException {
        DebugSession s = stats("3", "1");
        s.breakAt("add", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        s.delete(s.stopPoints().get(0).id());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            lines.add(where(s));
            expect(StopEvent.StepDone.class, s.stepOver());
        }
        lines.add(where(s));
        // the first value: min and max are set; the loop goes round (30, i++) and reads the second value, whose
        // add (line 37) is stepped over; then the loop ends and main prints
        assertEquals(List.of("$add stats.c:18", "$add stats.c:19", "$add stats.c:21", "$add stats.c:22",
                "$add stats.c:24", "$add stats.c:25", "$add stats.c:26", "$main stats.c:30", "$main stats.c:32",
                "$main stats.c:33", "$main stats.c:37", "$main stats.c:30", "$main stats.c:39",
                "$main stats.c:43"), lines);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        s.stepOver();
        assertEquals("$main stats.c:44", where(s));
        assertEquals("count 2, min 1, max 3, mean 2.00\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stepEntersTheCalleeAtItsFirstLineAndFinishReturnsToTheCaller() throws DebugException {
        DebugSession s = stats("7");
        s.breakAt("stats.c:37", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        int depth = s.backtrace().size();
        StopEvent.StepDone in = expect(StopEvent.StepDone.class, s.stepLine());
        assertEquals("$add stats.c:18", where(in.location()));
        assertEquals(depth + 1, s.backtrace().size());
        s.stepLine();
        assertEquals("$add stats.c:19", where(s));
        StopEvent.StepDone out = expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals(depth, s.backtrace().size());
        // the call ended line 37: the caller resumes at the start of the loop's i++ (line 30)
        assertEquals("$main stats.c:30", where(out.location()));
    }

    @Test
    void theSourceIsFoundNextToTheModuleOrSaidMissing(@TempDir Path elsewhere) throws Exception {
        DebugSession s = stats("3");
        Location at = s.breakAt("stats.c:24", null).locations().get(0);
        SourceText text = s.source(at);
        assertEquals(DIR.resolve("stats.c").toAbsolutePath().normalize(), text.path().toAbsolutePath().normalize());
        assertEquals("    s->sum += value;", text.line(24));
        assertNull(text.warning());

        Path copy = elsewhere.resolve("stats.wasm");
        Files.copy(STATS, copy);
        DebugSession alone = stats(copy, "3");
        Location there = alone.breakAt("stats.c:24", null).locations().get(0);
        assertEquals(at.offset(), there.offset());
        DebugException missing = assertThrows(DebugException.class, () -> alone.source(there));
        assertTrue(missing.getMessage().startsWith("source file stats.c not found (looked for stats.c, "),
                missing.getMessage());
        assertTrue(missing.getMessage().endsWith(elsewhere.resolve("stats.c") + ")"), missing.getMessage());
    }

    @Test
    void aSourceThatIsNotTheOneBuiltIsShownWithAWarningWhenDwarfHasItsMd5(@TempDir Path dir) throws IOException,
            DebugException {
        Files.copy(DIR.resolve("stats-dwarf5.wasm"), dir.resolve("stats-dwarf5.wasm"));
        Files.writeString(dir.resolve("stats.c"), Files.readString(DIR.resolve("stats.c")) + "// edited\n");
        DebugSession s = stats(dir.resolve("stats-dwarf5.wasm"), "3");
        SourceText text = s.source(s.breakAt("stats.c:24", null).locations().get(0));
        assertEquals("    s->sum += value;", text.line(24));
        assertEquals(dir.resolve("stats.c") + " is not the stats.c the module was built from (its MD5 differs)",
                text.warning());
        DebugSession original = stats(DIR.resolve("stats-dwarf5.wasm"), "3");
        assertNull(original.source(original.breakAt("stats.c:24", null).locations().get(0)).warning());
    }

    @Test
    void dwarf5GivesTheSameBreakpointsAndSteps() throws DebugException {
        DebugSession v4 = stats("3");
        DebugSession v5 = stats(DIR.resolve("stats-dwarf5.wasm"), "3");
        for (String spec : List.of("add", "main", "stats.c:20", "stats.c:30", "stats.c:43")) {
            assertEquals(v4.breakAt(spec, null).locations().stream().map(l -> where(l) + " " + l.instruction())
                    .toList(), v5.breakAt(spec, null).locations().stream().map(l -> where(l) + " " + l.instruction())
                    .toList(), spec);
        }
        expect(StopEvent.BreakpointHit.class, v5.run());
        assertEquals("$main stats.c:29", where(v5));
        v5.stepOver();
        assertEquals("$main stats.c:30", where(v5));
    }

    @Test
    void theSourceSummaryNamesTheFileItsCompilerAndDwarfVersion() throws DebugException {
        for (String module : List.of("stats.wasm", "stats-dwarf5.wasm")) {
            DebugSession s = stats(DIR.resolve(module), "3");
            s.breakAt("stats.c:24", null);
            expect(StopEvent.BreakpointHit.class, s.run());
            SourceSummary summary = s.sourceSummary();
            assertEquals(DIR.resolve("stats.c").toAbsolutePath().normalize(), summary.path().toAbsolutePath()
                    .normalize());
            assertEquals(new SourceSummary("stats.c", ".", summary.path(), null, 45, "c",
                    "Debian clang version 14.0.6", module.equals("stats.wasm") ? 4 : 5), summary, module);
        }
    }

    private static List<String> variables(DebugSession s) throws DebugException {
        return s.sourceVariables().stream().map(v -> (v.parameter() ? "param " : "") + v.type() + " " + v.name()
                + " = " + v.value()).toList();
    }

    @Test
    void theVariablesInScopeHaveTheirCTypesAndValues() throws DebugException {
        for (String module : List.of("stats.wasm", "stats-dwarf5.wasm")) {
            DebugSession s = stats(DIR.resolve(module), "3", "1");
            s.breakAt("stats.c:24", null);
            expect(StopEvent.BreakpointHit.class, s.run());
            // add's parameters: the pointer to main's struct, and the value (stored at -O0 in add's frame)
            List<String> add = variables(s);
            assertEquals(2, add.size(), add.toString());
            assertTrue(add.get(0).matches("param struct stats \\* s = 0x[0-9a-f]+"), add.toString());
            assertEquals("param long value = 3", add.get(1));
            String pointer = add.get(0).substring(add.get(0).indexOf("= ") + 2);
            // main: the parameters, then the innermost block's locals first, as gdb lists them
            s.up();
            assertEquals(List.of("param int argc = 3", "param char ** argv = " + variables(s).get(1).substring(
                    "param char ** argv = ".length()), "char * end = " + variables(s).get(2).substring(
                    "char * end = ".length()), "long value = 3", "int i = 1",
                    "struct stats s = {count = 0, min = 3, max = 3, sum = 0}"), variables(s), module);
            assertTrue(variables(s).get(2).endsWith(" \"\""), "end points at the NUL after \"3\": " + variables(s));
            assertEquals(Long.decode(pointer), Long.decode(s.evaluate("local 4").toString().substring(4)) + 64,
                    "s is at the frame base (local 4) + 64, where add's s points");
            // the second time round, the struct has the first value in
            expect(StopEvent.BreakpointHit.class, s.resume());
            s.up();
            assertEquals("struct stats s = {count = 1, min = 1, max = 3, sum = 3}", variables(s).get(5), module);
        }
    }

    @Test
    void variablesOfTheCLibraryFollowTheirLocationLists() throws DebugException {
        // wasi-libc is built with -O2: strtol's parameters live in Wasm locals, found by location lists
        DebugSession s = stats("42");
        s.breakAt("strtol", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        List<String> strtol = variables(s);
        assertEquals("param const char * restrict s = " + strtol.get(0).substring(strtol.get(0).indexOf("0x"),
                strtol.get(0).indexOf(' ', strtol.get(0).indexOf("0x"))) + " \"42\"", strtol.get(0));
        assertEquals("param int base = 10", strtol.get(2));
    }
}
