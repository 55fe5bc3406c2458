package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyGrantTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyGrantRefusesEveryWriteAndLeavesTheHostUnchanged() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "original");
        Files.createDirectory(dir.resolve("sub"));
        FileTime mtime = Files.getLastModifiedTime(dir.resolve("data.txt"));
        try (GuestCalls g = new GuestCalls(new Grants().dir(DirGrant.parse(dir + "::/data", true)))) {
            int fd = g.open(4, "data.txt", 0, GuestCalls.READ, 0);
            assertEquals("original", g.read(fd, 100));
            assertEquals(Errno.BADF, g.write(fd, "x"));
            assertEquals(Errno.BADF, g.call("fd_filestat_set_size", fd, 0L));
            assertEquals(Errno.NOTCAPABLE, g.call("fd_filestat_set_times", fd, 0L, 0L, Rights.FST_MTIM_NOW));
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "data.txt", 0, GuestCalls.WRITE));
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "data.txt", Rights.OFLAG_TRUNC, GuestCalls.READ));
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "new.txt", Rights.OFLAG_CREAT, GuestCalls.READ));
            assertEquals(Errno.NOTCAPABLE, g.call("path_create_directory", 4, g.put("d"), 1));
            assertEquals(Errno.NOTCAPABLE, g.call("path_remove_directory", 4, g.put("sub"), 3));
            assertEquals(Errno.NOTCAPABLE, g.call("path_unlink_file", 4, g.put("data.txt"), 8));
            assertEquals(Errno.NOTCAPABLE, g.call("path_rename", 4, g.put("data.txt"), 8, 4, g.put("x"), 1));
            assertEquals(Errno.NOTCAPABLE, g.call("path_link", 4, 0, g.put("data.txt"), 8, 4, g.put("x"), 1));
            assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", g.put("data.txt"), 8, 4, g.put("x"), 1));
            assertEquals(Errno.NOTCAPABLE, g.call("path_filestat_set_times", 4, 0, g.put("data.txt"), 8, 0L, 0L,
                    Rights.FST_MTIM_NOW));
            CapabilityEvent e = g.lastEvent();
            assertEquals("denied path_filestat_set_times \"/data/data.txt\": /data is granted read-only; "
                    + "grant it with --dir " + dir + "::/data", e.explanation());
        }
        assertEquals("original", Files.readString(dir.resolve("data.txt")));
        assertEquals(mtime, Files.getLastModifiedTime(dir.resolve("data.txt")));
        assertTrue(Files.isDirectory(dir.resolve("sub")));
        assertFalse(Files.exists(dir.resolve("new.txt")));
        assertFalse(Files.exists(dir.resolve("d")));
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
