package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** v128 values take two cells in the interpreter; every view of a stopped frame must still show them whole. */
class V128InspectionTest {
    private static DebugSession stoppedAt(int line) throws DebugException {
        DebugSession s = Sessions.load(Sessions.RESOURCES.resolve("lanes.wat"));
        s.breakAt("lanes.wat:" + line, null);
        expect(StopEvent.BreakpointHit.class, s.invoke("go", args()));
        return s;
    }

    @Test
    void v128LocalsBetweenScalarsAreReadWhole() throws DebugException {
        DebugSession s = stoppedAt(17);
        List<String> locals = new ArrayList<>();
        for (Local l : s.locals()) {
            locals.add(l.name() + " " + l.value());
        }
        assertEquals(List.of("a v128:i32x4 [1 1 1 1]", "n i32:9", "b v128:i32x4 [1 2 3 4]", "m i32:5"), locals);
        assertEquals(Value.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L), s.evaluate("$b"));
    }

    @Test
    void v128OperandsTakeOneEntryOfTheStack() throws DebugException {
        DebugSession s = stoppedAt(17);
        assertEquals(List.of(Value.i32(9), Value.v128(0x0000_0003_0000_0002L, 0x0000_0005_0000_0004L)),
                s.operandStack());
        s.stepInstruction();
        assertEquals(List.of(Value.i32(9), Value.v128(0x0000_0003_0000_0002L, 0x0000_0005_0000_0004L),
                Value.i32(5)), s.operandStack());
    }

    @Test
    void v128GlobalsAndResults() throws DebugException {
        DebugSession s = stoppedAt(17);
        assertEquals("g v128:i32x4 [10 20 30 40]", s.globals().get(0).name() + " " + s.globals().get(0).value());
        assertEquals(Value.i32(7), s.globals().get(1).value());
        StopEvent.Finished done = expect(StopEvent.Finished.class, s.resume());
        assertEquals(List.of(Value.v128(0x0000_0017_0000_000cL, 0x0000_002d_0000_0022L)), done.results());
        assertEquals("g v128:i32x4 [12 23 34 45]", s.globals().get(0).name() + " " + s.globals().get(0).value());
    }

    @Test
    void aCallersV128OperandsEndWhereTheCalleeStarts() throws DebugException {
        DebugSession s = stoppedAt(17);
        s.selectFrame(1);
        assertEquals(List.of(), s.operandStack());
    }

    @Test
    void v128ArgumentsAreTypedAsAShapeAndLanesAndArriveWhole() throws DebugException {
        DebugSession s = Sessions.load(Sessions.RESOURCES.resolve("lanes.wat"));
        s.breakAt("lanes.wat:17", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("mix", args("i32x4 1 2 3 -1", "6")));
        assertEquals("[a v128:i32x4 [1 2 3 -1], n i32:6]", s.locals().subList(0, 2).stream()
                .map(l -> l.name() + " " + l.value()).toList().toString());
        s.setLocal("$a", "i8x16 1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0");
        assertEquals(Value.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L), s.evaluate("$a"));
        DebugException bad = org.junit.jupiter.api.Assertions.assertThrows(DebugException.class,
                () -> s.setLocal("$a", "i16x8 1 2 3 4 5 6 7 70000"));
        assertEquals("lane 7 of \"i16x8 1 2 3 4 5 6 7 70000\": 70000 does not fit in 16 bits", bad.getMessage());
    }
}
