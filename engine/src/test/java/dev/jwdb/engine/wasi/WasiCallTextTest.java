package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WasiCallTextTest {
    private final GuestCalls g = new GuestCalls(new Grants());

    private String traced(String function, long... args) {
        String call = WasiCallText.call(function, args, g.memory);
        long[] results = g.host.function(function).call(g.memory, args);
        return call + " -> " + WasiCallText.outcome(function, args, results, g.memory);
    }

    @Test
    void everyFunctionOfTheHostIsDescribedWithItsParameterCount() {
        for (WasiFunction f : g.host.functions()) {
            assertEquals(f.type().params().size(), WasiCallText.parameterCount(f.name()), f.name());
        }
    }

    @Test
    void aWriteShowsItsBytesAndWhatWasWritten() {
        int text = g.put("hello, world!\n");
        int iov = g.alloc(8);
        g.memory.writeI32(iov, text);
        g.memory.writeI32(iov + 4, 14);
        int nwritten = g.alloc(4);
        assertEquals("fd_write(fd=1, iovs=[14 bytes: \"hello, world!\\n\"]) -> ESUCCESS, nwritten=14",
                traced("fd_write", 1, iov, 1, nwritten));
    }

    @Test
    void aDeniedOpenShowsItsPathAndFlagsByName() {
        int path = g.put("logs/app.log");
        int out = g.alloc(4);
        assertEquals("path_open(fd=3, dirflags=symlink_follow, path=\"logs/app.log\", oflags=creat|trunc, "
                        + "fs_rights_base=0x40, fs_rights_inheriting=0x0, fdflags=append) -> ENOTCAPABLE",
                traced("path_open", 3, 1, path, GuestCalls.len("logs/app.log"), Rights.OFLAG_CREAT
                        | Rights.OFLAG_TRUNC, Rights.FD_WRITE, 0, Rights.FDFLAG_APPEND, out));
    }

    @Test
    void resultsWrittenThroughPointersAreReadAfterTheCall() {
        int stat = g.alloc(8);
        assertEquals("fd_prestat_get(fd=3) -> ESUCCESS, prestat={dir, name_len=1}", traced("fd_prestat_get", 3, stat));
        int name = g.alloc(1);
        assertEquals("fd_prestat_dir_name(fd=3) -> ESUCCESS, path=\"/\"", traced("fd_prestat_dir_name", 3, name, 1));
        int time = g.alloc(8);
        assertEquals("clock_time_get(id=monotonic, precision=1) -> ENOTCAPABLE", traced("clock_time_get", 1, 1, time));
    }

    @Test
    void pointersOutsideMemoryAreSaidToBeAndLongDataIsCut() {
        assertEquals("path_open(fd=3, dirflags=0, path=<1000 bytes at 0xfffffff0, outside memory>, oflags=0, "
                        + "fs_rights_base=0x0, fs_rights_inheriting=0x0, fdflags=0) -> EFAULT",
                traced("path_open", 3, 0, 0xFFFF_FFF0L, 1000, 0, 0, 0, 0, 64));
        int text = g.put("x".repeat(100));
        int iov = g.alloc(8);
        g.memory.writeI32(iov, text);
        g.memory.writeI32(iov + 4, 100);
        assertEquals("fd_write(fd=1, iovs=[100 bytes: \"" + "x".repeat(WasiCallText.PREVIEW) + "\"...])",
                WasiCallText.call("fd_write", new long[] {1, iov, 1, 64}, g.memory));
        assertEquals("fd_write(fd=1, iovs=<0x10000000, outside memory>)",
                WasiCallText.call("fd_write", new long[] {1, 0x1000_0000L, 1, 64}, g.memory));
    }

    @Test
    void argumentsThatDoNotFitTheDescriptionAreShownAsNumbers() {
        assertEquals("fd_close(1, 2)", WasiCallText.call("fd_close", new long[] {1, 2}, g.memory));
        assertEquals("mystery(7)", WasiCallText.call("mystery", new long[] {7}, g.memory));
    }
}
