package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The {@code path_*} functions except {@code path_open}: each path goes through the gate before anything happens. */
final class PathFunctions {
    private final HostContext context;
    private final PathChecks paths;

    PathFunctions(HostContext context, PathChecks paths) {
        this.context = context;
        this.paths = paths;
    }

    void register(FunctionTable t) {
        t.add("path_create_directory", "iii", this::createDirectory);
        t.add("path_remove_directory", "iii", this::removeDirectory);
        t.add("path_unlink_file", "iii", this::unlinkFile);
        t.add("path_filestat_get", "iiiii", this::filestatGet);
        t.add("path_filestat_set_times", "iiiiIIi", this::filestatSetTimes);
        t.add("path_link", "iiiiiii", this::link);
        t.add("path_rename", "iiiiii", this::rename);
        t.add("path_symlink", "iiiii", this::symlink);
        t.add("path_readlink", "iiiiii", this::readlink);
    }

    private Errno createDirectory(Guest g, long[] a) throws IOException {
        String path = g.path(Guest.pointer(a[1]), Guest.pointer(a[2]));
        Resolution.Mounted m = mounted(paths.check("path_create_directory", a[0], path, false, true, List.of()));
        Files.createDirectory(m.host());
        return Errno.SUCCESS;
    }

    private Errno removeDirectory(Guest g, long[] a) throws IOException {
        String path = g.path(Guest.pointer(a[1]), Guest.pointer(a[2]));
        Resolution.Mounted m = mounted(paths.check("path_remove_directory", a[0], path, false, true, List.of()));
        if (m.isMountPoint()) {
            return Errno.BUSY;
        }
        if (!Files.isDirectory(m.host(), LinkOption.NOFOLLOW_LINKS)) {
            return Files.exists(m.host(), LinkOption.NOFOLLOW_LINKS) ? Errno.NOTDIR : Errno.NOENT;
        }
        Files.delete(m.host());
        return Errno.SUCCESS;
    }

    private Errno unlinkFile(Guest g, long[] a) throws IOException {
        String path = g.path(Guest.pointer(a[1]), Guest.pointer(a[2]));
        Resolution.Mounted m = mounted(paths.check("path_unlink_file", a[0], path, false, true, List.of()));
        if (Files.isDirectory(m.host(), LinkOption.NOFOLLOW_LINKS)) {
            return Errno.ISDIR;
        }
        Files.delete(m.host());
        return Errno.SUCCESS;
    }

