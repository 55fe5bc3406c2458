package dev.jwdb.engine.wasi;

/** What the capability policy decided for one request. */
public enum Decision {
    /** Covered by a grant. */
    ALLOWED,
    /** Not covered; the guest gets the event's errno (unless the call is held). */
    DENIED,
    /** Not covered, but served because the grants are in audit mode; counts as needed. */
    AUDITED;

    public String word() {
        return name().toLowerCase();
    }
}
