package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.DirGrant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityStopTest {
    @Test
    void deniedPathOpenIsHeldThenRetriedAfterAGrant(@TempDir Path logs) throws Exception {
        DebugSession s = Sessions.load(Sessions.SAMPLES.resolveSibling("logger").resolve("logger-c.wasm"));
        s.catchDenied();
        StopEvent.Denied d = expect(StopEvent.Denied.class, s.run());
        assertEquals("path_open", d.event().function());
        assertTrue(d.event().subject().contains("/logs/app.log"), d.event().subject());
        assertEquals("path_open", d.call().name());
        assertTrue(s.backtrace().size() > 1);
        assertEquals(1, s.deniedEvents().size());

        s.grants().dir(DirGrant.parse(logs + "::/logs", false));
        StopEvent end = s.retry();
        assertTrue(end instanceof StopEvent.Finished || end instanceof StopEvent.Exited e && e.code() == 0,
                end::toString);
        assertEquals("Wasm module successfully initialized!", Files.readString(logs.resolve("app.log")));
        assertTrue(s.events("path_open").stream().anyMatch(e -> !e.denied()));
    }

    @Test
    void deliveringTheErrnoLetsTheProgramSeeTheDenial() throws Exception {
        DebugSession s = Sessions.load(Sessions.SAMPLES.resolveSibling("logger").resolve("logger-c.wasm"));
        s.catchDenied();
        expect(StopEvent.Denied.class, s.run());
        StopEvent.Exited e = expect(StopEvent.Exited.class, s.deliver());
        assertEquals(1, e.code());
        assertThrows(DebugException.class, s::retry);
    }

    @Test
    void catchWasiStopsBeforeTheNamedCall() throws Exception {
        DebugSession s = Sessions.load(Sessions.SAMPLES.resolveSibling("logger").resolve("logger-c.wasm"));
        s.catchWasi(java.util.List.of("path_open"));
        StopEvent.WasiCall c = expect(StopEvent.WasiCall.class, s.run());
        assertEquals("path_open", c.call().name());
        assertEquals(null, c.call().results());
        StopEvent.WasiCall after = expect(StopEvent.WasiCall.class, s.stepInstruction());
        assertEquals("path_open", after.call().name());
        assertEquals(1, after.call().events().size());
        assertTrue(after.call().events().get(0).denied());
    }
}
