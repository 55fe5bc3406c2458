package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes the preview1 {@code filestat} (64 bytes: dev, ino, filetype, nlink, size, atim, mtim, ctim). */
final class FileStats {
    static final int SIZE = 64;

    private FileStats() {
    }

    /** The host file's status, of the link itself when it is a symlink (the gate has already followed links). */
    static void write(Guest guest, long ptr, Path host) throws IOException {
        guest.check(ptr, SIZE);
        BasicFileAttributes basic = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long dev = 0;
        long ino = 0;
        long nlink = 1;
        long ctim = nanos(basic.lastModifiedTime());
        int filetype = filetype(basic);
        try {
            Map<String, Object> unix = Files.readAttributes(host, "unix:dev,ino,nlink,mode,ctime", LinkOption.NOFOLLOW_LINKS);
            dev = ((Number) unix.get("dev")).longValue();
            ino = ((Number) unix.get("ino")).longValue();
            nlink = ((Number) unix.get("nlink")).longValue();
            ctim = nanos((FileTime) unix.get("ctime"));
            if (basic.isOther()) {
                filetype = filetypeOfMode(((Number) unix.get("mode")).intValue());
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system view: identity and link count stay unknown.
        }
        writeFields(guest, ptr, dev, ino, filetype, nlink, basic.size(), nanos(basic.lastAccessTime()),
                nanos(basic.lastModifiedTime()), ctim);
    }

    static void writeSynthetic(Guest guest, long ptr, int filetype) {
        guest.check(ptr, SIZE);
        writeFields(guest, ptr, 0, 0, filetype, 1, 0, 0, 0, 0);
    }

    static int filetype(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return Rights.FILETYPE_SYMBOLIC_LINK;
        }
        if (a.isDirectory()) {
            return Rights.FILETYPE_DIRECTORY;
        }
        if (a.isRegularFile()) {
            return Rights.FILETYPE_REGULAR_FILE;
        }
        return Rights.FILETYPE_UNKNOWN;
    }

    static long inode(Path host) {
        try {
            return ((Number) Files.getAttribute(host, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static int filetypeOfMode(int mode) {
        switch (mode & 0170000) {
            case 0140000:
                return Rights.FILETYPE_SOCKET_STREAM;
            case 0020000:
                return Rights.FILETYPE_CHARACTER_DEVICE;
            case 0060000:
                return Rights.FILETYPE_BLOCK_DEVICE;
            default:
                return Rights.FILETYPE_UNKNOWN;
        }
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    private static void writeFields(Guest g, long ptr, long dev, long ino, int filetype, long nlink, long size,
                                    long atim, long mtim, long ctim) {
        g.putI64(ptr, dev);
        g.putI64(ptr + 8, ino);
        g.putI64(ptr + 16, 0);
        g.putU8(ptr + 16, filetype);
        g.putI64(ptr + 24, nlink);
        g.putI64(ptr + 32, size);
        g.putI64(ptr + 40, atim);
        g.putI64(ptr + 48, mtim);
        g.putI64(ptr + 56, ctim);
    }
}
