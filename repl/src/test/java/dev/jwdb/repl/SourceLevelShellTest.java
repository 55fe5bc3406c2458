package dev.jwdb.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell on a binary with DWARF: C lines at stops and in list, and one-line notes when DWARF or sources fail. */
class SourceLevelShellTest {
    private static final String STATS = ShellSession.sample("debug-info/stats.wasm");

    private static long count(String text, String part) {
        return Arrays.stream(text.split("\n")).filter(l -> l.contains(part)).count();
    }

    @Test
    void aStopShowsTheCLineAndFrameAndListShowTheSource() {
        ShellSession.Transcript t = ShellSession.run(STATS, List.of("5"), false, "break stats.c:37", "run", "frame 0", "list");
        String text = t.text();
        assertTrue(text.contains("Breakpoint 2, main+0x176 (stats.c:37)\n=>   37          add(&s, value);\n"),
                text);
        assertTrue(text.contains("#0  main+0x176 (stats.c:37)  local.get 4\n=>   37          add(&s, value);\n"),
                text);
        assertTrue(text.contains("     32          long value = strtol(argv[i], &end, 10);\n"), text);
        assertEquals(0, t.status(), t.toString());
    }

    @Test
    void infoLocalsAndPrintShowTheCVariablesAndInfoWasmLocalsTheWasmOnes() {
        ShellSession.Transcript t = ShellSession.run(STATS, List.of("3", "1"), false, "break stats.c:24", "run",
                "continue", "info locals", "print value", "up", "print s", "print i + 1", "info wasm-locals");
        String text = t.text();
        assertTrue(text.contains("info locals\ns = 0x"), text);
        assertTrue(text.contains("\nvalue = 1\n(jwdb add+0xe5) print value\n1\n"), text);
        assertTrue(text.contains("print s\n{count = 1, min = 1, max = 3, sum = 3}\n"), text);
        assertTrue(text.contains("print i + 1\n3\n"), "a C expression over main's i (2): " + text);
        assertTrue(text.contains("info wasm-locals\nlocal 0 = i32:"), text);
    }

    @Test
    void infoSourceSaysWhereTheFileWasFoundAndWhatBuiltIt() {
        String text = ShellSession.run(STATS, List.of("5"), false, "info source", "break strtol", "break stats.c:24",
                "run", "info source", "continue", "info source", "frame 2", "info source").text();
        assertTrue(text.contains("(jwdb) info source\nerror: no frames: the program is not stopped"), text);
        assertTrue(text.contains("(jwdb strtol+0x12) info source\nCurrent source file is"
                + " libc-top-half/musl/src/stdlib/strtol.c\nCompilation directory is .\nNot found: source file"
                + " libc-top-half/musl/src/stdlib/strtol.c not found (looked for "), text);
        assertTrue(text.contains("(jwdb add+0xe5) info source\nCurrent source file is stats.c\nCompilation directory"
                + " is .\nLocated in " + Path.of(STATS).resolveSibling("stats.c") + "\nContains 45 lines.\nSource"
                + " language is c.\nProducer is Debian clang version 14.0.6.\nCompiled with DWARF 4 debugging"
                + " format.\n"), text);
        assertTrue(text.contains("info source\nerror: no source file: $__main_void has no source lines here\n"),
                text);
        String wat = ShellSession.run(ShellSession.sample("wat/fib.wat"), "break $fib", "invoke fib 2", "info source")
                .text();
        assertTrue(wat.endsWith("info source\nCurrent source file is " + ShellSession.sample("wat/fib.wat")
                + "\nLocated in " + ShellSession.sample("wat/fib.wat") + "\nContains 26 lines.\nSource language is"
                + " WebAssembly text.\n"), wat);
    }

    @Test
    void aMissingSourceIsSaidOnceAndWatShownInstead(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("stats.wasm");
        Files.copy(Path.of(STATS), copy);
        ShellSession.Transcript t = ShellSession.run(copy.toString(), List.of("5", "6"), false, "break stats.c:24", "run", "continue", "list");
        String text = t.text();
        assertEquals(1, count(text, "note: source file stats.c not found"), text);
        assertTrue(text.contains("; showing WAT\n"), text);
        assertTrue(text.contains("Breakpoint 2, add+0xe5 (stats.c:24)\n"), text);
        assertTrue(text.contains("=> 0x0005a3  local.get 4\n"), "the WAT around the stop: " + text);
    }

    @Test
    void unreadableDwarfIsOneNoteAndTheModuleStillDebugs(@TempDir Path dir) throws Exception {
        byte[] wasm = Files.readAllBytes(Path.of(STATS));
        // the first .debug_line unit's version (after the section's name and the unit's 32-bit length) becomes 9
        byte[] name = ".debug_line".getBytes();
        int at = indexOf(wasm, name) + name.length + 4;
        wasm[at] = 9;
        Path bad = dir.resolve("stats.wasm");
        Files.write(bad, wasm);
        String note = "note: ignoring .debug_line: .debug_line at 0x6: unsupported line table version 9 (jwdb reads"
                + " versions 2 to 5) (debugging at the Wasm level)\n";
        ShellSession.Transcript t = ShellSession.run(bad.toString(), List.of("5"), false, "break add", "run", "bt");
        String text = t.text();
        assertEquals(1, count(text, "note: "), text);
        assertTrue(text.startsWith(note), text);
        assertTrue(text.contains("Breakpoint 2, add+0x0\n=> 0x0004be  global.get $__stack_pointer\n"), text);
        assertTrue(text.contains("* #0  add+0x0  global.get $__stack_pointer\n  #1  main+0x191  call $add\n"),
                text);
        ShellSession.Transcript loaded = ShellSession.run(null, "load " + bad);
        assertTrue(loaded.text().contains("exports _start\n" + note), loaded.text());
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
