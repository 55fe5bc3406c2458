package dev.jwdb.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.repl.shell.ScriptConsole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, acceptance 1 and 5: every shell command through a scripted console, with its error paths; bad input of
 * many kinds gives one {@code error:} line each and the session keeps its state.
 */
class ShellTest {
    private static final String FIB = ShellSession.sample("wat/fib.wat");
    private static final String STRINGS = ShellSession.sample("wat/strings.wat");
    private static final String TABLE = ShellSession.sample("wat/table.wat");

    private static void contains(ShellSession.Transcript t, String... expected) {
        for (String e : expected) {
            assertTrue(t.text().contains(e), "missing \"" + e + "\" in:\n" + t);
        }
        assertFalse(t.text().contains("Exception"), t.toString());
        assertFalse(t.text().contains("\tat "), t.toString());
    }

    @Test
    void theReplWithoutAProgramInvokesDefinesAndEvaluates() {
        ShellSession.Transcript t = ShellSession.run(null,
                "invoke fib 10",
                "load " + FIB,
                "invoke fib 10",
                "(module (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))",
                "invoke add 2 40",
                "(i32.add (i32.const 1) (i32.const 2))",
                "(f64.mul (f64.const 1.5) (f64.const 2)) (i64.const 7)",
                "(i32.div_s (i32.const 1) (i32.const 0))",
                "wat (module (func (export \"one\") (result i32) (i32.const 1)))",
                "invoke one");
        contains(t, "(jwdb) invoke fib 10\nerror: no module loaded",
                "loaded " + FIB + ": 2 functions; exports fib, fib_iter",
                "(jwdb) invoke fib 10\ni32:55",
                "loaded input-1.wat: 1 function; exports add",
                "(jwdb) invoke add 2 40\ni32:42",
                "(i32.add (i32.const 1) (i32.const 2))\ni32:3",
                "f64:3.0\ni64:7",
                "error: trap: integer divide by zero",
                "loaded input-2.wat", "(jwdb) invoke one\ni32:1");
    }

    @Test
    void aModuleTypedOverSeveralLinesIsDefinedWhenItsParenthesesBalance() {
        ShellSession.Transcript t = ShellSession.run(null, "(module", "  (func (export \"two\") (result i32)",
                "    (i32.const 2)))", "invoke two");
        contains(t, "(jwdb) (module\n......   (func (export \"two\") (result i32)\n......     (i32.const 2)))\n"
                + "loaded input-1.wat", "i32:2");
    }

    @Test
    void breakpointsSteppingAndFrames() {
        ShellSession.Transcript t = ShellSession.run(STRINGS,
                "break strlen", "info break", "invoke strlen 0x100", "bt", "info locals", "stepi", "step", "next",
                "info stack", "frame 0", "list", "disas", "disable 2", "enable 2", "finish");
        contains(t, "Breakpoint 2 at strlen+0x0 (" + STRINGS + ":13)",
                "1    catch       y    0     denied",
                "2    breakpoint  y    0     at strlen+0x0",
                "Breakpoint 2, strlen+0x0",
                "=> 0x00004c  block",
                "* #0  strlen+0x0",
                "$ptr = i32:256\n$len = i32:0",
                "(jwdb strlen+0x0) stepi\nstrlen+0x2",
                "(jwdb strlen+0x2) step\nstrlen+0x4",
                "(jwdb strlen+0x4) next\nstrlen+0xf",
                "=>   16          (local.set $len",
                "(func $strlen (type 0) (param $ptr i32) (result i32)",
                "disabled 2", "enabled 2",
                "(jwdb strlen+0xf) finish\ni32:19");
    }

    @Test
    void anEmptyLineRepeatsTheLastStepWhenTyped() {
        ShellSession.Transcript t = ShellSession.run(STRINGS, true, "break strlen", "invoke strlen 0x100", "stepi",
                "", "");
        contains(t, "(jwdb strlen+0x2)\nstrlen+0x4", "(jwdb strlen+0x4)\nstrlen+0x6");
    }

