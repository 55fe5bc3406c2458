package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityEventTest {
    @TempDir
    Path tmp;

    @Test
    void heldCallChangesNothingAndSucceedsWhenRetriedAfterAGrant() throws Exception {
        Path logs = Files.createDirectory(tmp.resolve("server-logs"));
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            g.verdict = CapabilityListener.Verdict.HOLD;
            String path = "logs/app.log";
            int pathPtr = g.put(path);
            int out = g.alloc(4);
            g.memory.writeI32(out, 0x5A5A5A5A);
            long[] args = {3, 1, pathPtr, path.length(), Rights.OFLAG_CREAT | Rights.OFLAG_TRUNC, GuestCalls.WRITE,
                    0, 0, out};
            CallHeld held = assertThrows(CallHeld.class, () -> g.host.function("path_open").call(g.memory, args));
            assertEquals("path_open", held.event().function());
            assertEquals("\"/logs/app.log\"", held.event().subject());
            assertEquals(0x5A5A5A5A, g.i32(out));
            assertFalse(Files.exists(logs.resolve("app.log")));

            grants.dir(DirGrant.parse(logs + "::/logs", false));
            long[] result = g.host.function("path_open").call(g.memory, args);
            assertEquals(0, result[0]);
            assertEquals(4, g.i32(out));
            assertTrue(Files.exists(logs.resolve("app.log")));
        }
    }

    @Test
    void deliveringADenialGivesTheErrnoInsteadOfHolding() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            g.verdict = CapabilityListener.Verdict.DELIVER;
            assertEquals(Errno.NOTCAPABLE, g.call("clock_time_get", 0, 0L, g.alloc(8)));
            CapabilityEvent e = g.lastEvent();
            assertEquals(Decision.DENIED, e.decision());
            assertEquals(Capability.CLOCK, e.capability());
            assertEquals("grant clock", e.suggestion().shellCommand());
            assertEquals("denied clock_time_get realtime: the clock is not granted; grant it with --allow clock",
                    e.explanation());
        }
    }

    @Test
    void allowedRequestsAreEventsToo() throws Exception {
        Files.writeString(tmp.resolve("f"), "x");
        try (GuestCalls g = new GuestCalls(new Grants().dir(DirGrant.parse(tmp + "::/in", true)))) {
            g.open(4, "f", 0, GuestCalls.READ, 0);
            CapabilityEvent e = g.lastEvent();
            assertEquals(Decision.ALLOWED, e.decision());
            assertEquals("allowed path_open \"/in/f\" (read)", e.explanation());
            assertEquals("4", e.arguments().get("fd"));
            assertEquals("f", e.arguments().get("path"));
            assertEquals(GuestPath.parse("/in"), e.grant().guest());
        }
    }
}
