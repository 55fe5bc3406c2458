package dev.jwdb.engine.wasi;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Access to the clocks: none, the host's, or a virtual clock for reproducible runs.
 *
 * <p>The fixed clock starts at {@code startEpochNanos} and advances by {@code stepNanos} after every read, so that
 * time is reproducible yet strictly increasing (a guest busy-waiting for time to pass still terminates). Timers in
 * {@code poll_oneoff} do not sleep: they move the virtual clock to their deadline.
 */
public sealed interface ClockGrant {
    /** The default step of the fixed clock: one microsecond per read. */
    long DEFAULT_STEP_NANOS = 1_000;

    record Denied() implements ClockGrant {
    }

    record Real() implements ClockGrant {
    }

    record Fixed(long startEpochNanos, long stepNanos) implements ClockGrant {
        public Fixed {
            if (stepNanos < 0) {
                throw new IllegalArgumentException("clock step must not be negative");
            }
        }
    }

    ClockGrant DENIED = new Denied();
    ClockGrant REAL = new Real();

    /** Parses an ISO-8601 instant ({@code 2024-01-01T00:00:00Z}) or a count of nanoseconds since the epoch. */
    static Fixed fixed(String time) {
        String text = time.trim();
        try {
            return new Fixed(Long.parseLong(text), DEFAULT_STEP_NANOS);
        } catch (NumberFormatException notNanos) {
            try {
                Instant instant = Instant.parse(text);
                return new Fixed(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L),
                        instant.getNano()), DEFAULT_STEP_NANOS);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException(
                        "expected an ISO-8601 instant or epoch nanoseconds, got " + time);
            }
        }
    }
}
