package dev.jwdb.repl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell on a Rust program with DWARF (samples/debug-info-rust/scores.wasm): paths, Rust lines and values. */
class RustShellTest {
    private static final String SCORES = ShellSession.sample("debug-info-rust/scores.wasm");

    @Test
    void rustFunctionsByPathAndValuesAsDebugShowsThem() {
        ShellSession.Transcript t = ShellSession.run(SCORES, List.of("hello"), false, "break describe", "run",
                "bt", "info locals", "print word", "up", "info locals");
        String text = t.text();
        assertTrue(text.contains("Breakpoint 2 at scores::describe+0x24 (scores.rs:47)\n"), text);
        assertTrue(text.contains("\n* #0  scores::describe+0x24 (scores.rs:47)  "), text);
        assertTrue(text.contains("\n  #1  scores::main+0x2a1 (scores.rs:60)  call $_ZN6scores8describe"), text);
        assertTrue(text.contains("info locals\nword = &Word { text: \"hello\", score: 52, grade: High { score: 52, "
                + "letters: 5 } }\n"), text);
        assertTrue(text.contains("print word\n&Word { text: \"hello\", "), text);
        assertTrue(text.contains("\nargs = [\"hello\"]\n"), text);
        assertEquals(0, t.status(), t.toString());
    }

    @Test
    void nothingInScopeIsSaidRatherThanTheWasmLocalsListed() {
        ShellSession.Transcript t = ShellSession.run(SCORES, List.of(), false, "break scores::main", "run",
                "info locals", "next", "info locals");
        String text = t.text();
        assertTrue(text.contains("info locals\nno variables in scope here (info wasm-locals lists the Wasm "
                + "locals)\n"), text);
        assertTrue(text.contains("info locals\nargs = []\n"), text);
    }

    @Test
    void functionNamesCompleteByTheirRustPaths() {
        List<String> offered = ShellSession.open(SCORES).completer().complete("break scores::")
                .stream().map(c -> c.value()).toList();
        assertEquals(List.of("scores::describe", "scores::grade", "scores::main", "scores::main::{{closure}}",
                "scores::score", "scores::total"), offered.stream().sorted().toList());
    }
}
