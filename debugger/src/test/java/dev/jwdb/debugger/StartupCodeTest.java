package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.at;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The start function and a reactor's {@code _initialize} run under the debugger like any other code. */
class StartupCodeTest {
    static final String STARTS = String.join("\n",
            "(module",
            "  (import \"wasi_snapshot_preview1\" \"args_sizes_get\" (func $args_sizes_get (param i32 i32) (result i32)))",
            "  (memory (export \"memory\") 1)",
            "  (global $ready (mut i32) (i32.const 0))",
            "  (global $inits (mut i32) (i32.const 0))",
            "  (func $init",
            "    (global.set $ready (i32.const 1))",
            "    (drop (call $args_sizes_get (i32.const 0) (i32.const 4))))",
            "  (func $double (param i32) (result i32)",
            "    (i32.mul (local.get 0) (i32.const 2)))",
            "  (func (export \"_initialize\")",
            "    (global.set $inits (i32.add (global.get $inits) (i32.const 1))))",
            "  (func (export \"_start\")",
            "    (drop (call $double (global.get $ready))))",
            "  (func (export \"inits\") (result i32)",
            "    (global.get $inits))",
            "  (start $init))");

    static final String TRAPS = String.join("\n",
            "(module",
            "  (global $tries (mut i32) (i32.const 0))",
            "  (func $check (param i32)",
            "    (if (i32.eqz (local.get 0)) (then unreachable)))",
            "  (func $init",
            "    (global.set $tries (i32.add (global.get $tries) (i32.const 1)))",
            "    (call $check (i32.const 0)))",
            "  (func (export \"_start\"))",
            "  (func (export \"tries\") (result i32)",
            "    (global.get $tries))",
            "  (start $init))");

    static DebugSession session(String name, String text) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        s.load(name, text.getBytes(StandardCharsets.UTF_8));
        return s;
    }

    private static Value global(DebugSession s, String name) throws DebugException {
        return s.evaluate("$" + name);
    }

    @Test
    void aBreakpointInTheStartFunctionStopsRunBeforeAnyOfItRuns() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("$init", null);
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("$init", hit.location().function());
        assertEquals(List.of("$init"), s.backtrace().stream().map(f -> f.location().function()).toList());
        assertEquals(Value.i32(0), global(s, "ready"), "the start function has not run yet");
        expect(StopEvent.Finished.class, s.resume());
        assertEquals(Value.i32(1), global(s, "ready"));
        assertEquals(Value.i32(0), global(s, "inits"), "a command's run does not call _initialize");
    }

    @Test
    void steppingOffTheEndOfTheStartFunctionGoesOnInto_start() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("starts.wat:8", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        StopEvent.StepDone next = expect(StopEvent.StepDone.class, s.stepOver());
        assertEquals("_start", next.location().function());
        assertEquals("global.get $ready", next.location().text());
        assertEquals(1, s.backtrace().size());
        StopEvent.StepDone in = expect(StopEvent.StepDone.class, s.stepLine());
        assertEquals("$double", in.location().function());
        assertEquals(Value.i32(1), s.locals().get(0).value(), "_start passes what the start function set");
        StopEvent.StepDone out = expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals("drop", out.location().text());
        assertEquals(List.of(Value.i32(2)), s.operandStack());
        expect(StopEvent.Finished.class, s.resume());
    }

    @Test
    void stepiFromTheStartFunctionsEndStopsAt_startsFirstInstruction() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("$init", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        while (!at(s).equals("end")) {
            s.stepInstruction();
        }
        StopEvent.StepDone first = expect(StopEvent.StepDone.class, s.stepInstruction());
        assertEquals("_start", first.location().function());
        assertEquals(0, first.location().instruction());
    }

    @Test
    void finishingTheStartFunctionStopsBefore_start() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("$init", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        StopEvent.StepDone done = expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals("_start", done.location().function());
        assertEquals(0, done.location().instruction());
        assertEquals(Value.i32(1), global(s, "ready"));
        expect(StopEvent.Finished.class, s.stepOut()); // finishing the last call ends the run
    }

    @Test
    void aWatchpointAndACatchPointStopInTheStartFunction() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.watchGlobal("$ready");
        s.catchWasi(List.of("args_sizes_get"));
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.run());
        assertEquals("$init", w.location().function());
        assertEquals(Value.i32(1), w.newValue());
        StopEvent.WasiCall c = expect(StopEvent.WasiCall.class, s.resume());
        assertEquals("args_sizes_get", c.call().name());
        assertEquals("$init", c.location().function());
        expect(StopEvent.Finished.class, s.resume());
    }

    @Test
    void aTrapInTheStartFunctionIsAStopWithItsBacktrace() throws DebugException {
        DebugSession s = session("traps.wat", TRAPS);
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.run());
        assertEquals("unreachable", t.message());
        assertEquals("$check", t.location().function());
        assertEquals(SessionState.TRAPPED, s.state());
        assertEquals(List.of("$check", "$init"), s.backtrace().stream().map(f -> f.location().function()).toList());
        assertEquals(Value.i32(0), s.locals().get(0).value());
        assertEquals(Value.i32(1), global(s, "tries"));
    }

    @Test
    void anInstanceWhoseStartFunctionTrappedIsNotReused() throws DebugException {
        DebugSession s = session("traps.wat", TRAPS);
        expect(StopEvent.Trapped.class, s.invoke("tries", args()));
        expect(StopEvent.Trapped.class, s.invoke("tries", args()));
        assertEquals(Value.i32(1), global(s, "tries"), "a fresh instance ran its start function once");
    }

    @Test
    void invokeRunsTheStartFunctionAnd_initializeOnceUnderTheDebugger() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("_initialize", null);
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("inits", args()));
        assertEquals("_initialize", hit.location().function());
        assertEquals(Value.i32(1), global(s, "ready"), "the start function ran before _initialize");
        StopEvent.Finished f = expect(StopEvent.Finished.class, s.resume());
        assertEquals(List.of(Value.i32(1)), f.results());
        f = expect(StopEvent.Finished.class, s.invoke("inits", args()));
        assertEquals(List.of(Value.i32(1)), f.results(), "the start-up code ran once");
    }

    @Test
    void invoking_initializeItselfRunsItOnce() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        expect(StopEvent.Finished.class, s.invoke("_initialize", args()));
        assertEquals(Value.i32(1), global(s, "inits"));
    }

    @Test
    void killingTheRunInTheStartFunctionLeavesNoHalfStartedInstanceForInvoke() throws DebugException {
        DebugSession s = session("starts.wat", STARTS);
        s.breakAt("$init", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("inits", args()));
        s.kill();
        s.delete(1);
        StopEvent.Finished f = expect(StopEvent.Finished.class, s.invoke("inits", args()));
        assertEquals(List.of(Value.i32(1)), f.results());
    }
}
