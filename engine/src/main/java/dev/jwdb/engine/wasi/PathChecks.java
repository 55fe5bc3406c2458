package dev.jwdb.engine.wasi;

import java.util.List;

/**
 * Puts every guest path through the {@link CapabilityGate} and reports the decision as a capability event: a path
 * comes back only when it may be used (inside a grant, or a virtual directory of the gate for reading); otherwise
 * the call ends with {@code ENOTCAPABLE}, or is held.
 */
final class PathChecks {
    private final HostContext context;

    PathChecks(HostContext context) {
        this.context = context;
    }

    Descriptor.OpenDirectory directory(long fd) {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.OpenDirectory dir) {
            return dir;
        }
        throw new ErrnoException(Errno.NOTDIR);
    }

    /** Checks a path argument relative to the directory descriptor {@code dirFd}. */
    Resolution check(String function, long dirFd, String path, boolean follow, boolean writes, List<String> flags) {
        Descriptor.OpenDirectory dir = directory(dirFd);
        Resolution r = CapabilityGate.resolve(context.now, dir.path, path, follow);
        EventDraft draft = new EventDraft(function, Capability.FILES).flags(flags).writes(writes)
                .arg("fd", (int) dirFd).arg("path", path).path(r.path());
        return decide(draft, r, writes, r instanceof Resolution.Escape ? quote(path) : quote(r.path().toString()));
    }

    /** Re-checks an open directory's own path, for calls on the descriptor itself. Only denials are reported. */
    Resolution checkDirectory(String function, long fd, Descriptor.OpenDirectory dir, boolean writes) {
        Resolution r = CapabilityGate.classify(context.now, dir.path);
        if (r instanceof Resolution.Mounted m && !(writes && m.grant().readOnly())
                || r instanceof Resolution.Virtual && !writes) {
            return r;
        }
        EventDraft draft = new EventDraft(function, Capability.FILES).writes(writes).arg("fd", (int) fd)
                .path(r.path());
        return decide(draft, r, writes, quote(r.path().toString()));
    }

    private Resolution decide(EventDraft draft, Resolution r, boolean writes, String subject) {
        draft.subject(subject);
        if (r instanceof Resolution.Mounted m) {
            draft.grant(m.grant());
            if (writes && m.grant().readOnly()) {
                DirGrant rw = m.grant().readWrite();
                throw context.deny(draft, Errno.NOTCAPABLE, m.grant().guest() + " is granted read-only",
                        new SuggestedGrant(rw.shellCommand(), rw.flag()));
            }
            context.allow(draft);
            return r;
        }
        if (r instanceof Resolution.Virtual && !writes) {
            context.allow(draft);
            return r;
        }
        if (r instanceof Resolution.Escape e) {
            throw context.deny(draft, Errno.NOTCAPABLE, e.reason() + "; no grant can allow this", null);
        }
        GuestPath top = r.path().isRoot() ? r.path() : r.path().topLevel();
        throw context.deny(draft, Errno.NOTCAPABLE, "no grant covers " + top, suggestDir(top, !writes));
    }

    /**
     * The directory grant to suggest for {@code guest}: read-only when the request changes nothing (no write right,
     * no create, truncate or append, no change to a directory), since least privilege is what a user copies.
     */
    static SuggestedGrant suggestDir(GuestPath guest, boolean readOnly) {
        String spec = "HOST::" + guest;
        return readOnly ? new SuggestedGrant("grant dir " + spec + " ro", "--ro-dir " + spec)
                : new SuggestedGrant("grant dir " + spec, "--dir " + spec);
    }

    static String quote(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
