package dev.jwdb.engine.wasi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants in force at one moment: an immutable snapshot taken at the start of each WASI call, so that a call
 * is decided against one consistent set even while the debugger thread edits {@link Grants}.
 *
 * @param inheritedEnv the host environment passed on whole, or null when not inherited
 * @param audit        audit mode: clock and randomness requests are served (real) and recorded as needed
 */
public record GrantSet(long version, List<DirGrant> dirs, Map<String, String> env, Map<String, String> inheritedEnv,
                       ClockGrant clock, RandomGrant random, Set<StdStream> stdio, List<ListenAddress> listens,
                       List<ConnectPattern> connects, boolean audit) {
    public GrantSet {
        dirs = List.copyOf(dirs);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        inheritedEnv = inheritedEnv == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inheritedEnv));
        stdio = stdio.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(stdio));
        listens = List.copyOf(listens);
        connects = List.copyOf(connects);
    }

    /** The environment the guest sees: the inherited one, overridden by variables granted one by one. */
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>();
        if (inheritedEnv != null) {
            all.putAll(inheritedEnv);
        }
        all.putAll(env);
        return all;
    }

    /** The grant with the deepest mount point containing {@code path}, or null. */
    public DirGrant mountFor(GuestPath path) {
        DirGrant best = null;
        for (DirGrant g : dirs) {
            if (path.startsWith(g.guest()) && (best == null || g.guest().depth() > best.guest().depth())) {
                best = g;
            }
        }
        return best;
    }
}
