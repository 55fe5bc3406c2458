package dev.jwdb.debugger;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.DebugHooks;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.exec.PauseAfterHostCall;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.wat.Wat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CodeVariantsTest {
    private static final Instrumentation STORES = new Instrumentation(false, false, true, false);

    private final Store store = new Store();
    private final Instance instance = store.instantiate(Wat.parseModule("""
            (module (memory 1)
              (func (export "fill") (param $n i32)
                (loop $again
                  (i32.store (local.get $n) (local.get $n))
                  (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 4)))))))
            """, "fill.wat"), ImportResolver.NONE);
    private final CodeVariants variants = new CodeVariants(instance);
    private final FunctionInstance fill = (FunctionInstance) instance.export("fill");

    /** Where a call of fill(64), run until its first pause or its end with {@code hooks}, is moved to. */
    private Instrumentation relocated(DebugHooks hooks, boolean checks, Instrumentation watches) {
        Execution run = new Execution(store, fill, new Value[] {Value.i32(64)}, hooks, variants::all);
        if (hooks != DebugHooks.NONE) {
            assertInstanceOf(Execution.Outcome.Paused.class, run.run());
        }
        ExecutionState st = run.state();
        variants.relocateFrames(st, checks, watches);
        return variants.variant(st.frameCode(0)).instrumentation();
    }

    @Test
    void aCallOfWatchedCodeKeepsRunningItWithoutChecks() {
        // a second call of a function under a write watch starts in the watched code installed for the first
        variants.install(fill, false, STORES);
        assertEquals(STORES, relocated(DebugHooks.NONE, false, STORES));
    }

    @Test
    void watchedCodeAtTheEntryGoesBackToPlainCodeWhenTheWatchIsGone() {
        variants.install(fill, false, STORES);
        assertEquals(Instrumentation.PLAIN, relocated(DebugHooks.NONE, false, Instrumentation.PLAIN));
    }

    @Test
    void checkedCodeNeverGoesToFusedCode() {
        variants.install(fill, true, STORES);
        assertEquals(STORES.withChecks(true), relocated(DebugHooks.NONE, false, STORES));
        assertEquals(Instrumentation.PLAIN.withChecks(true), relocated(DebugHooks.NONE, false, Instrumentation.PLAIN));
    }

    @Test
    void aFramePausedRightAfterAWatchedStoreGoesToCheckedCode() {
        // fused code may keep operands pending where the code that watched the store wrote them out
        variants.install(fill, false, STORES);
        DebugHooks watching48 = new DebugHooks() {
            @Override
            public boolean watchesMemory(long address, int width, boolean write) {
                return address == 48;
            }

            @Override
            public long[] watchedSpan(boolean write) {
                return new long[] {48, 52};
            }

            @Override
            public boolean watchesGlobal(int global) {
                return false;
            }
        };
        assertEquals(Instrumentation.PLAIN.withChecks(true), relocated(watching48, false, Instrumentation.PLAIN));
    }

    @Test
    void aFramePausedAfterAHostCallThatWroteWatchedBytesMayGoBackToPlainCode() {
        // after a call every compilation has the operand stack written out, as in a caller frame
        Store host = new Store();
        FunctionInstance poke = FunctionInstance.host(new FuncType(List.of(), List.of(ValType.I32)), args -> {
            throw new PauseAfterHostCall(new Value[] {Value.i32(0)},
                    Access.byHost("poke", 8, true, new byte[] {0}, new byte[] {1}));
        });
        Instance callsHost = host.instantiate(Wat.parseModule("""
                (module (import "env" "poke" (func $poke (result i32))) (memory 1)
                  (func (export "f") (result i32)
                    (i32.store (i32.const 4) (i32.const 1))
                    (i32.add (call $poke) (i32.const 1))))
                """, "poke.wat"), (module, name) -> poke);
        CodeVariants v = new CodeVariants(callsHost);
        FunctionInstance f = (FunctionInstance) callsHost.export("f");
        v.install(f, false, STORES);
        Execution run = new Execution(host, f, new Value[0], DebugHooks.NONE, v::all);
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.AFTER_ACCESS), run.run());
        v.relocateFrames(run.state(), false, Instrumentation.PLAIN);
        assertEquals(Instrumentation.PLAIN, v.variant(run.state().frameCode(0)).instrumentation());
        assertEquals(new Execution.Outcome.Returned(List.of(Value.i32(1))), run.run());
    }
}
