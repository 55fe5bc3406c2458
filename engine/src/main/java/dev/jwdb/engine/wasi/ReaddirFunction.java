package dev.jwdb.engine.wasi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fd_readdir}: {@code .}, {@code ..}, then the entries sorted by name so that cookies (entry indexes) stay
 * stable between calls. Through the gate, a virtual directory lists only the mount points below it.
 */
final class ReaddirFunction {
    private static final int DIRENT_SIZE = 24;

    private final HostContext context;
    private final PathChecks paths;

    ReaddirFunction(HostContext context, PathChecks paths) {
        this.context = context;
        this.paths = paths;
    }

    void register(FunctionTable t) {
        t.add("fd_readdir", "iiiIi", this::readdir);
    }

    private record Entry(String name, long inode, int filetype) {
    }

    private Errno readdir(Guest g, long[] a) throws IOException {
        Descriptor d = context.fds.get(a[0]);
        long buf = Guest.pointer(a[1]);
        long len = Guest.pointer(a[2]);
        long cookie = a[3];
        long usedPtr = Guest.pointer(a[4]);
        g.check(buf, len);
        g.check(usedPtr, 4);
        if (!(d instanceof Descriptor.OpenDirectory dir)) {
            return Errno.NOTDIR;
        }
        Resolution r = paths.checkDirectory("fd_readdir", a[0], dir, false);
        List<Entry> entries = r instanceof Resolution.Mounted m ? hostEntries(m.host()) : virtualEntries(r.path());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = Math.max(0, cookie); i < entries.size() && out.size() < len; i++) {
            Entry e = entries.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer header = ByteBuffer.allocate(DIRENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(i + 1).putLong(e.inode()).putInt(name.length).put((byte) e.filetype());
            out.write(header.array(), 0, DIRENT_SIZE);
            out.write(name, 0, name.length);
        }
        // A truncated last entry tells the guest to retry with a larger buffer, as the ABI specifies.
        int used = (int) Math.min(out.size(), len);
        g.put(buf, out.toByteArray(), 0, used);
        g.putI32(usedPtr, used);
        return Errno.SUCCESS;
    }

    private List<Entry> hostEntries(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(".", FileStats.inode(dir), Rights.FILETYPE_DIRECTORY));
        entries.add(new Entry("..", 0, Rights.FILETYPE_DIRECTORY));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort(null);
        for (Path child : children) {
            int type;
            try {
                type = FileStats.filetype(Files.readAttributes(child, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS));
            } catch (IOException vanished) {
                continue;
            }
            entries.add(new Entry(child.getFileName().toString(), FileStats.inode(child), type));
        }
        return entries;
    }

    private List<Entry> virtualEntries(GuestPath dir) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(".", 0, Rights.FILETYPE_DIRECTORY));
        entries.add(new Entry("..", 0, Rights.FILETYPE_DIRECTORY));
        for (String name : CapabilityGate.virtualChildren(context.now, dir)) {
            entries.add(new Entry(name, 0, Rights.FILETYPE_DIRECTORY));
        }
        return entries;
    }
}