    @Test
    void conditionalBreakpointsAndUpDown() {
        ShellSession.Transcript t = ShellSession.run(FIB, "break $fib if $n == 2", "invoke fib 4", "print $n",
                "bt", "up", "print $n", "down", "delete 2", "continue");
        contains(t, "if $n == 2", "(jwdb fib+0x0) print $n\ni32:2", "#2  fib+", "(jwdb fib+0x0) up\n#1  fib+",
                "(jwdb fib+0x0) print $n\ni32:3", "deleted 2", "(jwdb fib+0x0) continue\ni32:3");
    }

    @Test
    void memoryGlobalsTablesAndWatchpoints() {
        ShellSession.Transcript t = ShellSession.run(STRINGS, "break upcase", "invoke upcase 0x120",
                "x/s $ptr", "x/8xb 0x120", "x/2dw 0x200", "x/2c 0x100", "print/x $ptr", "set local $ptr = 0x100",
                "info locals", "set local 0 0x100", "set mem 0x300 i32 42", "x/1dw 0x300", "info memory", "info globals", "info tables",
                "watch 0x101:1", "delete 2", "continue");
        contains(t, "0x00000120:  \"jwdb reads memory\"",
                "0x00000120:  0x6a  0x77  0x64  0x62  0x20  0x72  0x65  0x61",
                "0x00000200:  256  288", "0x00000100:   72 'H'  101 'e'", "i32:0x120",
                "(jwdb upcase+0x0) set local $ptr = 0x100\n$ptr = i32:256\n", "(jwdb upcase+0x0) info locals\n$ptr = i32:256",
                "(jwdb upcase+0x0) set local 0 0x100\n$ptr = i32:256\n",
                "0x00000300 <- i32 42", "0x00000300:  42", "memory 0: 65536 bytes (1 page of 64 KiB)",
                "no globals", "no tables", "Watchpoint 3: 0x101:1 write", "Watchpoint 3, memory 0x101");
        ShellSession.Transcript tables = ShellSession.run(TABLE, "invoke apply 2 6 7", "info tables", "info functions");
        contains(tables, "i32:42", "table 0: 5 elements", "[0] $add", "[4] null", "4  apply");
    }

    @Test
    void temporaryBreakpointsIgnoreCountsAndConditionsAsGdbHasThem() {
        ShellSession.Transcript t = ShellSession.run(FIB, "tbreak $fib", "break $fib", "ignore 3 2", "info break",
                "invoke fib 4", "info break", "continue", "condition 3 $n == 0", "continue", "condition 3",
                "ignore 9 1", "condition 1");
        contains(t, "(jwdb) tbreak $fib\nTemporary breakpoint 2 at fib+0x0",
                "(jwdb) ignore 3 2\nWill ignore next 2 crossings of breakpoint 3\n",
                "2    tbreakpoint y    0     at fib+0x0",
                "(jwdb) invoke fib 4\nTemporary breakpoint 2, fib+0x0",
                "(jwdb fib+0x0) info break\nNum  Type        Enb  Hits  What\n1    catch       y    0     denied\n"
                        + "3    breakpoint  y    1     at fib+0x0 (", "fib.wat:6); ignores the next 1\n",
                "(jwdb fib+0x0) continue\nBreakpoint 3, fib+0x0",
                "(jwdb fib+0x0) condition 3 $n == 0\nBreakpoint 3 stops if $n == 0\n",
                "(jwdb fib+0x0) condition 3\nBreakpoint 3 now unconditional\n",
                "(jwdb fib+0x0) ignore 9 1\nerror: no breakpoint number 9\n",
                "(jwdb fib+0x0) condition 1\nerror: 1 is not a breakpoint\n");
    }

