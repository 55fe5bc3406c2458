package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host directory visible to the guest at {@code guest}. The host root is resolved to its real path once, so
 * that absolute symlink targets can be compared against it; {@code hostAsWritten} keeps the host as the user wrote
 * it ({@code --dir out::/out}, {@code grant dir ../data::/data}), for everything that shows the grant back to them.
 * It is null for a grant made by code rather than typed.
 */
public record DirGrant(Path host, GuestPath guest, boolean readOnly, String hostAsWritten) {
    public DirGrant {
        host = realOrAbsolute(host);
    }

    /** A grant nobody typed: its host is shown by the rule of {@link #displayHost()}. */
    public DirGrant(Path host, GuestPath guest, boolean readOnly) {
        this(host, guest, readOnly, null);
    }

    /** Parses {@code HOST[::GUEST]}; without {@code ::GUEST} the guest sees the directory at the host's path. */
    public static DirGrant parse(String spec, boolean readOnly) {
        int split = spec.indexOf("::");
        String host = split < 0 ? spec : spec.substring(0, split);
        String guest = split < 0 ? spec : spec.substring(split + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new IllegalArgumentException("expected HOST[::GUEST], got " + spec);
        }
        Path hostPath = Path.of(host);
        String guestText = guest.startsWith("/") ? guest : "/" + guest;
        if (split < 0) {
            guestText = hostPath.toAbsolutePath().normalize().toString();
        }
        return new DirGrant(hostPath, GuestPath.parse(guestText), readOnly, host);
    }

    /** The same directory, read-write: what a write refused by this read-only grant needs. */
    public DirGrant readWrite() {
        return new DirGrant(host, guest, false, hostAsWritten);
    }

    /** {@code HOST::GUEST}, the argument of {@code grant dir} and {@code --dir}; HOST as {@link #displayHost()}. */
    public String spec() {
        return displayHost() + "::" + guest;
    }

    /**
     * The host directory as the user wrote it (relative stays relative: a suggestion works from the same place just
     * the same). A grant nobody typed is spelled {@code ./RELATIVE} when it lies under the working directory, so as
     * not to print where the user's files happen to live, else absolute.
     */
    public String displayHost() {
        if (hostAsWritten != null) {
            return hostAsWritten;
        }
        Path cwd = realOrAbsolute(Path.of(""));
        if (host.startsWith(cwd) && !host.equals(cwd)) {
            return "./" + cwd.relativize(host);
        }
        return host.toString();
    }

    public String shellCommand() {
        return "grant dir " + spec() + (readOnly ? " ro" : "");
    }

    public String flag() {
        return (readOnly ? "--ro-dir " : "--dir ") + spec();
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
