package dev.jwdb.engine.wasi;

import java.security.SecureRandom;

/**
 * Fills guest buffers with random bytes: the host's secure generator, or for a seeded grant a SplitMix64 stream,
 * which is fully specified by its seed so runs are reproducible on any JVM. The stream restarts when the seed
 * changes.
 */
final class GuestRandom {
    private final SecureRandom secure = new SecureRandom();
    private RandomGrant.Seeded seeded;
    private long state;

    byte[] next(RandomGrant grant, int length) {
        byte[] out = new byte[length];
        if (grant instanceof RandomGrant.Seeded s) {
            if (!s.equals(seeded)) {
                seeded = s;
                state = s.seed();
            }
            for (int i = 0; i < length; i += 8) {
                long word = splitMix();
                for (int b = 0; b < 8 && i + b < length; b++) {
                    out[i + b] = (byte) (word >>> (8 * b));
                }
            }
        } else {
            secure.nextBytes(out);
        }
        return out;
    }

    private long splitMix() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
