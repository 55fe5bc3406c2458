package dev.jwdb.engine.wasi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capabilities granted to the guest: data that the debugger may change between any two WASI calls (from
 * another thread while the guest is paused). Every change publishes a new {@link GrantSet}; the host reads one
 * snapshot per call. Nothing is granted by default except the three standard streams (arguments are always
 * passed).
 */
public final class Grants {
    private final List<DirGrant> dirs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Map<String, String> inheritedEnv;
    private ClockGrant clock = ClockGrant.DENIED;
    private RandomGrant random = RandomGrant.DENIED;
    private final Set<StdStream> stdio = EnumSet.allOf(StdStream.class);
    private final List<ListenAddress> listens = new ArrayList<>();
    private final List<ConnectPattern> connects = new ArrayList<>();
    private boolean audit;
    private long version;
    private volatile GrantSet current;

    public Grants() {
        publish();
    }

    public GrantSet snapshot() {
        return current;
    }

    /** Grants a directory; a grant at the same guest path replaces the earlier one. */
    public synchronized Grants dir(DirGrant grant) {
        dirs.removeIf(g -> g.guest().equals(grant.guest()));
        dirs.add(grant);
        return publish();
    }

    public synchronized boolean revokeDir(GuestPath guest) {
        boolean removed = dirs.removeIf(g -> g.guest().equals(guest));
        publish();
        return removed;
    }

    public synchronized Grants env(String name, String value) {
        env.put(name, value);
        return publish();
    }

    public synchronized boolean revokeEnv(String name) {
        boolean removed = env.remove(name) != null;
        publish();
        return removed;
    }

    /** Passes the whole host environment (the caller supplies it, typically {@code System.getenv()}). */
    public synchronized Grants inheritEnv(Map<String, String> hostEnvironment) {
        inheritedEnv = new LinkedHashMap<>(hostEnvironment);
        return publish();
    }

    public synchronized Grants revokeInheritedEnv() {
        inheritedEnv = null;
        return publish();
    }

    public synchronized Grants clock(ClockGrant grant) {
        clock = grant;
        return publish();
    }

    public synchronized Grants random(RandomGrant grant) {
        random = grant;
        return publish();
    }

    public synchronized Grants stdio(StdStream stream, boolean granted) {
        if (granted) {
            stdio.add(stream);
        } else {
            stdio.remove(stream);
        }
        return publish();
    }

    public synchronized Grants listen(ListenAddress address) {
        if (!listens.contains(address)) {
            listens.add(address);
        }
        return publish();
    }

    public synchronized boolean revokeListen(ListenAddress address) {
        boolean removed = listens.remove(address);
        publish();
        return removed;
    }

    public synchronized Grants connect(ConnectPattern pattern) {
        if (!connects.contains(pattern)) {
            connects.add(pattern);
        }
        return publish();
    }

    public synchronized boolean revokeConnect(ConnectPattern pattern) {
        boolean removed = connects.remove(pattern);
        publish();
        return removed;
    }

    /** Audit mode: clock and randomness are served even when not granted, and recorded as needed. */
    public synchronized Grants audit(boolean on) {
        audit = on;
        return publish();
    }

    private Grants publish() {
        current = new GrantSet(++version, dirs, env, inheritedEnv, clock, random, stdio, listens, connects, audit);
        return this;
    }
}
