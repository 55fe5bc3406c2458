package dev.jwdb.engine.wasi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what a WASI call asked for, before the policy decides; then becomes a {@link CapabilityEvent}. */
final class EventDraft {
    private final String function;
    private final Capability capability;
    private String subject = "";
    private List<String> flags = List.of();
    private final Map<String, String> arguments = new LinkedHashMap<>();
    private boolean writes;
    private GuestPath path;
    private DirGrant grant;

    EventDraft(String function, Capability capability) {
        this.function = function;
        this.capability = capability;
    }

    EventDraft subject(String subject) {
        this.subject = subject;
        return this;
    }

    EventDraft flags(List<String> flags) {
        this.flags = flags;
        return this;
    }

    EventDraft arg(String name, Object value) {
        arguments.put(name, String.valueOf(value));
        return this;
    }

    EventDraft writes(boolean writes) {
        this.writes = writes;
        return this;
    }

    EventDraft path(GuestPath path) {
        this.path = path;
        return this;
    }

    EventDraft grant(DirGrant grant) {
        this.grant = grant;
        return this;
    }

    CapabilityEvent allowed() {
        return build(Decision.ALLOWED, Errno.SUCCESS, "", null);
    }

    CapabilityEvent denied(Errno errno, String reason, SuggestedGrant suggestion) {
        return build(Decision.DENIED, errno, reason, suggestion);
    }

    CapabilityEvent audited(String reason, SuggestedGrant suggestion) {
        return build(Decision.AUDITED, Errno.SUCCESS, reason, suggestion);
    }

    private CapabilityEvent build(Decision decision, Errno errno, String reason, SuggestedGrant suggestion) {
        return new CapabilityEvent(function, capability, subject, flags, arguments, writes, path, grant, decision,
                errno, reason, suggestion);
    }
}
