package dev.jwdb.engine.wasi;

import java.time.Instant;

/**
 * Reads the clock the grants allow. The fixed clock is virtual: one counter of elapsed nanoseconds, advanced by the
 * grant's step after every read and by timers; it restarts when the fixed-clock grant changes.
 */
final class GuestClock {
    static final int REALTIME = 0;
    static final int MONOTONIC = 1;
    static final int PROCESS_CPUTIME = 2;
    static final int THREAD_CPUTIME = 3;

    private final long monotonicOrigin = System.nanoTime();
    private ClockGrant.Fixed fixed;
    private long elapsed;

    static boolean valid(int id) {
        return id >= REALTIME && id <= THREAD_CPUTIME;
    }

    /** The resolution in nanoseconds. */
    long resolution(ClockGrant grant, int id) {
        if (grant instanceof ClockGrant.Fixed f) {
            return Math.max(1, f.stepNanos());
        }
        return id == REALTIME ? 1_000 : 1;
    }

    long read(ClockGrant grant, int id) {
        if (grant instanceof ClockGrant.Fixed f) {
            sync(f);
            long value = id == REALTIME ? f.startEpochNanos() + elapsed : elapsed;
            elapsed += f.stepNanos();
            return value;
        }
        if (id == REALTIME) {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return System.nanoTime() - monotonicOrigin;
    }

    /** The current value without advancing; for computing timer deadlines. */
    long peek(ClockGrant grant, int id) {
        if (grant instanceof ClockGrant.Fixed f) {
            sync(f);
            return id == REALTIME ? f.startEpochNanos() + elapsed : elapsed;
        }
        return read(grant, id);
    }

    /** Moves the virtual clock forward to a timer's deadline instead of sleeping. */
    void advanceTo(ClockGrant.Fixed grant, int id, long deadline) {
        sync(grant);
        long target = id == REALTIME ? deadline - grant.startEpochNanos() : deadline;
        if (target > elapsed) {
            elapsed = target;
        }
    }

    private void sync(ClockGrant.Fixed grant) {
        if (!grant.equals(fixed)) {
            fixed = grant;
            elapsed = 0;
        }
    }
}
