package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}: clock subscriptions (timers) and fd read/write readiness. Files, directories and the
 * standard streams are always ready (stdin reports the bytes available without blocking); sockets are selected on.
 * A timer needs the clock grant; under a fixed clock it fires at once and moves the virtual clock to its deadline,
 * so reproducible runs never sleep.
 */
final class PollFunction {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int TYPE_CLOCK = 0;
    private static final int TYPE_FD_READ = 1;
    private static final int TYPE_FD_WRITE = 2;
    private static final int ABSTIME = 1;

    private final HostContext context;
    private final ClockRandomFunctions clocks;

    PollFunction(HostContext context, ClockRandomFunctions clocks) {
        this.context = context;
        this.clocks = clocks;
    }

    void register(FunctionTable t) {
        t.add("poll_oneoff", "iiii", this::poll);
    }

    private record Subscription(long userdata, int type, int clockId, long deadline, int fd) {
    }

    private record Event(long userdata, Errno error, int type, long nbytes) {
    }

    private Errno poll(Guest g, long[] a) throws IOException {
        long in = Guest.pointer(a[0]);
        long out = Guest.pointer(a[1]);
        long n = Guest.pointer(a[2]);
        long countPtr = Guest.pointer(a[3]);
        if (n == 0) {
            return Errno.INVAL;
        }
        g.check(in, n * SUBSCRIPTION_SIZE);
        g.check(out, n * EVENT_SIZE);
        g.check(countPtr, 4);
        List<Subscription> subs = new ArrayList<>();
        ClockGrant clock = null;
        for (long i = 0; i < n; i++) {
            long s = in + i * SUBSCRIPTION_SIZE;
            int type = g.u8(s + 8);
            if (type > TYPE_FD_WRITE) {
                return Errno.INVAL;
            }
            if (type == TYPE_CLOCK) {
                int id = g.i32(s + 16);
                if (!GuestClock.valid(id)) {
                    return Errno.INVAL;
                }
                if (clock == null) {
                    clock = clocks.checkClock("poll_oneoff", id);
                }
                long timeout = g.i64(s + 24);
                boolean absolute = (g.u16(s + 40) & ABSTIME) != 0;
                long deadline = absolute ? timeout : saturatingAdd(context.clock.peek(clock, id), timeout);
                subs.add(new Subscription(g.i64(s), type, id, deadline, -1));
            } else {
                subs.add(new Subscription(g.i64(s), type, -1, 0, g.i32(s + 16)));
            }
        }
        List<Event> events = waitForEvents(subs, clock);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            long at = out + (long) i * EVENT_SIZE;
            g.putI64(at, e.userdata());
            g.putI64(at + 8, 0);
            g.putU16(at + 8, e.error().code());
            g.putU8(at + 10, e.type());
            g.putI64(at + 16, e.nbytes());
            g.putI64(at + 24, 0);
        }
        g.putI32(countPtr, events.size());
        return Errno.SUCCESS;
    }

    private List<Event> waitForEvents(List<Subscription> subs, ClockGrant clock) throws IOException {
        try (Selector selector = Selector.open()) {
            while (true) {
                List<Event> ready = new ArrayList<>();
                boolean sockets = false;
                for (Subscription s : subs) {
                    if (s.type() == TYPE_CLOCK) {
                        continue;
                    }
                    Descriptor d = context.fds.find(s.fd());
                    if (d == null) {
                        ready.add(new Event(s.userdata(), Errno.BADF, s.type(), 0));
                    } else if (d instanceof Descriptor.Socket socket) {
                        SelectableChannel ch = channel(socket);
                        if (ch == null) {
                            ready.add(new Event(s.userdata(), Errno.NOTCONN, s.type(), 0));
                        } else {
                            sockets = true;
                            register(selector, ch, s.type() == TYPE_FD_READ
                                    ? (socket instanceof Descriptor.Listener ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ)
                                    : SelectionKey.OP_WRITE);
                            if (socket instanceof Descriptor.Stream st && s.type() == TYPE_FD_READ
                                    && st.peeked.length > 0) {
                                ready.add(new Event(s.userdata(), Errno.SUCCESS, s.type(), st.peeked.length));
                            }
                        }
                    } else {
                        ready.add(new Event(s.userdata(), Errno.SUCCESS, s.type(), available(d, s.type())));
                    }
                }
                if (sockets && ready.isEmpty()) {
                    selector.selectNow();
                    addSelected(selector, subs, ready);
                }
                addExpiredTimers(subs, clock, ready);
                if (!ready.isEmpty()) {
                    return ready;
                }
                long waitNanos = nextTimer(subs, clock);
                if (clock instanceof ClockGrant.Fixed fixed && waitNanos >= 0) {
                    Subscription first = earliestTimer(subs);
                    context.clock.advanceTo(fixed, first.clockId(), first.deadline());
                    continue;
                }
                long millis = waitNanos < 0 ? 0 : Math.max(1, waitNanos / 1_000_000);
                if (sockets) {
                    selector.select(millis);
                } else if (waitNanos >= 0) {
                    sleep(millis);
                }
            }
        }
    }

    private void addSelected(Selector selector, List<Subscription> subs, List<Event> ready) {
        for (SelectionKey key : selector.selectedKeys()) {
            for (Subscription s : subs) {
                Descriptor d = context.fds.find(s.fd());
                if (d instanceof Descriptor.Socket socket && channel(socket) == key.channel()) {
                    boolean wanted = s.type() == TYPE_FD_READ ? (key.readyOps() & (SelectionKey.OP_READ
                            | SelectionKey.OP_ACCEPT)) != 0 : (key.readyOps() & SelectionKey.OP_WRITE) != 0;
                    if (wanted) {
                        ready.add(new Event(s.userdata(), Errno.SUCCESS, s.type(), 0));
                    }
                }
            }
        }
        selector.selectedKeys().clear();
    }

    private void addExpiredTimers(List<Subscription> subs, ClockGrant clock, List<Event> ready) {
        for (Subscription s : subs) {
            if (s.type() == TYPE_CLOCK && context.clock.peek(clock, s.clockId()) >= s.deadline()) {
                ready.add(new Event(s.userdata(), Errno.SUCCESS, TYPE_CLOCK, 0));
            }
        }
    }

    /** Nanoseconds until the earliest timer, or -1 without timers. */
    private long nextTimer(List<Subscription> subs, ClockGrant clock) {
        Subscription first = earliestTimer(subs);
        return first == null ? -1 : Math.max(0, first.deadline() - context.clock.peek(clock, first.clockId()));
    }

    private static Subscription earliestTimer(List<Subscription> subs) {
        Subscription first = null;
        for (Subscription s : subs) {
            if (s.type() == TYPE_CLOCK && (first == null || s.deadline() < first.deadline())) {
                first = s;
            }
        }
        return first;
    }

    private long available(Descriptor d, int type) throws IOException {
        if (type == TYPE_FD_WRITE) {
            return 0;
        }
        if (d instanceof Descriptor.OpenFile f) {
            return Math.max(0, f.channel.size() - f.channel.position());
        }
        if (d instanceof Descriptor.Stdio s && s.stream == StdStream.STDIN) {
            return Math.max(0, context.stdio.in().available());
        }
        return 0;
    }

    private static SelectableChannel channel(Descriptor.Socket socket) {
        if (socket instanceof Descriptor.Listener l) {
            return l.channel;
        }
        if (socket instanceof Descriptor.Stream s) {
            return s.channel;
        }
        return null;
    }

    private static void register(Selector selector, SelectableChannel channel, int ops) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            channel.register(selector, ops);
        } else {
            key.interestOps(key.interestOps() | ops);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.INTR);
        }
    }
}
