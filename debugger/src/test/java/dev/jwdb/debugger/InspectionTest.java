package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectionTest {
    @Test
    void tablesNameTheirFunctionsAndAnIndirectCallTrapShowsItsCaller() throws DebugException {
        DebugSession s = Sessions.load(Sessions.SAMPLES.resolve("table.wat"));
        StopEvent.Trapped t = expect(StopEvent.Trapped.class, s.invoke("apply", args("4", "1", "2")));
        assertEquals("uninitialized element 4", t.message());
        assertTrue(t.location().text().startsWith("call_indirect"), t.location().text());
        assertEquals(1, s.tableCount());
        assertEquals(List.of(new TableEntry(0, "$add"), new TableEntry(1, "$sub"), new TableEntry(2, "$mul"),
                new TableEntry(3, "$neg"), new TableEntry(4, null)), s.table(0));
    }

    @Test
    void memoryReadsInEveryFormatAndStrings() throws DebugException {
        DebugSession s = Sessions.steps();
        s.invoke("tick", args());
        s.writeMemory(0, MemoryFormat.I32, "-2");
        assertEquals("-2", s.readMemory(0, MemoryFormat.I32, 1).get(0).text());
        assertEquals("4294967294", s.readMemory(0, MemoryFormat.U32, 1).get(0).text());
        assertEquals("254", s.readMemory(0, MemoryFormat.U8, 1).get(0).text());
        assertEquals("-2", s.readMemory(0, MemoryFormat.I8, 1).get(0).text());
        assertEquals("65535", s.readMemory(2, MemoryFormat.U16, 1).get(0).text());
        s.writeMemory(8, MemoryFormat.F64, "1.5");
        assertEquals("1.5", s.readMemory(8, MemoryFormat.F64, 1).get(0).text());
        s.writeMemory(16, MemoryFormat.U8, "104");
        s.writeMemory(17, MemoryFormat.U8, "105");
        assertEquals("hi", s.readString(16, 100));
        assertEquals(65536, s.memorySize());
    }

    @Test
    void localsAndOperandStackAreTypedAndNamed() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("steps.wat:25", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("main", args("3")));
        List<String> locals = new ArrayList<>();
        for (Local l : s.locals()) {
            locals.add(l.name() + " " + l.value());
        }
        assertEquals(List.of("n i32:3", "i i32:0", "sum i32:0"), locals);
        assertEquals(List.of(Value.i32(0), Value.i32(0)), s.operandStack());
        List<String> listing = s.disassemble().rendered();
        assertTrue(listing.stream().anyMatch(l -> l.startsWith("=> ") && l.contains("i32.add")), listing.toString());
        assertEquals(Value.i32(4), s.evaluate("$n + 1"));
        assertEquals(Value.i32(1), s.evaluate("local 0 == 3 && !(global 0 != 0)"));
    }
}
