package dev.jwdb.engine.wasi;

/** Access to randomness: none, the host's secure generator, or a seeded generator for reproducible runs. */
public sealed interface RandomGrant {
    record Denied() implements RandomGrant {
    }

    record Real() implements RandomGrant {
    }

    record Seeded(long seed) implements RandomGrant {
    }

    RandomGrant DENIED = new Denied();
    RandomGrant REAL = new Real();
}
