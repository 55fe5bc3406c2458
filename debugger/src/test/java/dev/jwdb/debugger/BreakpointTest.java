package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakpointTest {
    @Test
    void aRefusedBreakpointUsesNoNumber() throws DebugException {
        DebugSession s = Sessions.fib();
        assertThrows(DebugException.class, () -> s.breakAt("nosuch", null));
        assertThrows(DebugException.class, () -> s.breakAt("$fib", "$n =="));
        assertEquals(1, s.breakAt("$fib", null).id());
        assertEquals(2, s.watchMemory(0, 4, StopPoint.WatchKind.WRITE).id());
    }

    @Test
    void aTemporaryBreakpointStopsOnceAndIsGone() throws DebugException {
        DebugSession s = Sessions.fib();
        StopPoint.Breakpoint t = s.breakAt("$fib", null, true);
        assertTrue(t.temporary());
        expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("5")));
        assertEquals(Value.i32(5), s.locals().get(0).value());
        assertTrue(s.stopPoints().stream().noneMatch(p -> p.id() == t.id()), s.stopPoints().toString());
        StopEvent.Finished f = expect(StopEvent.Finished.class, s.resume());
        assertEquals(List.of(Value.i32(5)), f.results());
    }

    @Test
    void ignoredHitsAreCountedAndPassedOver() throws DebugException {
        DebugSession s = Sessions.fib();
        StopPoint.Breakpoint b = s.breakAt("$fib", "$n == 1");
        assertEquals(3, s.ignore(b.id(), 3).ignoreCount());
        // fib(5) reaches n == 1 five times, in the order of the recursion: the fourth is the first to stop
        expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("5")));
        StopPoint.Breakpoint now = (StopPoint.Breakpoint) s.stopPoints().get(0);
        assertEquals(4, now.hits());
        assertEquals(0, now.ignoreCount());
        expect(StopEvent.BreakpointHit.class, s.resume());
        expect(StopEvent.Finished.class, s.resume());
        assertThrows(DebugException.class, () -> s.ignore(b.id(), -1));
        assertThrows(DebugException.class, () -> s.ignore(99, 1));
    }

    @Test
    void breakpointsAtTheSameInstructionAllCountTheHitAndTheFirstThatStopsIsReported() throws DebugException {
        DebugSession s = Sessions.fib();
        StopPoint.Breakpoint once = s.breakAt("$fib", null, true);
        StopPoint.Breakpoint every = s.breakAt("$fib", null);
        s.ignore(every.id(), 1);
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("3")));
        assertEquals(once.id(), hit.breakpoint().id());
        StopPoint.Breakpoint after = (StopPoint.Breakpoint) s.stopPoints().get(0);
        assertEquals(every.id(), after.id());
        assertEquals(1, after.hits());
        assertEquals(0, after.ignoreCount());
        assertEquals(every.id(), expect(StopEvent.BreakpointHit.class, s.resume()).breakpoint().id());
    }

    @Test
    void aConditionCanBeGivenAndTakenAwayLater() throws DebugException {
        DebugSession s = Sessions.fib();
        StopPoint.Breakpoint b = s.breakAt("$fib", null);
        assertEquals("$n == 3", s.condition(b.id(), "$n == 3").condition());
        expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("5")));
        assertEquals(Value.i32(3), s.locals().get(0).value());
        assertEquals(null, s.condition(b.id(), " ").condition());
        expect(StopEvent.BreakpointHit.class, s.resume());
        assertEquals(Value.i32(2), s.locals().get(0).value());
    }

    @Test
    void conditionalBreakOnRecursiveFibShowsTheStackAndFinishReturnsTheResult() throws DebugException {
        DebugSession s = Sessions.fib();
        s.breakAt("$fib", "$n == 2");
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("5")));
        assertEquals("$fib", hit.location().function());
        assertEquals(Value.i32(2), s.locals().get(0).value());
        assertEquals("n", s.locals().get(0).name());
        List<Frame> bt = s.backtrace();
        // fib(5) -> fib(4) -> fib(3) -> fib(2): the first n == 2 is reached by always taking n - 1
        assertEquals(4, bt.size());
        for (Frame f : bt) {
            assertEquals("$fib", f.location().function());
            assertTrue(f.location().hasLine(), f.toString());
        }
        assertEquals("call $fib", bt.get(1).location().text());
        assertEquals(11, bt.get(1).location().line());

        StopEvent.StepDone done = expect(StopEvent.StepDone.class, s.stepOut());
        assertEquals(3, s.backtrace().size());
        assertEquals("$fib", done.location().function());
        List<Value> stack = s.operandStack();
        assertEquals(Value.i32(1), stack.get(stack.size() - 1), "fib(2) = 1 on the caller's stack");
        assertEquals(Value.i32(3), s.locals().get(0).value());
        assertEquals(1, s.stopPoints().get(0).hits());
    }

    @Test
    void hitCountsDisableAndDelete() throws DebugException {
        DebugSession s = Sessions.fib();
        StopPoint.Breakpoint b = s.breakAt("fib_iter", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("fib_iter", args("10")));
        expect(StopEvent.Finished.class, s.resume());
        s.enable(b.id(), false);
        StopEvent.Finished f = expect(StopEvent.Finished.class, s.invoke("fib_iter", args("10")));
        assertEquals(List.of(Value.i32(55)), f.results());
        s.enable(b.id(), true);
        expect(StopEvent.BreakpointHit.class, s.invoke("fib_iter", args("10")));
        s.kill();
        s.delete(b.id());
        expect(StopEvent.Finished.class, s.invoke("fib_iter", args("10")));
        assertTrue(s.stopPoints().isEmpty());
    }

    @Test
    void pendingBreakpointIsResolvedAtLoad() throws DebugException {
        DebugSession s = new DebugSession();
        StopPoint.Breakpoint b = s.breakAt("fib.wat:8", "$n == 1");
        assertTrue(b.pending());
        s.load(Sessions.SAMPLES.resolve("fib.wat"));
        StopPoint.Breakpoint resolved = (StopPoint.Breakpoint) s.stopPoints().get(0);
        assertEquals(8, resolved.locations().get(0).line());
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("3")));
        assertEquals(8, hit.location().line());
        assertEquals(Value.i32(1), s.evaluate("$n"));
    }

    @Test
    void breakpointByByteOffsetAndMemoryCondition() throws DebugException {
        DebugSession s = Sessions.steps();
        int offset = s.disassemble("$double").lines().get(2).offset();
        s.breakAt(String.format("@0x%x", offset), "local 0 > 1 && i32[0] == 0");
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("main", args("4")));
        assertEquals("i32.mul", hit.location().text());
        assertEquals(Value.i32(2), s.locals().get(0).value());
        assertEquals(List.of(Value.i32(2), Value.i32(2)), s.operandStack());
        assertTrue(s.disassemble().rendered().get(2).startsWith("=> "));
    }
}
