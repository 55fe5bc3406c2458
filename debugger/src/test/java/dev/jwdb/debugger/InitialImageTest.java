package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before any code runs, memory, tables and globals show the module's initial image, as gdb shows static data. */
class InitialImageTest {
    private static final String IMAGE = String.join("\n",
            "(module",
            "  (memory (export \"memory\") 1)",
            "  (data (i32.const 0x100) \"hello\\00\")",
            "  (table 3 funcref)",
            "  (elem (i32.const 1) $greet)",
            "  (global $count (mut i32) (i32.const 7))",
            "  (func $greet",
            "    (i32.store8 (i32.const 0x100) (i32.const 0x48))",
            "    (global.set $count (i32.add (global.get $count) (i32.const 1))))",
            "  (func (export \"_start\")",
            "    (call $greet))",
            "  (start $greet))");

    @Test
    void dataElementsAndGlobalsAreThereAfterLoadAndNoCodeHasRun() throws DebugException {
        DebugSession s = StartupCodeTest.session("image.wat", IMAGE);
        assertEquals(List.of("count"), s.globalNames());
        assertEquals("hello", s.readString(0x100, 64), "the start function, which writes H, has not run");
        assertEquals(List.of(new TableEntry(0, null), new TableEntry(1, "$greet"), new TableEntry(2, null)),
                s.table(0));
        assertEquals(Value.i32(7), s.globals().get(0).value());
        assertEquals(65536, s.memorySize());
        assertEquals(SessionState.LOADED, s.state());
    }

    @Test
    void runStartsFromTheInitialImageNotFromWhatWasChangedBeforeIt() throws DebugException {
        DebugSession s = StartupCodeTest.session("image.wat", IMAGE);
        s.writeMemory(0x101, MemoryFormat.I8, "0x61");
        s.setGlobal("$count", "100");
        assertEquals("hallo", s.readString(0x100, 64));
        expect(StopEvent.Finished.class, s.run());
        assertEquals("Hello", s.readString(0x100, 64));
        assertEquals(Value.i32(9), s.globals().get(0).value(), "7, then the start function and _start");
        expect(StopEvent.Finished.class, s.run());
        assertEquals(Value.i32(9), s.globals().get(0).value(), "each run starts afresh");
    }

    @Test
    void invokeUsesTheInspectedInstanceWithWhatWasWrittenToIt() throws DebugException {
        DebugSession s = StartupCodeTest.session("image.wat", IMAGE);
        s.setGlobal("$count", "100");
        expect(StopEvent.Finished.class, s.invoke("_start", args()));
        assertEquals(Value.i32(102), s.globals().get(0).value(), "the start function, then _start");
    }

    @Test
    void aModuleThatCannotBeInstantiatedSaysWhyWhenInspected() throws DebugException {
        DebugSession s = StartupCodeTest.session("bad.wat",
                "(module (import \"env\" \"f\" (func)) (memory 1) (data (i32.const 0) \"x\"))");
        DebugException e = org.junit.jupiter.api.Assertions.assertThrows(DebugException.class,
                () -> s.readMemory(0, MemoryFormat.I8, 1));
        assertTrue(e.getMessage().startsWith("cannot instantiate bad.wat: unknown import"), e.getMessage());
    }
}
