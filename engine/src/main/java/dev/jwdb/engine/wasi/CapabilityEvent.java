package dev.jwdb.engine.wasi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One capability decision: which WASI function asked for what, with its arguments decoded from guest memory, what
 * was decided and the errno the guest gets; for a denial, why, and the grant that would have allowed it.
 *
 * @param subject    what was asked for, as shown to the user: a quoted guest path, {@code 127.0.0.1:8080},
 *                   {@code realtime}, {@code stdout}; empty when the request has no object
 * @param flags      the request's flags as words ({@code create}, {@code write})
 * @param arguments  the decoded arguments by name (fd, path, flags, address...)
 * @param writes     whether the request modifies something (creating, writing, deleting, renaming...)
 * @param path       the guest path asked for, when the request is about a file, else null
 * @param grant      the directory grant that served or refused the path, else null
 * @param reason     why it was denied ({@code no grant covers /logs}); empty when allowed
 * @param suggestion the grant that would allow it; null when allowed or when no grant can allow it
 */
public record CapabilityEvent(String function, Capability capability, String subject, List<String> flags,
                              Map<String, String> arguments, boolean writes, GuestPath path, DirGrant grant,
                              Decision decision, Errno errno, String reason, SuggestedGrant suggestion) {
    public CapabilityEvent {
        flags = List.copyOf(flags);
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public boolean denied() {
        return decision == Decision.DENIED;
    }

    /**
     * One line for the user, e.g. {@code denied path_open "/logs/app.log" (create, write): no grant covers /logs;
     * grant it with --dir HOST::/logs}. The runner prefixes {@code jwdb: }.
     */
    public String explanation() {
        StringBuilder line = new StringBuilder(decision.word()).append(' ').append(function);
        if (!subject.isEmpty()) {
            line.append(' ').append(subject);
        }
        if (!flags.isEmpty()) {
            line.append(" (").append(String.join(", ", flags)).append(')');
        }
        if (!reason.isEmpty()) {
            line.append(": ").append(reason);
        }
        if (suggestion != null) {
            line.append("; grant it with ").append(suggestion.flag());
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return explanation();
    }
}
