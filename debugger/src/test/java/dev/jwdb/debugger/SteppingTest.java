package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.at;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteppingTest {
    @Test
    void advanceStopsAtTheLocationOrWhenTheFrameReturnsAndLeavesNoBreakpoint() throws DebugException {
        DebugSession s = Sessions.fib();
        s.breakAt("$fib", "$n == 1");
        expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("3")));
        s.delete(s.stopPoints().get(0).id());
        int frames = s.backtrace().size();
        // fib(1) never reaches line 11 (the recursive calls): it returns first, to its caller
        StopEvent.StepDone out = expect(StopEvent.StepDone.class, s.advance("fib.wat:11"));
        assertEquals(frames - 1, s.backtrace().size());
        assertEquals("$fib", out.location().function());
        // the caller, fib(2), goes on to its second call, on line 12
        StopEvent.StepDone there = expect(StopEvent.StepDone.class, s.advance("fib.wat:12"));
        assertEquals(12, there.location().line());
        assertTrue(s.stopPoints().isEmpty(), s.stopPoints().toString());
        assertThrows(DebugException.class, () -> s.advance("nosuch"));
        assertTrue(s.stopPoints().isEmpty(), s.stopPoints().toString());
        // the next breakpoint gets the number after the deleted one: advance's own took none
        assertEquals(2, s.breakAt("$fib", null).id());
    }

    @Test
    void stepiEntersCallsAndWalksEveryInstruction() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("$main", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("main", args("1")));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            seen.add(s.backtrace().size() + " " + at(s));
            expect(StopEvent.StepDone.class, s.stepInstruction());
        }
        assertEquals(List.of("1 loop  ;; label = @1", "1 local.get $sum", "1 local.get $i", "1 call $double",
                "2 local.get $x", "2 i32.const 2", "2 i32.mul", "2 end", "1 i32.add"), seen);
    }

    @Test
    void nextStepsOverCallsAndFollowsTheLoopBackEdge() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("steps.wat:24", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("main", args("2")));
        assertEquals("call $double", at(s));
        s.stepOver();
        assertEquals("i32.add", at(s));
        assertEquals(List.of(Value.i32(0), Value.i32(0)), s.operandStack());
        for (int i = 0; i < 8; i++) {
            s.stepOver();
        }
        assertTrue(at(s).startsWith("br_if"), at(s));
        s.stepOver();
        assertEquals("local.get $sum", at(s), "the back-edge goes to the loop's first instruction");
        assertEquals(1, s.backtrace().size());
    }

    @Test
    void stepEntersTheCalleeAndFinishReturnsWithItsResult() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("steps.wat:24", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("main", args("3")));
        s.resume();
        StopEvent.StepDone in = expect(StopEvent.StepDone.class, s.stepLine());
        assertEquals("$double", in.location().function());
        assertEquals(5, in.location().line());
        s.stepLine();
        assertEquals(6, s.selectedFrame().location().line());
        StopEvent.StepDone out = expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals("i32.add", out.location().text());
        assertEquals(List.of(Value.i32(0), Value.i32(2)), s.operandStack(), "sum 0, double(1) = 2");
    }

    @Test
    void brTableGoesToTheChosenLabel() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("$classify", null);
        for (int k = 0; k < 4; k++) {
            expect(StopEvent.BreakpointHit.class, s.invoke("classify", args(Integer.toString(k))));
            while (!at(s).startsWith("br_table")) {
                s.stepInstruction();
            }
            s.stepInstruction();
            String expected = switch (k) {
                case 0 -> "i32.const 10";
                case 1 -> "i32.const 20";
                default -> "i32.const 30";
            };
            assertEquals(expected, at(s), "k = " + k);
            expect(StopEvent.Finished.class, s.resume());
        }
    }

    @Test
    void steppingOntoATrapStopsAtTheFaultingInstruction() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("$divide", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("divide", args("7", "0")));
        s.stepInstruction();
        s.stepInstruction();
        assertEquals("i32.div_s", at(s));
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.stepInstruction());
        assertEquals("integer divide by zero", t.message());
        assertEquals("i32.div_s", t.location().text());
        assertEquals(SessionState.TRAPPED, s.state());
    }
}
