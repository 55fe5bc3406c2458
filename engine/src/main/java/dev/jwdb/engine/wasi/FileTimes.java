package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The times to set from {@code *_filestat_set_times} arguments; null leaves a time unchanged. */
record FileTimes(FileTime access, FileTime modified) {
    static FileTimes of(long atim, long mtim, int fstFlags) {
        if ((fstFlags & ~15) != 0
                || (fstFlags & Rights.FST_ATIM) != 0 && (fstFlags & Rights.FST_ATIM_NOW) != 0
                || (fstFlags & Rights.FST_MTIM) != 0 && (fstFlags & Rights.FST_MTIM_NOW) != 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        FileTime now = FileTime.from(Instant.now());
        FileTime access = (fstFlags & Rights.FST_ATIM_NOW) != 0 ? now
                : (fstFlags & Rights.FST_ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
        FileTime modified = (fstFlags & Rights.FST_MTIM_NOW) != 0 ? now
                : (fstFlags & Rights.FST_MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
        return new FileTimes(access, modified);
    }

    void apply(Path host) throws IOException {
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
            throw new ErrnoException(Errno.NOENT);
        }
        Files.getFileAttributeView(host, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(modified, access, null);
    }
}
