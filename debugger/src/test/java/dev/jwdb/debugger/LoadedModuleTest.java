package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A module read on another thread (as the shell does while its terminal opens), then taken by a session. */
class LoadedModuleTest {
    private static DebugSession session() {
        return new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream()));
    }

    @Test
    void aModuleReadOnAnotherThreadIsTheSessionsAsIfLoadedThere() throws Exception {
        Path fib = Sessions.SAMPLES.resolve("fib.wat");
        LoadedModule read = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadedModule.read(fib);
            } catch (DebugException e) {
                throw new AssertionError(e);
            }
        }).get();
        DebugSession s = session();
        s.breakAt("fib", null);
        s.load(read);
        assertEquals(fib.toString(), s.sourceName());
        assertEquals(List.of("$fib", "$fib_iter"), s.functionNames());
        // the breakpoint set before the load is resolved against it, with source lines (a text module)
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.invoke("fib", args("3")));
        assertEquals(fib.toString(), hit.location().source());
    }

    @Test
    void aModuleThatDoesNotReadFailsWithTheLoadMessageAndLeavesTheSessionAsItWas() throws DebugException {
        DebugSession s = session();
        Path missing = Path.of("no-such.wasm");
        DebugException e = assertThrows(DebugException.class, () -> LoadedModule.read(missing));
        DebugException direct = assertThrows(DebugException.class, () -> s.load(missing));
        assertEquals(direct.getMessage(), e.getMessage());
        assertNull(s.module());

        DebugException invalid = assertThrows(DebugException.class,
                () -> LoadedModule.of("bad.wat", "(module (func (result i32) (f32.const 1)))".getBytes()));
        assertEquals(invalid.getMessage(), assertThrows(DebugException.class,
                () -> s.load("bad.wat", "(module (func (result i32) (f32.const 1)))".getBytes())).getMessage());
        assertNull(s.module());
    }
}
