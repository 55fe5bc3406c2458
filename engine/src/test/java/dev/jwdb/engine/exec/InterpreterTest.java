package dev.jwdb.engine.exec;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.engine.model.ValType.F32;
import static dev.jwdb.engine.model.ValType.F64;
import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.model.ValType.I64;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterTest {
    private static final FuncType I32_TO_I32 = sig(t(I32), t(I32));

    /** depth(n): n when it recurses n calls deep. */
    private static final String DEPTH = """
            local.get 0; i32.eqz
            if i32
              i32.const 0
            else
              local.get 0; i32.const 1; i32.sub; call 0; i32.const 1; i32.add
            end""";

    private Store store = new Store();

    private Instance instantiate(TestModule m) {
        return store.instantiate(m.build(), ImportResolver.NONE);
    }

    private Value[] call(Instance instance, String name, Value... args) {
        return store.invoke((FunctionInstance) instance.export(name), args);
    }

    private int callI32(Instance instance, String name, Value... args) {
        return call(instance, name, args)[0].asI32();
    }

    private static Value i32(int v) {
        return Value.i32(v);
    }

    @Test
    void recursiveFibonacciComputesTheRightValue() {
        TestModule m = new TestModule();
        m.export("fib", I32_TO_I32, t(), """
                local.get 0; i32.const 2; i32.lt_s
                if i32
                  local.get 0
                else
                  local.get 0; i32.const 1; i32.sub; call 0
                  local.get 0; i32.const 2; i32.sub; call 0
                  i32.add
                end""");
        assertEquals(6765, callI32(instantiate(m), "fib", i32(20)));
    }

    @Test
    void loopWithBranchIfSumsToN() {
        TestModule m = new TestModule();
        m.export("sum", I32_TO_I32, t(I32), """
                block
                  loop
                    local.get 0; i32.eqz; br_if 1
                    local.get 1; local.get 0; i32.add; local.set 1
                    local.get 0; i32.const 1; i32.sub; local.set 0
                    br 0
                  end
                end
                local.get 1""");
        assertEquals(5050, callI32(instantiate(m), "sum", i32(100)));
    }

    @Test
    void branchOutOfNestedBlocksDropsTheValuesBeneathTheResult() {
        TestModule m = new TestModule();
        m.export("f", sig(t(), t(I32)), t(), """
                block i32
                  i32.const 1; i32.const 2
                  block i32
                    i32.const 3; i32.const 4; i32.const 5
                    br 1
                  end
                  drop; drop
                end""");
        Instance inst = instantiate(m);
        assertEquals(5, callI32(inst, "f"));
    }

    @Test
    void brTableSelectsTheLabelAndFallsBackToTheDefault() {
        TestModule m = new TestModule();
        m.export("switch", I32_TO_I32, t(), """
                block i32
                  block
                    block
                      block
                        local.get 0
                        br_table 0 1 2
                      end
                      i32.const 100; br 2
                    end
                    i32.const 101; br 1
                  end
                  i32.const 102
                end""");
        Instance inst = instantiate(m);
        assertEquals(100, callI32(inst, "switch", i32(0)));
        assertEquals(101, callI32(inst, "switch", i32(1)));
        assertEquals(102, callI32(inst, "switch", i32(2)));
        assertEquals(102, callI32(inst, "switch", i32(-1)));
    }

    @Test
    void multiValueBlocksAndCallsKeepTheirOrder() {
        TestModule m = new TestModule();
        int pairType = m.type(sig(t(I32, I64), t(I64, I32)));
        int swap = m.func(sig(t(I32, I64), t(I64, I32)), t(), "local.get 1; local.get 0");
        m.export("f", sig(t(), t(I64, I32)), t(), """
                i32.const 7; i64.const 9
                block t%d
                  call %d
                end""".formatted(pairType, swap));
        Value[] r = call(instantiate(m), "f");
        assertArrayEquals(new Value[] {Value.i64(9), Value.i32(7)}, r);
    }

    @Test
    void loopParametersFeedEachIteration() {
        TestModule m = new TestModule();
        int loopType = m.type(sig(t(I32), t(I32)));
        m.export("double_until", I32_TO_I32, t(), """
                local.get 0
                loop t%d
                  i32.const 2; i32.mul
                  local.tee 0; i32.const 1000; i32.lt_u; br_if 0
                  local.get 0
                end""".formatted(loopType));
        assertEquals(1024, callI32(instantiate(m), "double_until", i32(1)));
    }

    @Test
    void unreachableCodeAfterABranchIsSkipped() {
        TestModule m = new TestModule();
        m.export("f", sig(t(), t(I32)), t(), """
                block i32
                  i32.const 8
                  br 0
                  unreachable; i32.add; block; end; if; else; end
                end""");
        assertEquals(8, callI32(instantiate(m), "f"));
    }

    @Test
    void unreachableTraps() {
        TestModule m = new TestModule();
        m.export("f", sig(t(), t()), t(), "unreachable");
        TrapException e = assertThrows(TrapException.class, () -> call(instantiate(m), "f"));
        assertTrue(e.getMessage().startsWith("unreachable"));
    }

    @Test
    void divisionTrapsWithTheSpecMessages() {
        TestModule m = new TestModule();
        m.export("div_s", sig(t(I32, I32), t(I32)), t(), "local.get 0; local.get 1; i32.div_s");
        m.export("rem_s", sig(t(I32, I32), t(I32)), t(), "local.get 0; local.get 1; i32.rem_s");
        Instance inst = instantiate(m);
        assertEquals("integer divide by zero",
                assertThrows(TrapException.class, () -> call(inst, "div_s", i32(1), i32(0))).getMessage());
        assertEquals("integer overflow", assertThrows(TrapException.class,
                () -> call(inst, "div_s", i32(Integer.MIN_VALUE), i32(-1))).getMessage());
        assertEquals(0, callI32(inst, "rem_s", i32(Integer.MIN_VALUE), i32(-1)));
        assertEquals(-1, callI32(inst, "rem_s", i32(-7), i32(2)));
    }

    @Test
    void unboundedRecursionExhaustsTheCallStackWithoutAJavaStackOverflow() {
        TestModule m = new TestModule();
        m.export("runaway", sig(t(), t()), t(), "call 0");
        Instance inst = instantiate(m);
        ExhaustionException e = assertThrows(ExhaustionException.class, () -> call(inst, "runaway"));
        assertEquals("call stack exhausted", e.getMessage());
    }

    @Test
    void recursionWithinTheLimitSucceedsAndOneFrameMoreIsExhausted() {
        store = new Store(new StoreLimits(1000, 10));
        TestModule m = new TestModule();
        m.export("depth", I32_TO_I32, t(), DEPTH);
        Instance inst = instantiate(m);
        assertEquals(999, callI32(inst, "depth", i32(999)));
        assertThrows(ExhaustionException.class, () -> call(inst, "depth", i32(1000)));
    }

    @Test
    void anInfiniteLoopRunsOutOfFuel() {
        store = new Store(StoreLimits.DEFAULT.withFuel(1000));
        TestModule m = new TestModule();
        m.export("spin", sig(t(), t()), t(I32), "loop; local.get 0; i32.const 1; i32.add; local.set 0; br 0; end");
        Instance inst = instantiate(m);
        assertEquals("fuel exhausted", assertThrows(TrapException.class, () -> call(inst, "spin")).getMessage());
        assertEquals(0, store.fuel());
    }

    @Test
    void enoughFuelGivesTheSameResultAndFuelIsPerStore() {
        store = new Store(StoreLimits.DEFAULT.withFuel(10_000));
        TestModule m = new TestModule();
        m.export("depth", I32_TO_I32, t(), DEPTH);
        Instance inst = instantiate(m);
        assertEquals(100, callI32(inst, "depth", i32(100)));
        long left = store.fuel();
        assertTrue(left > 0 && left < 10_000, Long.toString(left));
        // the fuel is the store's, across invocations: what the first call used is gone for the next
        assertEquals(100, callI32(inst, "depth", i32(100)));
        assertEquals(left - (10_000 - left), store.fuel());
    }

    @Test
    void fuelCountsWasmInstructionsTheFunctionsEndIncluded() {
        // i32.const, i32.const, i32.add and the function's end: 4 instructions, so 4 units of fuel
        TestModule m = new TestModule();
        m.export("f", sig(t(), t(I32)), t(), "i32.const 1; i32.const 2; i32.add");
        store = new Store(StoreLimits.DEFAULT.withFuel(4));
        Instance enough = instantiate(m);
        assertEquals(3, call(enough, "f")[0].asI32());
        assertEquals(0, store.fuel());
        store = new Store(StoreLimits.DEFAULT.withFuel(3));
        Instance tooLittle = instantiate(m);
        assertEquals("fuel exhausted", assertThrows(TrapException.class, () -> call(tooLittle, "f")).getMessage());
    }

    @Test
    void withoutFuelNothingIsCounted() {
        TestModule m = new TestModule();
        m.export("f", sig(t(), t(I32)), t(), "i32.const 1; i32.const 2; i32.add");
        assertEquals(3, call(instantiate(m), "f")[0].asI32());
        assertEquals(0, store.fuel());
        assertEquals(false, store.limits().fuelled());
    }

    @Test
    void deepRecursionWithManyLocalsIsExhaustionNotOutOfMemory() {
        store = new Store(new StoreLimits(1_000_000, 10));
        TestModule m = new TestModule();
        List<ValType> locals = java.util.Collections.nCopies(2000, I64);
        m.export("deep", sig(t(), t()), locals, "call 0");
        Instance inst = instantiate(m);
        assertEquals("call stack exhausted",
                assertThrows(ExhaustionException.class, () -> call(inst, "deep")).getMessage());
    }

    @Test
    void floatsKeepTheirNaNPayloadThroughLocalsAndReinterpretation() {
        TestModule m = new TestModule();
        m.export("f", sig(t(F32), t(I32)), t(F32), "local.get 0; local.set 1; local.get 1; f32.neg; i32.reinterpret_f32");
        Value[] r = call(instantiate(m), "f", Value.f32Bits(0x7fa00001));
        assertEquals(0xffa00001, r[0].asI32());
    }

    @Test
    void wrapThenExtendSignExtendsTheLowHalf() {
        TestModule m = new TestModule();
        m.export("f", sig(t(I64), t(I64)), t(), "local.get 0; i32.wrap_i64; i64.extend_i32_s");
        m.export("g", sig(t(I64), t(I64)), t(), "local.get 0; i32.wrap_i64; i64.extend_i32_u");
        Instance inst = instantiate(m);
        assertEquals(-1L, call(inst, "f", Value.i64(0x1_FFFF_FFFFL))[0].asI64());
        assertEquals(0xFFFF_FFFFL, call(inst, "g", Value.i64(0x7_FFFF_FFFFL))[0].asI64());
    }

    @Test
    void wrappedI32ResultIsReportedAsAnI32() {
        TestModule m = new TestModule();
        m.export("f", sig(t(I64), t(I32)), t(), "local.get 0; i32.wrap_i64");
        assertEquals(Value.i32(-2), call(instantiate(m), "f", Value.i64(0x3_FFFF_FFFEL))[0]);
    }

    @Test
    void f64ArithmeticMatchesJava() {
        TestModule m = new TestModule();
        m.export("f", sig(t(F64, F64), t(F64)), t(), "local.get 0; local.get 1; f64.mul; f64.sqrt");
        assertEquals(Math.sqrt(2.0 * 8.0), call(instantiate(m), "f", Value.f64(2), Value.f64(8))[0].asF64());
    }

    @Test
    void selectPicksTheFirstOperandWhenTheConditionIsNonZero() {
        TestModule m = new TestModule();
        m.export("f", I32_TO_I32, t(), "i32.const 10; i32.const 20; local.get 0; select");
        Instance inst = instantiate(m);
        assertEquals(10, callI32(inst, "f", i32(5)));
        assertEquals(20, callI32(inst, "f", i32(0)));
    }

    @Test
    void argumentsAreCheckedAgainstTheSignature() {
        TestModule m = new TestModule();
        m.export("f", I32_TO_I32, t(), "local.get 0");
        Instance inst = instantiate(m);
        assertThrows(IllegalArgumentException.class, () -> call(inst, "f"));
        assertThrows(IllegalArgumentException.class, () -> call(inst, "f", Value.i64(1)));
    }

    @Test
    void everyNonSimdOpcodeWithAFixedSignatureHasAnInternalForm() {
        for (var op : dev.jwdb.engine.model.Opcode.values()) {
            if (op.prefix() == 0xFD || !op.hasFixedSignature()) {
                continue;
            }
            TestModule m = new TestModule();
            StringBuilder body = new StringBuilder();
            List<ValType> params = op.params();
            for (int i = 0; i < params.size(); i++) {
                body.append("local.get ").append(i).append('\n');
            }
            body.append(switch (op.immediate()) {
                case NONE, MEMORY, MEMARG, MEMORY_COPY, TABLE_COPY -> op.mnemonic();
                case F32, F64 -> op.mnemonic() + " 0.0";
                default -> op.mnemonic() + " 0";
            });
            m.memory(1, -1).passiveData(new byte[0]);
            m.func(sig(params, op.results()), t(), body.toString());
            FunctionCompiler.compile(m.build(), 0, List.of(sig(params, op.results())));
        }
    }
}