    @Test
    void displaysAreShownAtEveryStopUntilRemoved() {
        ShellSession.Transcript t = ShellSession.run(FIB, "display $n", "display/x $n * 16", "break $fib if $n == 2",
                "invoke fib 4", "finish", "info display", "undisplay 1", "display nosuch", "display", "undisplay 7",
                "continue", "undisplay", "info display");
        contains(t, "(jwdb) display $n\n1: $n (shown when the program stops)\n",
                "   0x000032  i32.lt_u\n1: $n = i32:2\n2: /x $n * 16 = i32:0x20\n(jwdb fib+0x0) finish",
                "1: $n = i32:3\n2: /x $n * 16 = i32:0x30\n(jwdb fib+0x11) info display\n1: $n\n2: /x $n * 16\n",
                "(jwdb fib+0x11) undisplay 1\nremoved display 1\n",
                "(jwdb fib+0x11) display nosuch\nerror: ",
                "(jwdb fib+0x11) display\n2: /x $n * 16 = i32:0x30\n",
                "(jwdb fib+0x11) undisplay 7\nerror: no display number 7\n",
                "   0x000032  i32.lt_u\n2: /x $n * 16 = i32:0x20\n(jwdb fib+0x0) undisplay\nremoved display 2\n",
                "(jwdb fib+0x0) info display\nno displays\n");
    }

    @Test
    void advanceRunsToALocationOrOutOfTheFrame() {
        ShellSession.Transcript t = ShellSession.run(FIB, "break $fib if $n == 1", "invoke fib 3", "delete 2",
                "advance fib.wat:12", "advance", "info break");
        contains(t, "(jwdb fib+0x0) advance fib.wat:12\nfib+0x11 (", "fib.wat:12)\n",
                "(jwdb fib+0x11) advance\nerror: ",
                "(jwdb fib+0x11) info break\nNum  Type        Enb  Hits  What\n1    catch       y    0     denied\n");
        // nothing but the catch point is left: the advance's breakpoint is gone
        assertTrue(t.text().endsWith("1    catch       y    0     denied\n"), t.toString());
    }

    @Test
    void setEchoesWhatWasWrittenAsInfoShowsIt() {
        ShellSession.Transcript t = ShellSession.run(ShellSession.sample("wat/startup.wat"), "set global $length 0x10",
                "info globals", "set global 0 = -1", "set global $nosuch 1");
        contains(t, "(jwdb) set global $length 0x10\nglobal 0 $length = i32:16\n",
                "global 0 $length (mut) = i32:16", "(jwdb) set global 0 = -1\nglobal 0 $length = i32:-1\n",
                "(jwdb) set global $nosuch 1\nerror: ");
    }

    @Test
    void theStartFunctionRunsUnderTheDebuggerAndStaticDataIsThereBeforeIt() {
        ShellSession.Transcript t = ShellSession.run(null,
                "(module (memory 1) (data (i32.const 16) \"static\")",
                "  (func $check (param i32) (if (i32.eqz (local.get 0)) (then unreachable)))",
                "  (func $init (call $check (i32.load8_u (i32.const 0))))",
                "  (func (export \"_start\")) (start $init))",
                "x/s 16", "break $init", "run", "bt", "continue", "bt");
        contains(t, "; exports _start; start function $init",
                "(jwdb) x/s 16\n0x00000010:  \"static\"",
                "(jwdb) run\nBreakpoint 2, init+0x0",
                "(jwdb init+0x0) bt\n* #0  init+0x0",
                "trap: unreachable\n  at check+",
                "#0  check+", "#1  init+");
    }

    @Test
    void grantsAreShownChangedAndRevoked() {
        ShellSession.Transcript t = ShellSession.run(null, "grants", "grant env GREETING=hello", "grant clock",
                "grant random seed 42", "grant listen 127.0.0.1:8080", "grant connect 10.0.0.0/8:443",
                "grant dir .::/here ro", "revoke stdout", "grants", "revoke env GREETING", "revoke clock",
                "revoke dir /here", "revoke listen 127.0.0.1:8080", "revoke connect 10.0.0.0/8:443", "grant stdout",
                "grants");
        contains(t, "stdout   granted\nstderr   granted\ndir      none\nenv      none\nclock    denied",
                "granted env GREETING", "granted clock (the host's)", "granted random (seeded with 42)",
                "granted listen 127.0.0.1:8080", "granted connect 10.0.0.0/8:443",
                "revoked stdout", "stdout   denied", "env      GREETING=hello", "random   granted (seeded with 42)",
                "listen   127.0.0.1:8080", "revoked env GREETING", "revoked dir /here",
                "revoked listen 127.0.0.1:8080", "revoked connect 10.0.0.0/8:443", "granted stdout");
        assertTrue(t.text().endsWith("clock    denied\nrandom   granted (seeded with 42)\nlisten   none\nconnect  none\n"),
                t.toString());
    }

