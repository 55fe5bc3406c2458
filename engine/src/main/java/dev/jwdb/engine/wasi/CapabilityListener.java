package dev.jwdb.engine.wasi;

/**
 * Receives every capability decision as it happens. For a denial, the verdict says whether the guest gets the
 * errno now ({@link Verdict#DELIVER}) or the call is held ({@link Verdict#HOLD}): the host then throws
 * {@link CallHeld} without having changed any guest state, so the same call can be executed again later. The
 * verdict is ignored for allowed requests.
 */
@FunctionalInterface
public interface CapabilityListener {
    enum Verdict {
        DELIVER, HOLD
    }

    CapabilityListener DELIVER_ALL = event -> Verdict.DELIVER;

    Verdict onEvent(CapabilityEvent event);

    /** Both listeners see every event; the call is held if either holds it. */
    default CapabilityListener and(CapabilityListener other) {
        return event -> {
            Verdict a = onEvent(event);
            Verdict b = other.onEvent(event);
            return a == Verdict.HOLD || b == Verdict.HOLD ? Verdict.HOLD : Verdict.DELIVER;
        };
    }
}
