package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Resolves guest paths against the grants in force, confining them on the host side.
 *
 * <p>A path is walked component by component in the guest's namespace, starting at the directory descriptor's
 * guest path. {@code ..} may not climb above that directory. Inside a grant every component is checked on the host:
 * a symlink is expanded in place, its absolute target must lie inside the same grant, and once a symlink has been
 * followed {@code ..} may no longer leave that grant, so no link can point the walk out of it. Only the final
 * component is left unexpanded when the caller does not follow symlinks, so that operations on links act on the
 * link itself.
 */
final class CapabilityGate {
    private static final int MAX_SYMLINKS = 40;

    private CapabilityGate() {
    }

    /**
     * Resolves {@code relative} (guest input, relative to the directory {@code base}); an empty string means
     * {@code base} itself.
     */
    static Resolution resolve(GrantSet grants, GuestPath base, String relative, boolean followFinal) {
        if (relative.startsWith("/")) {
            return new Resolution.Escape(base, "absolute paths are not allowed; paths are relative to a directory");
        }
        Deque<String> pending = new ArrayDeque<>(Arrays.asList(relative.split("/")));
        List<String> stack = new ArrayList<>(base.components());
        int floor = stack.size();
        String floorName = base.toString();
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (stack.size() <= floor) {
                    return new Resolution.Escape(new GuestPath(stack), "'..' leaves " + floorName);
                }
                stack.remove(stack.size() - 1);
                continue;
            }
            stack.add(c);
            if (pending.stream().allMatch(p -> p.isEmpty() || p.equals(".")) && !followFinal) {
                continue;
            }
            GuestPath current = new GuestPath(stack);
            DirGrant grant = grants.mountFor(current);
            if (grant == null || current.equals(grant.guest())) {
                continue;
            }
            Path host = hostPath(grant, current);
            if (!Files.isSymbolicLink(host)) {
                continue;
            }
            if (++links > MAX_SYMLINKS) {
                throw new ErrnoException(Errno.LOOP);
            }
            String target = readLink(host);
            stack.remove(stack.size() - 1);
            if (target.startsWith("/")) {
                Path absolute = Path.of(target).normalize();
                if (!absolute.startsWith(grant.host())) {
                    return new Resolution.Escape(current, "symlink " + current + " points outside " + grant.guest());
                }
                stack = new ArrayList<>(grant.guest().components());
                List<String> parts = new ArrayList<>();
                grant.host().relativize(absolute).forEach(part -> parts.add(part.toString()));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
            } else {
                List<String> parts = Arrays.asList(target.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
            }
            if (grant.guest().depth() >= floor) {
                floor = grant.guest().depth();
                floorName = grant.guest().toString() + " (through symlink " + current + ")";
            }
        }
        return classify(grants, new GuestPath(stack));
    }

    /** Classifies an already-resolved absolute guest path. */
    static Resolution classify(GrantSet grants, GuestPath path) {
        DirGrant grant = grants.mountFor(path);
        if (grant != null) {
            return new Resolution.Mounted(path, grant, hostPath(grant, path));
        }
        if (path.isRoot() || grants.dirs().stream().anyMatch(g -> g.guest().startsWith(path))) {
            return new Resolution.Virtual(path);
        }
        return new Resolution.Uncovered(path);
    }

    /** The names directly under a virtual directory: the next component of every mount point below it. */
    static List<String> virtualChildren(GrantSet grants, GuestPath dir) {
        TreeSet<String> names = new TreeSet<>();
        for (DirGrant g : grants.dirs()) {
            if (g.guest().depth() > dir.depth() && g.guest().startsWith(dir)) {
                names.add(g.guest().components().get(dir.depth()));
            }
        }
        return new ArrayList<>(names);
    }

    private static Path hostPath(DirGrant grant, GuestPath path) {
        Path host = grant.host();
        try {
            for (String part : path.after(grant.guest())) {
                host = host.resolve(part);
            }
        } catch (InvalidPathException e) {
            throw new ErrnoException(Errno.ILSEQ);
        }
        return host;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ErrnoException(HostErrors.errno(e));
        }
    }
}
