package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Source-level debugging of a Rust program: samples/debug-info-rust/scores.wasm (scores.rs built with rustc -g -C
 * opt-level=0, with its own crate's DWARF only). Rust functions are named by their paths, and values are shown as
 * Rust's {@code {:?}} shows them.
 */
class RustSourceLevelTest {
    static final Path DIR = Path.of("..", "samples", "debug-info-rust");
    static final Path SCORES = DIR.resolve("scores.wasm");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private DebugSession scores(String... args) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]), stdout,
                new ByteArrayOutputStream()));
        s.load(SCORES);
        List<String> argv = new ArrayList<>(List.of("scores.wasm"));
        argv.addAll(List.of(args));
        s.arguments(argv);
        return s;
    }

    /** {@code scores::total scores.rs:39}: a location by Rust path and line. */
    private static String where(Location l) {
        String name = l.function().startsWith("$") ? l.function().substring(1) : l.function();
        return RustSymbols.demangle(name) + " " + l.source() + ":" + l.line();
    }

    private static String where(DebugSession s) throws DebugException {
        return where(s.selectedFrame().location());
    }

    /** {@code name = value} of each variable in scope, parameters first. */
    private static List<String> variables(DebugSession s) throws DebugException {
        return s.sourceVariables().stream().map(v -> v.name() + " = " + v.value()).toList();
    }

    private static String variable(DebugSession s, String name) throws DebugException {
        for (SourceVariable v : s.sourceVariables()) {
            if (v.name().equals(name)) {
                return v.type() + " " + v.name() + " = " + v.value();
            }
        }
        throw new AssertionError("no variable " + name + " in " + variables(s));
    }

    @Test
    void aBreakpointOnARustLineStopsThereWithTheCallersInTheBacktrace() throws DebugException {
        DebugSession s = scores("hello", "a");
        assertTrue(s.sourceLevel());
        assertEquals(List.of(), s.loadNotes());
        StopPoint.Breakpoint b = s.breakAt("scores.rs:22", null);
        assertEquals(List.of("scores::score scores.rs:22"), b.locations().stream().map(RustSourceLevelTest::where)
                .toList());
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("scores::score scores.rs:22", where(s));
        List<Frame> bt = s.backtrace();
        assertEquals("scores::main scores.rs:58", where(bt.get(1).location()));
        // main is called by the runtime, whose line tables come with the crate's generic code (not its sources)
        assertTrue(bt.get(2).location().source().startsWith("/usr/src/rustc-"), where(bt.get(2).location()));
        s.delete(b.id());
        expect(StopEvent.Finished.class, s.resume());
        assertEquals("hello: 52 (high, 5 letters)\na: 1 (low)\ntotal 53, best \"hello\" with 52\n",
                stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void functionsAreNamedByTheirPathOrItsEnd() throws DebugException {
        DebugSession s = scores("hello");
        assertEquals(List.of("scores::total scores.rs:39"), s.breakAt("total", null).locations().stream()
                .map(RustSourceLevelTest::where).toList());
        assertEquals(s.breakAt("total", null).locations(), s.breakAt("scores::total", null).locations());
        assertEquals(s.breakAt("total", null).locations(), s.breakAt("_ZN6scores5total17h9732aab34b6ee876E", null)
                .locations(), "the symbol itself");
        assertThrows(DebugException.class, () -> s.breakAt("otal", null), "a name ends at a ::");
        // a line alone is a line of the program's main: the C main that rustc generates has no lines
        assertEquals(List.of("scores::main scores.rs:64"), s.breakAt("64", null).locations().stream()
                .map(RustSourceLevelTest::where).toList());
        // break main stops in both mains, as gdb's does; the program's has the lines
        assertEquals("scores::main scores.rs:55", where(s.breakAt("main", null).locations().get(0)));
        // several instances of a generic function: a breakpoint in each, one of them alone cannot be chosen
        assertEquals(5, s.breakAt("deref", null).locations().size());
        DebugException which = assertThrows(DebugException.class, () -> s.disassemble("deref"));
        assertTrue(which.getMessage().startsWith("\"deref\" names 5 functions: <alloc::vec::Vec<T,A> as "
                + "core::ops::deref::Deref>::deref, "), which.getMessage());
        assertTrue(s.disassemble("grade").function().function().contains("grade"));
    }

    @Test
    void nextGoesRoundTheLoopAndStepEntersTheCalleeAtItsFirstLine() throws DebugException {
        DebugSession s = scores("ab");
        s.breakAt("score", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        s.delete(s.stopPoints().get(s.stopPoints().size() - 1).id());
        List<String> lines = new ArrayList<>();
        List<String> atLastLetter = List.of();
        for (int i = 0; i < 9; i++) {
            lines.add(where(s));
            if (i == 8) {
                atLastLetter = variables(s);
            }
            expect(StopEvent.StepDone.class, s.stepOver());
        }
        lines.add(where(s));
        // the chars() iterator is stepped over; each letter goes through the if and the addition and back to the
        // closing brace of the if (21); the loop's end goes to the function's (26): total, on line 25, has no code
        // of its own
        assertEquals(List.of("scores::score scores.rs:19", "scores::score scores.rs:20", "scores::score scores.rs:21",
                "scores::score scores.rs:22", "scores::score scores.rs:21", "scores::score scores.rs:20",
                "scores::score scores.rs:21", "scores::score scores.rs:22", "scores::score scores.rs:21",
                "scores::score scores.rs:26"), lines);
        assertEquals(List.of("text = \"ab\"", "c = 'b'", "iter = Chars { iter: Iter { ptr: NonNull { pointer: "
                + atLastLetter.get(2).substring(atLastLetter.get(2).indexOf("0x")), "total = 3"), atLastLetter);
        // the code of line 26 lies outside the block where total lives
        assertEquals(List.of("text = \"ab\""), variables(s));
        // back in main, mid-line 58 after the call: on to the next line; then into describe (the first call on
        // line 60) and out again
        expect(StopEvent.StepDone.class, s.stepOver());
        assertEquals("scores::main scores.rs:59", where(s));
        s.stepOver();
        assertEquals("scores::main scores.rs:60", where(s));
        int depth = s.backtrace().size();
        expect(StopEvent.StepDone.class, s.stepLine());
        assertEquals("scores::describe scores.rs:47", where(s));
        assertEquals(depth + 1, s.backtrace().size());
        expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals("scores::main scores.rs:60", where(s));
        assertEquals(depth, s.backtrace().size());
    }

    @Test
    void rustValuesAreShownAsDebugShowsThem() throws DebugException {
        DebugSession s = scores("hello", "a", "Rust");
        s.breakAt("scores.rs:60", null);
        s.breakAt("total", null);
        s.breakAt("scores.rs:72", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        // a String behind a reference, a struct holding a &str and an enum's variant with named fields
        assertEquals("&alloc::string::String arg = &\"hello\"", variable(s, "arg"));
        assertEquals("scores::Word word = Word { text: \"hello\", score: 52, grade: High { score: 52, letters: 5 } }",
                variable(s, "word"));
        assertEquals("alloc::vec::Vec<alloc::string::String, alloc::alloc::Global> args = [\"hello\", \"a\", "
                + "\"Rust\"]", variable(s, "args"));
        assertEquals("alloc::vec::Vec<scores::Word, alloc::alloc::Global> words = []", variable(s, "words"));
        // a structure rustc describes and this does not know: by its fields
        assertTrue(variable(s, "iter").matches("core::slice::iter::Iter<alloc::string::String> iter = Iter \\{ "
                + "ptr: NonNull \\{ pointer: 0x[0-9a-f]+ }, end: 0x[0-9a-f]+, _marker: PhantomData }"),
                variable(s, "iter"));
        expect(StopEvent.BreakpointHit.class, s.resume());
        assertEquals("scores::Word word = Word { text: \"a\", score: 1, grade: Low(1) }", variable(s, "word"));
        assertEquals("alloc::vec::Vec<scores::Word, alloc::alloc::Global> words = [Word { text: \"hello\", "
                + "score: 52, grade: High { score: 52, letters: 5 } }]", variable(s, "words"));
        expect(StopEvent.BreakpointHit.class, s.resume());
        expect(StopEvent.BreakpointHit.class, s.resume());
        // a slice
        assertEquals(List.of("&[u32] scores = [52, 1, 78]"), List.of(variable(s, "scores")));
        expect(StopEvent.BreakpointHit.class, s.resume());
        // an Option whose None is the null reference (the discriminant in a niche; Some is the default variant)
        assertEquals("core::option::Option<&scores::Word> best = Some(&Word { text: \"Rust\", score: 78, grade: "
                + "High { score: 78, letters: 4 } })", variable(s, "best"));
        assertEquals("u32 sum = 131", variable(s, "sum"));
    }

    @Test
    void charsAndNoneAndAFunctionWithNothingInScopeYet() throws DebugException {
        DebugSession s = scores("hi");
        s.breakAt("scores.rs:21", null);
        s.breakAt("scores.rs:66", null);
        s.breakAt("scores::main", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("scores::main scores.rs:55", where(s));
        assertEquals(List.of(), s.sourceVariables(), "no let has run yet");
        assertTrue(s.sourceFunction(), "but DWARF describes main: there is just nothing in scope");
        expect(StopEvent.BreakpointHit.class, s.resume());
        assertEquals("char c = 'h'", variable(s, "c"));
        assertEquals("&str text = \"hi\"", variable(s, "text"));
        expect(StopEvent.BreakpointHit.class, s.resume());
        expect(StopEvent.BreakpointHit.class, s.resume());
        assertEquals("core::option::Option<&scores::Word> best = None", variable(s, "best"));
    }

    @Test
    void aStructurePassedByReferenceIsFoundThroughTheLocalThatHoldsItsAddress() throws DebugException {
        // finish_grow's current_memory (an Option of a tuple, 12 bytes) arrives as a pointer in local 3, and its
        // DWARF location names that local
        DebugSession s = scores("hello");
        s.breakAt("alloc::raw_vec::finish_grow", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        assertTrue(s.sourceFunction());
        assertEquals(List.of("new_layout = Ok(Layout { size: 96, align: ValidAlign(_Align1Shl2) })",
                "current_memory = None", "alloc = &mut Global"), variables(s));
    }

    @Test
    void codeWithoutDwarfIsNoSourceFunction() throws DebugException {
        // the standard library was linked without its DWARF: its _print is debugged at the Wasm level
        DebugSession s = scores("hello");
        StopPoint.Breakpoint b = s.breakAt("std::io::stdio::_print", null);
        assertFalse(b.locations().get(0).hasLine());
        expect(StopEvent.BreakpointHit.class, s.run());
        assertFalse(s.sourceFunction());
        assertEquals(List.of(), s.sourceVariables());
        s.up();
        assertTrue(s.sourceFunction(), "main, which called it");
    }

    /**
     * Random damage to the Rust sample's .debug_info, .debug_abbrev and .debug_str (enums' variant parts, namespaces,
     * template parameters read from them): loading, breakpoints, steps and variables answer or refuse with a
     * {@link DebugException}, never anything else.
     */
    @Test
    void damagedRustDwarfNeverBreaksAnything() throws Exception {
        Random random = new Random(11);
        byte[] wasm = Files.readAllBytes(SCORES);
        List<String> sections = List.of(".debug_info", ".debug_abbrev", ".debug_str", ".debug_line");
        for (int i = 0; i < 30; i++) {
            String name = sections.get(random.nextInt(sections.size()));
            byte[] damaged = CorruptDwarfTest.withSection(wasm, name, c -> {
                for (int n = 1 + random.nextInt(16); n > 0; n--) {
                    c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                }
                return c;
            });
            String what = "iteration " + i + ", " + name;
            try {
                DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]),
                        new ByteArrayOutputStream(), new ByteArrayOutputStream()));
                s.load(SCORES.toString(), damaged);
                s.arguments(List.of("scores.wasm", "hello", "a"));
                for (String spec : List.of("scores.rs:60", "score", "scores.rs:72")) {
                    try {
                        s.breakAt(spec, null);
                    } catch (DebugException e) {
                        // refused: fine
                    }
                }
                StopEvent e = s.run();
                for (int steps = 0; steps < 6 && (e instanceof StopEvent.BreakpointHit
                        || e instanceof StopEvent.StepDone); steps++) {
                    s.backtrace();
                    try {
                        s.sourceVariables();
                        s.sourceFunction();
                    } catch (DebugException refused) {
                        // said why: fine
                    }
                    e = steps % 2 == 0 ? s.stepLine() : s.resume();
                }
            } catch (DebugException e) {
                fail(what + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                fail(what + ": " + e, e);
            }
        }
    }
}