    @Test
    void catchPointsTraceAndTheEventLog() {
        String logger = ShellSession.sample("logger/logger-rust.wasm");
        ShellSession.Transcript t = ShellSession.run(logger, "catch wasi path_open", "trace wasi on", "run",
                "continue", "trace wasi off", "log denied", "log path_open", "kill", "catch trap", "info break");
        contains(t, "Catchpoint 2: WASI path_open", "tracing WASI calls", "wasi: environ_sizes_get(",
                "Catchpoint: WASI call path_open(", "denied path_open \"/logs/app.log\" (create, write): no grant "
                        + "covers /logs", "fix   grant dir HOST::/logs, then retry", "not tracing WASI calls",
                "denied path_open \"/logs/app.log\" (create, write): no grant covers /logs; grant dir HOST::/logs",
                "run ended", "Catchpoint 3: traps", "3    catch       y    0     trap");
    }

    @Test
    void aReadDenialSuggestsAReadOnlyGrantWhichTheRetryIsServedBy() {
        String files = ShellSession.sample("files/files.wasm");
        ShellSession.Transcript t = ShellSession.run(files, "run", "grant dir ../samples/files/config::/config ro",
                "grants", "retry", "continue", "log");
        contains(t, "denied path_open \"/config/settings.conf\" (read): no grant covers /config\n",
                "fix   grant dir HOST::/config ro, then retry",
                "granted dir ../samples/files/config as /config (read-only)",
                "dir      /config -> ../samples/files/config (read-only)",
                "allowed path_open \"/config/settings.conf\" (read)",
                "denied path_open \"/out/report.txt\" (create, write): no grant covers /out\n",
                "fix   grant dir HOST::/out, then retry",
                "denied path_open \"/config/settings.conf\" (read): no grant covers /config; grant dir "
                        + "HOST::/config ro\n");
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        ShellSession.Transcript t = ShellSession.run(null, "help", "help break", "help c", "h x");
        for (String name : List.of("run, r", "continue, c", "kill", "step, s", "next, n", "stepi, si", "finish",
                "break, b", "delete, d", "enable", "disable", "watch", "catch", "bt, backtrace, where", "frame, f",
                "up", "down", "info, i", "x ", "print, p", "set", "list, l", "disas", "grants", "grant", "revoke",
                "retry", "trace", "log", "invoke, call", "load", "wat", "help", "quit, q, exit")) {
            assertTrue(t.text().contains("\n  " + name), name + " not in help:\n" + t);
        }
        contains(t, "usage: break FUNC|$id|@OFFSET|FILE:LINE|LINE [if COND]", "usage: continue\nResume",
                "usage: x/NFU ADDR");
    }

    @Test
    void quitEndsTheSessionBeforeTheRestOfTheScript() {
        ShellSession.Transcript t = ShellSession.run(null, "quit", "help");
        assertEquals("(jwdb) quit\n", t.text());
    }

