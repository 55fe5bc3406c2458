package dev.jwdb.engine.wasi;

/** Clocks and randomness, each denied unless granted (served anyway, and recorded, in audit mode). */
final class ClockRandomFunctions {
    static final SuggestedGrant CLOCK = new SuggestedGrant("grant clock", "--allow clock");
    static final SuggestedGrant RANDOM = new SuggestedGrant("grant random", "--allow random");
    private static final String[] CLOCK_NAMES = {"realtime", "monotonic", "process_cputime", "thread_cputime"};

    private final HostContext context;

    ClockRandomFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("clock_res_get", "ii", (g, a) -> {
            int id = (int) a[0];
            long out = Guest.pointer(a[1]);
            if (!GuestClock.valid(id)) {
                return Errno.INVAL;
            }
            g.check(out, 8);
            // The resolution says nothing about the time itself, so it needs no grant.
            g.putI64(out, context.clock.resolution(context.now.clock(), id));
            return Errno.SUCCESS;
        });
        t.add("clock_time_get", "iIi", (g, a) -> {
            int id = (int) a[0];
            long out = Guest.pointer(a[2]);
            if (!GuestClock.valid(id)) {
                return Errno.INVAL;
            }
            g.check(out, 8);
            ClockGrant grant = checkClock("clock_time_get", id);
            g.putI64(out, context.clock.read(grant, id));
            return Errno.SUCCESS;
        });
        t.add("random_get", "ii", (g, a) -> {
            long buf = Guest.pointer(a[0]);
            long len = Guest.pointer(a[1]);
            g.check(buf, len);
            if (len > Guest.MAX_TRANSFER) {
                return Errno.INVAL;
            }
            EventDraft draft = new EventDraft("random_get", Capability.RANDOM).subject(len + " bytes")
                    .arg("length", len);
            RandomGrant grant = context.now.random();
            if (grant instanceof RandomGrant.Denied) {
                if (!context.now.audit()) {
                    throw context.deny(draft, Errno.NOTCAPABLE, "randomness is not granted", RANDOM);
                }
                context.audited(draft, "randomness is not granted", RANDOM);
                grant = RandomGrant.REAL;
            } else {
                context.allow(draft);
            }
            g.put(buf, context.random.next(grant, (int) len));
            return Errno.SUCCESS;
        });
    }

    /** Decides a use of clock {@code id}; returns the clock to read. */
    ClockGrant checkClock(String function, int id) {
        EventDraft draft = new EventDraft(function, Capability.CLOCK).subject(CLOCK_NAMES[id]).arg("clock", id);
        ClockGrant grant = context.now.clock();
        if (grant instanceof ClockGrant.Denied) {
            if (!context.now.audit()) {
                throw context.deny(draft, Errno.NOTCAPABLE, "the clock is not granted", CLOCK);
            }
            context.audited(draft, "the clock is not granted", CLOCK);
            return ClockGrant.REAL;
        }
        context.allow(draft);
        return grant;
    }
}
