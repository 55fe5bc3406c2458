package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvClockRandomTest {
    private static String environ(GuestCalls g) {
        int sizes = g.alloc(8);
        assertEquals(Errno.SUCCESS, g.call("environ_sizes_get", sizes, sizes + 4));
        int count = g.i32(sizes);
        int size = g.i32(sizes + 4);
        int ptrs = g.alloc(4 * count + 4);
        int buf = g.alloc(size + 1);
        assertEquals(Errno.SUCCESS, g.call("environ_get", ptrs, buf));
        return new String(g.bytes(buf, size), StandardCharsets.UTF_8).replace('\0', ';');
    }

    @Test
    void environmentIsEmptyAndTheDenialExplainedUntilGranted() {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals("", environ(g));
            CapabilityEvent e = g.events.stream().filter(ev -> ev.function().equals("environ_sizes_get"))
                    .findFirst().orElseThrow();
            assertEquals(Decision.DENIED, e.decision());
            assertEquals("--env NAME=VALUE", e.suggestion().flag());
            grants.env("LOG_LEVEL", "debug");
            assertEquals("LOG_LEVEL=debug;", environ(g));
            grants.inheritEnv(Map.of("HOME", "/home/u"));
            assertEquals("HOME=/home/u;LOG_LEVEL=debug;", environ(g));
        }
    }

    @Test
    void clockIsDeniedByDefaultAndRealWhenGranted() {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            int out = g.alloc(8);
            assertEquals(Errno.NOTCAPABLE, g.call("clock_time_get", 1, 0L, out));
            grants.clock(ClockGrant.REAL);
            assertEquals(Errno.SUCCESS, g.call("clock_time_get", 0, 0L, out));
            long now = System.currentTimeMillis() * 1_000_000L;
            assertTrue(Math.abs(g.i64(out) - now) < 60_000_000_000L);
            assertEquals(Errno.INVAL, g.call("clock_time_get", 9, 0L, out));
            assertEquals(Errno.SUCCESS, g.call("clock_res_get", 1, out));
        }
    }

    @Test
    void fixedClockStartsAtTheGivenInstantAndAdvancesByItsStep() {
        Grants grants = new Grants().clock(ClockGrant.fixed("2024-01-01T00:00:00Z"));
        try (GuestCalls g = new GuestCalls(grants)) {
            int out = g.alloc(8);
            g.call("clock_time_get", 0, 0L, out);
            assertEquals(1_704_067_200_000_000_000L, g.i64(out));
            g.call("clock_time_get", 0, 0L, out);
            assertEquals(1_704_067_200_000_001_000L, g.i64(out));
        }
        assertEquals(new ClockGrant.Fixed(42, ClockGrant.DEFAULT_STEP_NANOS), ClockGrant.fixed("42"));
        assertThrows(IllegalArgumentException.class, () -> ClockGrant.fixed("yesterday"));
    }

    @Test
    void timersUnderAFixedClockFireAtOnceAndMoveTheClock() {
        Grants grants = new Grants().clock(new ClockGrant.Fixed(0, 0));
        try (GuestCalls g = new GuestCalls(grants)) {
            int sub = g.alloc(48);
            g.memory.writeI64(sub, 77);
            g.memory.writeU8(sub + 8, 0);
            g.memory.writeI32(sub + 16, 1);
            g.memory.writeI64(sub + 24, 3_600_000_000_000L);
            int ev = g.alloc(32);
            int n = g.alloc(4);
            long start = System.nanoTime();
            assertEquals(Errno.SUCCESS, g.call("poll_oneoff", sub, ev, 1, n));
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            assertEquals(1, g.i32(n));
            assertEquals(77, g.i64(ev));
            int out = g.alloc(8);
            g.call("clock_time_get", 1, 0L, out);
            assertEquals(3_600_000_000_000L, g.i64(out));
        }
    }

    @Test
    void pollOnAFileReportsBytesReadyAndTimersNeedTheClock() throws Exception {
        try (GuestCalls g = new GuestCalls(new Grants(), java.util.List.of("p"), "abc")) {
            int sub = g.alloc(96);
            g.memory.writeI64(sub, 1);
            g.memory.writeU8(sub + 8, 1);
            g.memory.writeI32(sub + 16, 0);
            int ev = g.alloc(64);
            int n = g.alloc(4);
            assertEquals(Errno.SUCCESS, g.call("poll_oneoff", sub, ev, 1, n));
            assertEquals(1, g.i32(n));
            assertEquals(3, g.i64(ev + 16));
            g.memory.writeU8(sub + 48 + 8, 0);
            g.memory.writeI32(sub + 48 + 16, 1);
            assertEquals(Errno.NOTCAPABLE, g.call("poll_oneoff", sub + 48, ev, 1, n));
            assertEquals(Errno.INVAL, g.call("poll_oneoff", sub, ev, 0, n));
        }
    }

    @Test
    void randomIsDeniedByDefaultAndSeededRunsRepeat() {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            int buf = g.alloc(32);
            assertEquals(Errno.NOTCAPABLE, g.call("random_get", buf, 32));
            assertArrayEquals(new byte[32], g.bytes(buf, 32));
            assertEquals("denied random_get 32 bytes: randomness is not granted; grant it with --allow random",
                    g.lastEvent().explanation());
        }
        byte[][] runs = new byte[2][];
        for (int run = 0; run < 2; run++) {
            try (GuestCalls g = new GuestCalls(new Grants().random(new RandomGrant.Seeded(7)))) {
                int buf = g.alloc(32);
                assertEquals(Errno.SUCCESS, g.call("random_get", buf, 16));
                assertEquals(Errno.SUCCESS, g.call("random_get", buf + 16, 16));
                runs[run] = g.bytes(buf, 32);
            }
        }
        assertArrayEquals(runs[0], runs[1]);
        assertFalse(Arrays.equals(Arrays.copyOf(runs[0], 16), Arrays.copyOfRange(runs[0], 16, 32)));
    }

    @Test
    void auditModeServesClockAndRandomAndRecordsThemAsNeeded() {
        try (GuestCalls g = new GuestCalls(new Grants().audit(true))) {
            assertEquals(Errno.SUCCESS, g.call("clock_time_get", 0, 0L, g.alloc(8)));
            assertEquals(Decision.AUDITED, g.lastEvent().decision());
            assertEquals(Errno.SUCCESS, g.call("random_get", g.alloc(8), 8));
            assertEquals(Decision.AUDITED, g.lastEvent().decision());
        }
    }

    @Test
    void procExitAndRaiseEndTheRun() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            ProcExit exit = assertThrows(ProcExit.class, () -> g.call("proc_exit", 3));
            assertEquals(3, exit.code());
            assertEquals(134, assertThrows(ProcExit.class, () -> g.call("proc_raise", 6)).code());
            assertEquals(Errno.SUCCESS, g.call("proc_raise", 17));
            assertEquals(Errno.INVAL, g.call("proc_raise", 99));
            assertEquals(Errno.SUCCESS, g.call("sched_yield"));
        }
    }
}
