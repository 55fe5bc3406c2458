package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.ClockGrant;
import dev.jwdb.engine.wasi.DirGrant;
import dev.jwdb.engine.wasi.RandomGrant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.jwdb.debugger.Sessions.args;
import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Watchpoints on memory that bulk memory instructions, v128 loads and stores, and WASI calls write or read. */
class WatchedMemoryOpsTest {
    private static DebugSession session() throws DebugException {
        return Sessions.load(Sessions.RESOURCES.resolve("memory-ops.wat"));
    }

    private static List<Value> results(StopEvent event) {
        return expect(StopEvent.Finished.class, event).results();
    }

    // ---- bulk memory ----

    @Test
    void memoryFillStopsAfterItWithTheWatchedValueAndTheOperandsBelow() throws DebugException {
        DebugSession s = session();
        StopPoint.Watchpoint watch = s.watchMemory(0x104, 4, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("fill", args("0x100", "0xab", "16")));
        assertEquals("memory.fill", w.instruction().text());
        assertEquals(0x104, w.address());
        assertEquals(Value.i32(0), w.oldValue());
        assertEquals(Value.i32(0xabababab), w.newValue());
        assertNull(w.call());
        assertEquals("i32.add", w.location().text());
        // fused code keeps n and 7 pending until the watched fill writes them out
        assertEquals(List.of(Value.i32(16), Value.i32(7)), s.operandStack());
        // with the watch gone the frame leaves the watched code, which alone has those entries written out here
        s.delete(watch.id());
        assertEquals(List.of(Value.i32(23)), results(s.resume()));
    }

    @Test
    void aStopBeforeInstructionsFusedIntoOneShowsTheStackBeforeTheFirst() throws DebugException {
        DebugSession s = session();
        results(s.invoke("fill", args("0x180", "1", "4")));
        s.watchMemory(0x180, 4, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("clear", args("0x180")));
        assertEquals("local.get $at", w.location().text());
        assertEquals(List.of(), s.operandStack());
        assertEquals(List.of(Value.i32(0x181)), results(s.resume()));
    }