    private Errno filestatGet(Guest g, long[] a) throws IOException {
        boolean follow = (a[1] & Rights.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = g.path(Guest.pointer(a[2]), Guest.pointer(a[3]));
        long out = Guest.pointer(a[4]);
        g.check(out, FileStats.SIZE);
        Resolution r = paths.check("path_filestat_get", a[0], path, follow, false, List.of());
        if (r instanceof Resolution.Mounted m) {
            FileStats.write(g, out, m.host());
        } else {
            FileStats.writeSynthetic(g, out, Rights.FILETYPE_DIRECTORY);
        }
        return Errno.SUCCESS;
    }

    private Errno filestatSetTimes(Guest g, long[] a) throws IOException {
        boolean follow = (a[1] & Rights.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = g.path(Guest.pointer(a[2]), Guest.pointer(a[3]));
        FileTimes times = FileTimes.of(a[4], a[5], (int) a[6]);
        Resolution.Mounted m = mounted(paths.check("path_filestat_set_times", a[0], path, follow, true, List.of()));
        times.apply(m.host());
        return Errno.SUCCESS;
    }

    private Errno link(Guest g, long[] a) throws IOException {
        boolean follow = (a[1] & Rights.LOOKUP_SYMLINK_FOLLOW) != 0;
        String oldPath = g.path(Guest.pointer(a[2]), Guest.pointer(a[3]));
        String newPath = g.path(Guest.pointer(a[5]), Guest.pointer(a[6]));
        Resolution.Mounted source = mounted(paths.check("path_link", a[0], oldPath, follow, false, List.of("source")));
        Resolution.Mounted target = mounted(paths.check("path_link", a[4], newPath, false, true, List.of("target")));
        if (!source.grant().equals(target.grant())) {
            // A second name in another grant would let the file be reached outside the grant it lives in.
            return Errno.XDEV;
        }
        if (Files.isDirectory(source.host(), LinkOption.NOFOLLOW_LINKS)) {
            return Errno.PERM;
        }
        Files.createLink(target.host(), source.host());
        return Errno.SUCCESS;
    }

    private Errno rename(Guest g, long[] a) throws IOException {
        String oldPath = g.path(Guest.pointer(a[1]), Guest.pointer(a[2]));
        String newPath = g.path(Guest.pointer(a[4]), Guest.pointer(a[5]));
        Resolution.Mounted source = mounted(paths.check("path_rename", a[0], oldPath, false, true, List.of("source")));
        Resolution.Mounted target = mounted(paths.check("path_rename", a[3], newPath, false, true, List.of("target")));
        if (!source.grant().equals(target.grant())) {
            return Errno.XDEV;
        }
        if (source.isMountPoint() || target.isMountPoint()) {
            return Errno.BUSY;
        }
        try {
            Files.move(source.host(), target.host(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Errno.XDEV;
        }
        return Errno.SUCCESS;
    }

    private Errno symlink(Guest g, long[] a) throws IOException {
        String target = g.path(Guest.pointer(a[0]), Guest.pointer(a[1]));
        String linkPath = g.path(Guest.pointer(a[3]), Guest.pointer(a[4]));
        Resolution.Mounted link = mounted(paths.check("path_symlink", a[2], linkPath, false, true, List.of()));
        String escape = escapeOf(link, target);
        if (escape != null) {
            EventDraft draft = new EventDraft("path_symlink", Capability.FILES).writes(true)
                    .subject(PathChecks.quote(link.path().toString()) + " -> " + PathChecks.quote(target))
                    .arg("fd", (int) a[2]).arg("path", linkPath).arg("target", target).path(link.path())
                    .grant(link.grant());
            throw context.deny(draft, Errno.NOTCAPABLE, escape + "; no grant can allow this", null);
        }
        Files.createSymbolicLink(link.host(), Path.of(target));
        return Errno.SUCCESS;
    }

    private Errno readlink(Guest g, long[] a) throws IOException {
        String path = g.path(Guest.pointer(a[1]), Guest.pointer(a[2]));
        long buf = Guest.pointer(a[3]);
        long len = Guest.pointer(a[4]);
        long usedPtr = Guest.pointer(a[5]);
        g.check(buf, len);
        g.check(usedPtr, 4);
        Resolution.Mounted m = mounted(paths.check("path_readlink", a[0], path, false, false, List.of()));
        if (!Files.isSymbolicLink(m.host())) {
            return Files.exists(m.host(), LinkOption.NOFOLLOW_LINKS) ? Errno.INVAL : Errno.NOENT;
        }
        byte[] text = Files.readSymbolicLink(m.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(text.length, len);
        g.put(buf, text, 0, n);
        g.putI32(usedPtr, n);
        return Errno.SUCCESS;
    }

    /**
     * Why a symlink with this target would point out of its grant, or null. Absolute targets are refused outright,
     * as in cap-std: they name host paths, which the guest must never depend on.
     */
    private static String escapeOf(Resolution.Mounted link, String target) {
        if (target.startsWith("/")) {
            return "symlink targets must be relative";
        }
        List<String> stack = new ArrayList<>(link.path().components());
        stack.remove(stack.size() - 1);
        int floor = link.grant().guest().depth();
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (stack.size() <= floor) {
                    return "the target leaves " + link.grant().guest();
                }
                stack.remove(stack.size() - 1);
            } else {
                stack.add(part);
            }
        }
        return null;
    }

    /** The operations here all act on host files: a virtual directory of the gate is not one. */
    private static Resolution.Mounted mounted(Resolution r) {
        if (r instanceof Resolution.Mounted m) {
            return m;
        }
        throw new ErrnoException(Errno.ACCES);
    }
}
