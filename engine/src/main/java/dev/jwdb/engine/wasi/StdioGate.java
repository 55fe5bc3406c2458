package dev.jwdb.engine.wasi;

/** The capability check for the standard streams, granted by default and revocable. */
final class StdioGate {
    private StdioGate() {
    }

    static void check(HostContext context, String function, StdStream stream) {
        EventDraft draft = new EventDraft(function, Capability.STDIO).subject(stream.word())
                .arg("fd", stream.fd()).writes(stream != StdStream.STDIN);
        if (context.now.stdio().contains(stream)) {
            context.allow(draft);
            return;
        }
        throw context.deny(draft, Errno.NOTCAPABLE, stream.word() + " is revoked",
                new SuggestedGrant("grant " + stream.word(), "--allow " + stream.word()));
    }
}
