package dev.jwdb.repl;

import dev.jwdb.debugger.DebugSession;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.Shell;
import dev.jwdb.repl.shell.ShellCompleter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C expressions in the shell, on samples/debug-info/stats.wasm: print, print/x, x, conditions of break, and the
 * completion of source files and C variables.
 */
class SourceExpressionShellTest {
    private static final String STATS = ShellSession.sample("debug-info/stats.wasm");

    private static String run(String... commands) {
        return ShellSession.run(STATS, List.of("3", "1", "4"), false, commands).text();
    }

    @Test
    void printReadsCExpressionsAndShowsThemByTheirTypes() {
        String text = run("break stats.c:24", "run", "print s->min", "print *s", "print/x *s", "print value * 2 + 1",
                "up", "print s.max - s.min", "print argv[1]", "print/x argv[1][0]", "x/4dw &s", "x/s argv[2]");
        assertTrue(text.contains("print s->min\n3\n"), text);
        assertTrue(text.contains("print *s\n{count = 0, min = 3, max = 3, sum = 0}\n"), text);
        assertTrue(text.contains("print/x *s\n{count = 0x0, min = 0x3, max = 0x3, sum = 0x0}\n"), text);
        assertTrue(text.contains("print value * 2 + 1\n7\n"), text);
        assertTrue(text.contains("print s.max - s.min\n0\n"), text);
        assertTrue(text.matches("(?s).*print argv\\[1\\]\n0x[0-9a-f]+ \"3\"\n.*"), text);
        assertTrue(text.contains("print/x argv[1][0]\n0x33\n"), text);
        assertTrue(text.contains("x/4dw &s\n0x000115b0:  0  3  3  0\n"), text);
        assertTrue(text.matches("(?s).*x/s argv\\[2\\]\n0x[0-9a-f]{8}:  \"1\"\n.*"), text);
    }

    @Test
    void aBadPointerOrAMisuseIsOneErrorLineNamingPrint() {
        String text = run("break stats.c:24", "run", "print *(int *)0xfffffff0", "print value->min", "print s.min",
                "print/i32x4 value", "x/4dw *s", "print s->min");
        assertTrue(text.contains("print *(int *)0xfffffff0\nerror: print: cannot read 4 bytes at 0xfffffff0 (outside"
                + " memory)\n"), text);
        assertTrue(text.contains("print value->min\nerror: print: -> needs a pointer to a struct, value is long\n"),
                text);
        assertTrue(text.contains("print s.min\nerror: print: . needs a struct or union, s is struct stats * (use"
                + " s->min)\n"), text);
        assertTrue(text.contains("print/i32x4 value\nerror: print/i32x4: lane shapes are for Wasm v128 values;"
                + " value is C\n"), text);
        assertTrue(text.contains("x/4dw *s\nerror: x: *s is struct stats, not an address (&*s is where it is)\n"),
                text);
        assertTrue(text.endsWith("print s->min\n3\n"), "the session goes on: " + text);
    }

    @Test
    void theWasmFormsStillPrintTypedWasmValues() {
        String text = run("break stats.c:24", "run", "print local 1", "print $__stack_pointer > 0", "x/4dw local 0",
                "print/x i32[local 0 + 4]");
        assertTrue(text.contains("print local 1\ni32:"), text);
        assertTrue(text.contains("print $__stack_pointer > 0\ni32:1\n"), text);
        assertTrue(text.contains("x/4dw local 0\n0x000115b0:  0  3  3  0\n"), text);
        assertTrue(text.contains("print/x i32[local 0 + 4]\ni32:0x3\n"), text);
    }

    @Test
    void breakpointConditionsInCStopWhereTheyHoldAndABadOneSaysWhy() {
        String text = run("break stats.c:24 if value > 3", "break stats.c:25 if vlue == 1",
                "break stats.c:25 if *(long *)(value - 4) == 1", "info break", "run", "print value", "continue",
                "print value");
        assertTrue(text.contains("Breakpoint 2 at add+0xe5 (stats.c:24) if value > 3\n"), text);
        assertTrue(text.contains("break stats.c:25 if vlue == 1\nerror: no variable \"vlue\" in scope at"
                + " stats.c:25\n"), text);
        assertTrue(text.contains("at add+0x108 (stats.c:25) if *(long *)(value - 4) == 1\n"), text);
        // the refused one took no number; the first stop: breakpoint 3's condition cannot read its memory (3 - 4 is
        // 0xffffffff), so it stops and says so; value 3 does not stop breakpoint 2
        assertTrue(text.contains("run\nthe condition of breakpoint 3 (*(long *)(value - 4) == 1) could not be"
                + " evaluated: cannot read 4 bytes at 0xffffffff (outside memory)\nBreakpoint 3, add+0x108"
                + " (stats.c:25)\n"), text);
        assertTrue(text.contains("print value\n3\n(jwdb add+0x108) continue\n"), text);
        // value 1: breakpoint 3 reads memory at 0xfffffffd, and stops again; value 4 stops breakpoint 2
        assertEquals(2, text.split("could not be evaluated").length - 1, text);
    }

    @Test
    void tabCompletesSourceFilesAfterBreakAndCVariablesAfterPrint() {
        ShellSession.Open open = ShellSession.open(STATS);
        Shell shell = open.shell();
        DebugSession session = open.session();
        ShellCompleter completer = open.completer();
        List<Completion> stats = completer.complete("break sta");
        assertEquals(List.of(new Completion("stats.c:", false)), stats, "the cursor stays for the line number");
        List<String> strtol = completer.complete("break strto").stream().map(Completion::value).toList();
        assertTrue(strtol.containsAll(List.of("strtol.c:", "strtol")), strtol.toString());
        assertTrue(completer.complete("break libc-top-half/musl/src/stdlib/strt").stream().map(Completion::value)
                .toList().contains("libc-top-half/musl/src/stdlib/strtol.c:"), "by its recorded path too");
        session.arguments(List.of("stats.wasm", "3"));
        assertTrue(shell.execute("break stats.c:24"));
        assertTrue(shell.execute("run"));
        assertEquals(List.of("value"), completer.complete("print va").stream().map(Completion::value).toList());
        assertEquals(List.of("value"), completer.complete("break stats.c:25 if va").stream().map(Completion::value)
                .toList());
    }

    @Test
    void helpPrintDescribesTheCLanguageAndWhenTheWasmOneApplies() {
        String text = ShellSession.run(null, "help print").text();
        assertTrue(text.contains("In a binary with DWARF (-g), EXPR is C"), text);
        assertTrue(text.contains("Otherwise, and whenever it uses these forms, EXPR is Wasm-level"), text);
        assertFalse(text.contains("print NAME shows the source variable"), "the old one-name form is gone: " + text);
    }
}
