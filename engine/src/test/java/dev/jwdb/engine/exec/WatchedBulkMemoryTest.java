package dev.jwdb.engine.exec;

import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** memory.fill and memory.copy in code compiled with watched ops, under hooks that watch a few bytes. */
class WatchedBulkMemoryTest {
    private final Store store = new Store();
    private final Instance instance;

    WatchedBulkMemoryTest() {
        TestModule m = new TestModule().memory(1, -1);
        m.export("fill", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; memory.fill");
        m.export("copy", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; memory.copy");
        instance = store.instantiate(m.build(), ImportResolver.NONE);
        Instrumentation watched = new Instrumentation(false, true);
        for (String name : List.of("fill", "copy")) {
            FunctionInstance f = (FunctionInstance) instance.export(name);
            f.useCompiled(FunctionCompiler.compile(instance.module(), f.index(), instance.functionTypes(), watched));
        }
    }

    /** Hooks watching bytes [from, to) for reads and writes. */
    private static DebugHooks watching(long from, long to) {
        return new DebugHooks() {
            @Override
            public boolean watchesMemory(long address, int width, boolean write) {
                return address < to && from < address + width;
            }

            @Override
            public long[] watchedSpan(boolean write) {
                return new long[] {from, to};
            }

            @Override
            public boolean watchesGlobal(int global) {
                return false;
            }
        };
    }

    private Execution call(String name, DebugHooks hooks, int... args) {
        Value[] values = Arrays.stream(args).mapToObj(Value::i32).toArray(Value[]::new);
        return new Execution(store, (FunctionInstance) instance.export(name), values, hooks, List::of);
    }

    @Test
    void aFillOfAllMemoryKeepsOnlyTheWatchedBytes() {
        Execution run = call("fill", watching(0x104, 0x108), 0, 0x61, 65536);
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.AFTER_ACCESS), run.run());
        Access a = run.state().lastAccess();
        assertTrue(a.range());
        assertTrue(a.write());
        assertEquals(0x104, a.address());
        assertArrayEquals(new byte[4], a.before());
        assertArrayEquals(new byte[] {0x61, 0x61, 0x61, 0x61}, a.after());
        assertInstanceOf(Execution.Outcome.Returned.class, run.run());
    }

    @Test
    void aCopyReadingWatchedBytesReportsWhatItRead() {
        assertInstanceOf(Execution.Outcome.Returned.class, call("fill", DebugHooks.NONE, 0x10, 7, 4).run());
        Execution run = call("copy", watching(0x12, 0x13), 0x20, 0x10, 4);
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.AFTER_ACCESS), run.run());
        Access a = run.state().lastAccess();
        assertEquals(false, a.write());
        assertEquals(0x12, a.address());
        assertArrayEquals(new byte[] {7}, a.after());
    }

    @Test
    void aFillThatTrapsIsATrapAndWritesNothing() {
        Execution run = call("fill", watching(0xfff0, 0xfff4), 0xfff0, 1, 32);
        assertInstanceOf(Execution.Outcome.Trapped.class, run.run());
        assertEquals(0, instance.memoryOrNull().bytes()[0xfff0]);
    }

    @Test
    void aFillBesideTheWatchedBytesRunsOn() {
        assertInstanceOf(Execution.Outcome.Returned.class, call("fill", watching(0x104, 0x108), 0x108, 1, 8).run());
    }
}
