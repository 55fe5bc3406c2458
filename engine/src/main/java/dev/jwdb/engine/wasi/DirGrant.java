package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host directory visible to the guest at {@code guest}. The host root is resolved to its real path once, so
 * that absolute symlink targets can be compared against it.
 */
public record DirGrant(Path host, GuestPath guest, boolean readOnly) {
    public DirGrant {
        host = realOrAbsolute(host);
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
        return new DirGrant(hostPath, GuestPath.parse(guestText), readOnly);
    }

    /**
     * {@code HOST::GUEST}, the argument of {@code grant dir} and {@code --dir}. A host directory under the working
     * directory is spelled relative to it ({@code ./out}), as the user typed it: the suggestion works from there
     * just the same, and does not print where the user's files happen to live.
     */
    public String spec() {
        return displayHost() + "::" + guest;
    }

    /** The host directory, as {@code ./RELATIVE} when it lies under the working directory, else absolute. */
    public String displayHost() {
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