    /** Acceptance 5: each bad input gives exactly one error line, and the stopped session is still there after. */
    @Test
    void badInputGivesOneClearLineAndTheSessionGoesOn() {
        List<String> bad = List.of("frobnicate", "contnue", "info", "info bogus", "break", "break nosuch",
                "break @0x99999", "break fib when", "delete 77", "delete x", "enable 42", "watch", "watch zz",
                "watch 0x10:0", "watch 16 sideways", "watch global nosuch", "catch", "catch everything", "x",
                "x/4q 0", "x/0xw 0", "x/4xw 99999999", "print", "print 1 +", "print $nosuch", "print/z 1", "set",
                "set local $nosuch 5", "set global nosuch 1", "set mem 0 i99 1", "set mem 0 i32 abc",
                "disas nosuch", "grant", "grant wishes", "grant dir /no/such/dir::/x", "grant env =x",
                "grant listen nonsense", "revoke dir /nothing", "revoke env NOPE", "retry", "trace",
                "trace wasi maybe", "invoke", "invoke nosuch", "invoke fib", "invoke fib abc", "invoke fib 1 2",
                "load", "load /no/such.wasm", "(i32.add (i32.const 1))", "(i32.ad (i32.const 1) (i32.const 2))",
                "(module (func (result i32)))", ")", "wat", "help nosuch", "frame 99", "down", "step -1", "step 2 3",
                "grant env \"unterminated", "kill now", "quit now");
        List<String> commands = new ArrayList<>(List.of("break $fib if $n == 2", "invoke fib 3"));
        commands.addAll(bad);
        commands.addAll(List.of("print $n", "bt"));
        ShellSession.Transcript t = ShellSession.run(FIB, commands.toArray(new String[0]));
        List<String> lines = t.text().lines().toList();
        for (String input : bad) {
            int at = lines.indexOf("(jwdb fib+0x0) " + input);
            assertTrue(at >= 0, input + " not echoed:\n" + t);
            String next = lines.get(at + 1);
            assertTrue(next.startsWith("error: ") && !lines.get(at + 2).startsWith("error"),
                    input + " -> " + next + "\n" + t);
            assertFalse(next.contains("Exception"), next);
        }
        assertTrue(bad.size() >= 30);
        contains(t, "(jwdb fib+0x0) print $n\ni32:2", "(jwdb fib+0x0) bt\n* #0  fib+0x0");
        assertEquals(Exit.FAILED, t.status());
    }

    @Test
    void commandsBeforeAnythingIsLoadedOrRunningSayWhatToDo() {
        ShellSession.Transcript t = ShellSession.run(null, "run", "continue", "step", "bt", "info locals",
                "list", "x/4xw 0", "log");
        contains(t, "(jwdb) run\nerror: no module loaded (load FILE, or type a (module ...))",
                "(jwdb) continue\nerror: no module loaded", "(jwdb) bt\nerror: no module loaded");
    }

    @Test
    void completionOffersCommandsFunctionsLocalsGrantKindsAndPaths() {
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        ScriptConsole console = new ScriptConsole(List.of(), out, false, false);
        dev.jwdb.repl.shell.GuestOutput guest = new dev.jwdb.repl.shell.GuestOutput(out, "stdout| ");
        dev.jwdb.debugger.DebugSession session = new dev.jwdb.debugger.DebugSession(
                new dev.jwdb.engine.wasi.GuestStdio(java.io.InputStream.nullInputStream(), guest, guest));
        dev.jwdb.repl.shell.ShellContext context = new dev.jwdb.repl.shell.ShellContext(session, console, guest,
                guest);
        dev.jwdb.repl.shell.Shell shell = new dev.jwdb.repl.shell.Shell(context,
                dev.jwdb.repl.shell.commands.ShellCommands.table());
        assertTrue(shell.execute("load " + STRINGS));
        assertTrue(shell.execute("break strlen"));
        assertTrue(shell.execute("invoke strlen 0x100"));
        var completer = new dev.jwdb.repl.shell.ShellCompleter(context, context.table());
        List<List<String>> seen = new ArrayList<>();
        for (String line : List.of("disa", "break st", "break $up", "print $", "grant ", "grant dir ../sam",
                "info lo", "catch ", "load ../samples/wat/fi")) {
            seen.add(completer.complete(line).stream().map(c -> c.value()).toList());
        }
        assertEquals(List.of("disable", "disas", "disassemble"), seen.get(0));
        assertTrue(seen.get(1).contains("strlen"), seen.get(1).toString());
        assertEquals(List.of("$upcase"), seen.get(2));
        assertTrue(seen.get(3).containsAll(List.of("$ptr", "$len")), seen.get(3).toString());
        assertTrue(seen.get(4).containsAll(List.of("dir", "env", "clock", "random", "listen", "connect")));
        assertEquals(List.of("../samples/"), seen.get(5));
        assertEquals(List.of("locals"), seen.get(6));
        assertEquals(List.of("wasi", "denied", "trap"), seen.get(7));
        assertEquals(List.of("../samples/wat/fib.wat"), seen.get(8));
    }
}
