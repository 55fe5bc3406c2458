package dev.jwdb.engine.wasi;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.DebugHooks;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class WatchedHostCallTest {
    private final Store store = new Store();
    private final WasiImports imports = new WasiImports(new WasiHost(List.of("prog", "xy"), new Grants(),
            new GuestStdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                    new ByteArrayOutputStream()), CapabilityListener.DELIVER_ALL));
    private final FunctionInstance args;

    WatchedHostCallTest() {
        TestModule m = new TestModule().memory(1, -1);
        int argsGet = m.importFunc("wasi_snapshot_preview1", "args_get", sig(t(I32, I32), t(I32)));
        m.export("memory", ExternKind.MEMORY, 0);
        // args(argv, buf) = args_get(argv, buf) + 1
        m.export("args", sig(t(I32, I32), t(I32)), t(), "local.get 0; local.get 1; call " + argsGet
                + "; i32.const 1; i32.add");
        Instance instance = store.instantiate(m.build(), imports);
        imports.bind(instance);
        args = (FunctionInstance) instance.export("args");
    }

    /** Hooks watching writes of the byte ranges {from, to} given. */
    private static DebugHooks watchingWrites(long[]... ranges) {
        return new DebugHooks() {
            @Override
            public boolean watchesMemory(long address, int width, boolean write) {
                return write && Arrays.stream(ranges).anyMatch(r -> address < r[1] && r[0] < address + width);
            }

            @Override
            public long[] watchedSpan(boolean write) {
                return write ? new long[] {ranges[0][0], ranges[ranges.length - 1][1]} : NO_SPAN;
            }

            @Override
            public boolean watchesGlobal(int global) {
                return false;
            }
        };
    }

    private Execution.Outcome callArgs(DebugHooks hooks, Execution run) {
        imports.watch(hooks);
        return run.run();
    }

    @Test
    void aCallThatWritesWatchedBytesPausesAfterItWithWhatItWroteThere() {
        // argv at 0 gets 0x100 and 0x105; the strings "prog\0xy\0" go to 0x100: watched are argv[1] and "y\0"
        DebugHooks hooks = watchingWrites(new long[] {4, 8}, new long[] {0x106, 0x108});
        Execution run = new Execution(store, args, new Value[] {Value.i32(0), Value.i32(0x100)}, hooks, List::of);
        Execution.Outcome paused = callArgs(hooks, run);
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.AFTER_ACCESS), paused);
        Access a = run.state().lastAccess();
        assertEquals("args_get", a.host());
        assertEquals(-1, a.instruction());
        // everything written from the first watched byte to the last: argv[0] at 0-3 lies before the span
        assertEquals(4, a.address());
        assertEquals(0x104, a.width());
        // the watched bytes as they were before the call; the others in between may show what the call wrote
        assertArrayEquals(new byte[4], Arrays.copyOfRange(a.before(), 0, 4));
        assertArrayEquals(new byte[2], Arrays.copyOfRange(a.before(), 0x102, 0x104));
        assertArrayEquals(new byte[] {5, 1, 0, 0}, Arrays.copyOfRange(a.after(), 0, 4));
        assertArrayEquals("prog\0xy\0".getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(a.after(), 0xfc, 0x104));
        // the errno is in place: the caller adds 1 to it
        assertEquals(new Execution.Outcome.Returned(List.of(Value.i32(1))), run.run());
    }

    @Test
    void aCallThatWritesNoWatchedByteRunsOn() {
        DebugHooks hooks = watchingWrites(new long[] {0x200, 0x204});
        Execution run = new Execution(store, args, new Value[] {Value.i32(0), Value.i32(0x100)}, hooks, List::of);
        assertInstanceOf(Execution.Outcome.Returned.class, callArgs(hooks, run));
    }

    @Test
    void withoutWatchingNothingPauses() {
        DebugHooks hooks = watchingWrites(new long[] {0, 8});
        Execution run = new Execution(store, args, new Value[] {Value.i32(0), Value.i32(0x100)}, hooks, List::of);
        assertInstanceOf(Execution.Outcome.Returned.class, callArgs(null, run));
    }
}
