package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrapTest {
    @Test
    void divideByZeroStopsAtTheDivisionWithItsFrame() throws DebugException {
        DebugSession s = Sessions.steps();
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.invoke("divide", args("7", "0")));
        assertEquals("integer divide by zero", t.message());
        assertEquals("i32.div_s", t.location().text());
        assertEquals(Value.i32(7), s.locals().get(0).value());
        assertEquals(Value.i32(0), s.locals().get(1).value());
        assertEquals(List.of(Value.i32(7), Value.i32(0)), s.operandStack());
        assertThrows(DebugException.class, s::resume);
    }

    @Test
    void aTrapShowsTheOperandsThatFusedCodeKeptInLocalsAndConstants() throws DebugException {
        DebugSession s = Sessions.steps();
        expect(StopEvent.Trapped.class, s.invoke("peekPast", args("65530")));
        assertEquals("i32.load", s.selectedFrame().location().text());
        assertEquals(List.of(Value.i32(3), Value.i32(65538)), s.operandStack());
    }

    @Test
    void outOfBoundsLoadStopsAtTheLoad() throws DebugException {
        DebugSession s = Sessions.steps();
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.invoke("peek", args("65534")));
        assertEquals("out of bounds memory access", t.message());
        assertEquals("i32.load", t.location().text());
        assertEquals(Value.i32(65534), s.evaluate("$p"));
    }

    @Test
    void unreachableStopsAtUnreachable() throws DebugException {
        DebugSession s = Sessions.steps();
        s.catchTrap();
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.invoke("boom", args()));
        assertEquals("unreachable", t.message());
        assertEquals("$boom", t.location().function());
        assertEquals(1, s.stopPoints().get(0).hits());
    }

    @Test
    void stackExhaustionKeepsEveryFrameInspectable() throws DebugException {
        DebugSession s = Sessions.steps();
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.invoke("deep", args("0")));
        assertEquals("call stack exhausted", t.message());
        int frames = s.backtrace().size();
        assertTrue(frames > 1000, frames + " frames");
        s.selectFrame(frames - 1);
        assertEquals(Value.i32(0), s.locals().get(0).value());
        s.selectFrame(0);
        assertEquals(Value.i32(frames - 1), s.locals().get(0).value());
        s.up();
        assertEquals(Value.i32(frames - 2), s.locals().get(0).value());
    }
}
