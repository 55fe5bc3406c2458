package dev.jwdb.engine.wasi;

import java.nio.file.Path;

/** Where a guest path led, as decided by the {@link CapabilityGate}. */
sealed interface Resolution {
    GuestPath path();

    /** Inside a granted directory, served from {@code host}. */
    record Mounted(GuestPath path, DirGrant grant, Path host) implements Resolution {
        boolean isMountPoint() {
            return path.equals(grant.guest());
        }
    }

    /** The root or a directory above some mount point: exists only in the gate's view, lists the mounts. */
    record Virtual(GuestPath path) implements Resolution {
    }

    /** No grant covers the path. */
    record Uncovered(GuestPath path) implements Resolution {
    }

    /** The path tries to leave its directory or its grant; no grant can allow it. */
    record Escape(GuestPath path, String reason) implements Resolution {
    }
}