    @Test
    void aFillThatReachesPartOfTheWatchShowsTheWholeWatchedValueAndOnlyWhenItChanges() throws DebugException {
        DebugSession s = session();
        results(s.invoke("fill", args("0x200", "0x11", "4")));
        s.watchMemory(0x200, 4, StopPoint.WatchKind.WRITE);
        results(s.invoke("fill", args("0x204", "0x33", "8")));
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("fill", args("0x1fe", "0x22", "4")));
        assertEquals(0x200, w.address());
        assertEquals(Value.i32(0x11111111), w.oldValue());
        assertEquals(Value.i32(0x11112222), w.newValue());
        results(s.resume());
        // the same bytes written again change nothing: a write watch reports changes, as gdb's do
        results(s.invoke("fill", args("0x1fe", "0x22", "4")));
    }

    @Test
    void aWatchLongerThanAVectorShowsSixteenBytesFromTheFirstChanged() throws DebugException {
        DebugSession s = session();
        s.watchMemory(0x400, 64, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("fill", args("0x420", "0x5a", "3")));
        assertEquals(0x420, w.address());
        assertEquals(Value.v128(0, 0), w.oldValue());
        assertEquals(Value.v128(0x5a5a5a, 0), w.newValue());
    }

    @Test
    void memoryCopyStopsOnTheBytesItReadsAndOnThoseItWrites() throws DebugException {
        DebugSession s = session();
        results(s.invoke("init", args("0x300")));
        s.watchMemory(0x301, 2, StopPoint.WatchKind.READ);
        s.watchMemory(0x341, 1, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered read = expect(StopEvent.WatchTriggered.class, s.invoke("copy", args("0x320", "0x300", "5")));
        assertEquals("memory.copy", read.instruction().text());
        assertEquals(Value.i32(0x6c65), read.oldValue()); // "el"
        assertEquals(read.oldValue(), read.newValue());
        results(s.resume());
        StopEvent.WatchTriggered write = expect(StopEvent.WatchTriggered.class, s.invoke("copy", args("0x340", "0x300", "5")));
        assertEquals(Value.i32(0), write.oldValue());
        assertEquals(Value.i32('e'), write.newValue());
    }

    @Test
    void memoryInitStopsWhenItWritesTheWatch() throws DebugException {
        DebugSession s = session();
        s.watchMemory(0x500, 4, StopPoint.WatchKind.ACCESS);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("init", args("0x4fe")));
        assertEquals("memory.init 0", w.instruction().text());
        assertEquals(Value.i32(0x6f6c6c), w.newValue()); // "llo" and the byte after it
    }

    // ---- v128 ----

    @Test
    void aV128StoreStopsAfterItWithTheVectorAndTheOperandsBelow() throws DebugException {
        DebugSession s = session();
        s.watchMemory(0x608, 4, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("vstore", args("0x600")));
        assertEquals("v128.store", w.instruction().text());
        assertEquals(0x600, w.address());
        assertEquals(Value.v128(0, 0), w.oldValue());
        assertEquals(Value.v128(1L | 2L << 32, 3L | 4L << 32), w.newValue());
        assertEquals(List.of(Value.i32(0x600)), s.operandStack());
        assertEquals(List.of(Value.i32(0x601)), results(s.resume()));
        results(s.invoke("vstore", args("0x610")));
    }

    @Test
    void aV128LoadAndALaneStoreStopOnTheirBytesOnly() throws DebugException {
        DebugSession s = session();
        results(s.invoke("vstore", args("0x700")));
        s.watchMemory(0x704, 4, StopPoint.WatchKind.READ);
        s.watchMemory(0x722, 1, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered load = expect(StopEvent.WatchTriggered.class, s.invoke("vload", args("0x700")));
        assertEquals("v128.load", load.instruction().text());
        assertEquals(Value.v128(1L | 2L << 32, 3L | 4L << 32), load.newValue());
        assertEquals(List.of(Value.i32(2)), results(s.resume()));
        results(s.invoke("vload", args("0x708")));
        results(s.invoke("vlane", args("0x721")));
        StopEvent.WatchTriggered lane = expect(StopEvent.WatchTriggered.class, s.invoke("vlane", args("0x722")));
        assertEquals("v128.store8_lane 5", lane.instruction().text());
        assertEquals(Value.i32(5), lane.newValue());
    }

    // ---- WASI ----

    @Test
    void aFileReadIntoWatchedMemoryStopsAfterFdReadNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("in.txt"), "watch me");
        DebugSession s = session();
        s.grants().dir(DirGrant.parse(dir + "::/data", true));
        StopPoint.Watchpoint watch = s.watchMemory(0x1004, 4, StopPoint.WatchKind.WRITE);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("read_file", args("0x1000", "64")));
        assertEquals("fd_read", w.call().name());
        assertEquals(List.of(Value.i32(0)), w.call().results());
        assertEquals("call $fd_read", w.instruction().text());
        assertEquals(0x1004, w.address());
        assertEquals(Value.i32(0), w.oldValue());
        assertEquals(Value.i32(0x656d2068), w.newValue()); // "h me"
        // stopped after the call, its errno on the stack where the program will look at it
        assertEquals("local.set $errno", w.location().text());
        assertEquals(List.of(Value.i32(0)), s.operandStack());
        s.delete(watch.id());
        assertEquals(List.of(Value.i32(8)), results(s.resume()));
    }

    @Test
    void randomAndClockWritesStopOnlyWhenTheyReachTheWatch() throws DebugException {
        DebugSession s = session();
        s.grants().random(new RandomGrant.Seeded(7)).clock(new ClockGrant.Fixed(1_000_000_000_000L, 1));
        s.watchMemory(0x1100, 2, StopPoint.WatchKind.WRITE);
        s.watchMemory(0x1208, 8, StopPoint.WatchKind.WRITE);
        assertEquals(List.of(Value.i32(0)), results(s.invoke("random", args("0x10f0", "16"))));
        StopEvent.WatchTriggered random = expect(StopEvent.WatchTriggered.class, s.invoke("random", args("0x10f0", "32")));
        assertEquals("random_get", random.call().name());
        byte[] now = s.readBytes(0x1100, 2);
        assertEquals(Value.i32((now[0] & 0xff) | (now[1] & 0xff) << 8), random.newValue());
        results(s.resume());
        StopEvent.WatchTriggered clock = expect(StopEvent.WatchTriggered.class, s.invoke("now", args("0x1208")));
        assertEquals("clock_time_get", clock.call().name());
        assertEquals(Value.i64(0), clock.oldValue());
        assertEquals(Value.i64(1_000_000_000_000L), clock.newValue());
    }

    @Test
    void aReadWatchStopsWhenAWasiCallReadsTheBytes() throws DebugException {
        DebugSession s = session();
        results(s.invoke("init", args("0x1300")));
        s.watchMemory(0x1302, 1, StopPoint.WatchKind.READ);
        StopEvent.WatchTriggered w = expect(StopEvent.WatchTriggered.class, s.invoke("say", args("0x1300", "5")));
        assertEquals("fd_write", w.call().name());
        assertEquals(Value.i32('l'), w.newValue());
        assertEquals(List.of(Value.i32(0)), results(s.resume()));
        results(s.invoke("say", args("0x1303", "2")));
    }
}
