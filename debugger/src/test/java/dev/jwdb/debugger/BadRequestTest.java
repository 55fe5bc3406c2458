package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadRequestTest {
    private static String error(Request r) {
        DebugException e = assertThrows(DebugException.class, r::run);
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private interface Request {
        void run() throws DebugException;
    }

    @Test
    void aDeviceIsRefusedBeforeItIsReadAndTheModuleStays() throws DebugException {
        DebugSession s = Sessions.fib();
        assertEquals("cannot read /dev/zero: not a regular file", error(() -> s.load(Path.of("/dev/zero"))));
        assertTrue(s.functionNames().contains("$fib"), s.functionNames().toString());
    }

    @Test
    void expressionsNestedOrChainedWithoutEndAreRefusedNotOverflowed() throws DebugException {
        DebugSession s = Sessions.fib();
        s.breakAt("fib", null);
        s.invoke("fib", args("3"));
        assertEquals(Value.i32(3), s.evaluate("(".repeat(100) + "$n" + ")".repeat(100)));
        assertTrue(error(() -> s.evaluate("(".repeat(20_000) + "1")).endsWith("nested more than 100 deep"));
        assertTrue(error(() -> s.evaluate("i32[".repeat(20_000))).endsWith("nested more than 100 deep"));
        assertTrue(error(() -> s.evaluate("-".repeat(20_000) + "1")).endsWith("nested more than 100 deep"));
        assertTrue(error(() -> s.evaluate("1" + "+1".repeat(20_000))).endsWith("more than 1000 operators"));
        assertTrue(error(() -> s.evaluate("(".repeat(20_000))).startsWith("bad expression \"((((("));
        assertTrue(error(() -> s.evaluate("(".repeat(20_000))).length() < 200);
    }

    @Test
    void aLongTokenInATextErrorIsCutToKeepTheLineReadable() {
        String message = error(() -> new DebugSession().load("long.wat",
                ("(module (func " + "x".repeat(5000) + "))").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(message.length() < 150, message);
        assertTrue(message.contains("xxxx... (5000 characters)"), message);
        assertEquals("a \"b\" c \"" + "d".repeat(40) + "... (41 characters)\" e \"" + "f".repeat(40) + "...",
                ModuleImage.shortTokens("a \"b\" c \"" + "d".repeat(41) + "\" e \"" + "f".repeat(50)));
    }

    @Test
    void unknownFunction() throws DebugException {
        DebugSession s = Sessions.fib();
        assertEquals("no function named \"fob\"", error(() -> s.breakAt("fob", null)));
        assertEquals("no function named \"$fob\"", error(() -> s.invoke("$fob", args())));
    }

    @Test
    void offsetInsideAnInstruction() throws DebugException {
        DebugSession s = Sessions.steps();
        int offset = s.disassemble("$double").lines().get(1).offset();
        assertTrue(error(() -> s.breakAt(String.format("@0x%x", offset + 1), null)).contains("is inside the instruction at"));
        assertTrue(error(() -> s.breakAt("@0x0", null)).startsWith("no instruction starts at"));
    }

    @Test
    void lineWithoutCode() throws DebugException {
        DebugSession s = Sessions.fib();
        assertEquals("no code at line 1 of " + Path.of("..", "samples", "wat", "fib.wat"), error(() -> s.breakAt("fib.wat:1", null)));
        DebugSession binary = Sessions.load(Path.of("..", "samples", "logger", "logger-c.wasm"));
        assertTrue(error(() -> binary.breakAt("logger.c:5", null)).contains("binary module"));
        // built with -g: its DWARF names counter.c, and no other file
        DebugSession dwarf = Sessions.load(Sessions.RESOURCES.resolve("counter.wasm"));
        assertEquals("no source file logger.c in the debugging information of "
                + Sessions.RESOURCES.resolve("counter.wasm"), error(() -> dwarf.breakAt("logger.c:5", null)));
    }

    @Test
    void memoryOutOfBoundsAndFramesThatDoNotExist() throws DebugException {
        DebugSession s = Sessions.steps();
        assertEquals("the program is not stopped", error(s::backtrace));
        assertTrue(error(() -> s.readMemory(65534, MemoryFormat.I32, 1)).contains("out of bounds"));
        s.breakAt("$divide", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("divide", args("1", "1")));
        assertTrue(error(() -> s.readMemory(65534, MemoryFormat.I32, 1)).contains("out of bounds"));
        assertTrue(error(() -> s.readString(70000, 10)).contains("out of bounds"));
        assertTrue(error(() -> s.selectFrame(5)).startsWith("no frame 5"));
        assertTrue(error(s::up).contains("outermost"));
        assertTrue(error(() -> s.setLocal("$nope", "1")).startsWith("no local"));
        assertTrue(error(() -> s.setLocal("$a", "x")).contains("is not an i32"));
        assertTrue(error(() -> s.evaluate("$a +")).startsWith("bad expression"));
        assertTrue(error(() -> s.table(0)).startsWith("no table 0"));
        assertTrue(error(() -> s.watchGlobal("$missing")).startsWith("no global"));
        assertTrue(error(() -> s.catchWasi(java.util.List.of("path_opn"))).startsWith("no WASI function"));
        assertTrue(error(() -> s.delete(99)).startsWith("no breakpoint"));
        assertTrue(error(s::retry).startsWith("no call is held"));
    }

    @Test
    void nothingLoaded() {
        DebugSession s = new DebugSession();
        assertEquals("no module loaded", error(s::run));
        assertEquals("no module loaded", error(s::backtrace));
        assertTrue(error(() -> s.load(Path.of("does-not-exist.wasm"))).startsWith("cannot read"));
    }

    @Test
    void writesAreVisibleToTheProgram() throws DebugException {
        DebugSession s = Sessions.steps();
        s.breakAt("$divide", null);
        expect(StopEvent.BreakpointHit.class, s.invoke("divide", args("10", "1")));
        s.setLocal("$b", "5");
        s.setGlobal("$ticks", "9");
        s.writeMemory(8, MemoryFormat.I32, "0x01020304");
        assertEquals(4, s.readBytes(8, 1)[0]);
        assertEquals("", s.readString(20, 8));
        StopEvent.Finished f = expect(StopEvent.Finished.class, s.resume());
        assertEquals(2, f.results().get(0).asI32());
        assertEquals(9, s.globals().get(0).value().asI32());
    }
}
