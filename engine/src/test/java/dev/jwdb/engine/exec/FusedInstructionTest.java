package dev.jwdb.engine.exec;

import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compiler folds common sequences into one internal instruction; each must behave like its sequence. */
class FusedInstructionTest {
    private final Store store = new Store();

    private int call(Instance inst, String name, int... args) {
        Value[] values = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = Value.i32(args[i]);
        }
        return store.invoke((FunctionInstance) inst.export(name), values)[0].asI32();
    }

    @Test
    void aFramePausedWhereFusedInstructionsShareAPcHasTheHeightOfTheFirst() {
        // at the loop head (where an interrupt pauses) loop, local.get, i32.const and i32.add emitted nothing: the
        // local.set there writes the sum itself, and a pause before all of them has no operand on the stack yet
        TestModule m = new TestModule();
        m.export("count", sig(t(I32), t(I32)), t(), """
                loop
                  local.get 0; i32.const 1; i32.add; local.set 0
                  local.get 0; i32.const 10; i32.lt_s; br_if 0
                end
                local.get 0""");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        CompiledFunction cf = ((FunctionInstance) inst.export("count")).compiled();
        assertEquals(cf.localSlots(), cf.heightAt(cf.loopHeads()[0]));
        assertEquals(10, call(inst, "count", 0));
    }

    @Test
    void aFramePausedAtALoopHeadAfterUnreachableCodeIsBeforeTheFirstReachableInstructionThere() {
        // 0 block, 1 br 0, 2 i32.const (unreachable), 3 drop (unreachable), 4 end, 5 loop ...: 2 to 5 emit nothing
        TestModule m = new TestModule();
        m.export("after", sig(t(I32), t(I32)), t(), """
                block
                  br 0
                  i32.const 7
                  drop
                end
                loop
                  local.get 0; i32.const 1; i32.sub; local.tee 0; br_if 0
                end
                local.get 0""");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        CompiledFunction cf = ((FunctionInstance) inst.export("after")).compiled();
        int head = cf.loopHeads()[0];
        assertEquals(head, cf.instructionPcs()[2]);
        assertEquals(4, CodeMap.resumeInstruction(cf, head));
        assertEquals(0, call(inst, "after", 3));
    }

    @Test
    void comparisonsFeedingBrIfAndIfBranchExactlyWhenTheComparisonHolds() {
        Map<String, BiPredicate<Integer, Integer>> comparisons = new LinkedHashMap<>();
        comparisons.put("eq", (a, b) -> a.intValue() == b.intValue());
        comparisons.put("ne", (a, b) -> a.intValue() != b.intValue());
        comparisons.put("lt_s", (a, b) -> a < b);
        comparisons.put("lt_u", (a, b) -> Integer.compareUnsigned(a, b) < 0);
        comparisons.put("gt_s", (a, b) -> a > b);
        comparisons.put("gt_u", (a, b) -> Integer.compareUnsigned(a, b) > 0);
        comparisons.put("le_s", (a, b) -> a <= b);
        comparisons.put("le_u", (a, b) -> Integer.compareUnsigned(a, b) <= 0);
        comparisons.put("ge_s", (a, b) -> a >= b);
        comparisons.put("ge_u", (a, b) -> Integer.compareUnsigned(a, b) >= 0);
        TestModule m = new TestModule();
        for (String cmp : comparisons.keySet()) {
            m.export("br_if_" + cmp, sig(t(I32, I32), t(I32)), t(), """
                    block i32
                      i32.const 1
                      local.get 0; local.get 1; i32.%s
                      br_if 0
                      drop; i32.const 0
                    end""".formatted(cmp));
            m.export("if_" + cmp, sig(t(I32, I32), t(I32)), t(), """
                    local.get 0; local.get 1; i32.%s
                    if i32
                      i32.const 1
                    else
                      i32.const 0
                    end""".formatted(cmp));
        }
        m.export("br_if_eqz", sig(t(I32, I32), t(I32)), t(), """
                block i32
                  i32.const 1; local.get 0; i32.eqz; br_if 0
                  drop; i32.const 0
                end""");
        m.export("if_eqz", sig(t(I32, I32), t(I32)), t(), "local.get 0; i32.eqz; if i32; i32.const 1; else; i32.const 0; end");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        int[][] pairs = {{-1, 1}, {1, -1}, {5, 5}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {0, 0}, {3, 4}};
        for (var entry : comparisons.entrySet()) {
            for (int[] p : pairs) {
                int expected = entry.getValue().test(p[0], p[1]) ? 1 : 0;
                assertEquals(expected, call(inst, "br_if_" + entry.getKey(), p[0], p[1]), entry.getKey() + " " + p[0] + " " + p[1]);
                assertEquals(expected, call(inst, "if_" + entry.getKey(), p[0], p[1]), entry.getKey() + " " + p[0] + " " + p[1]);
            }
        }
        assertEquals(1, call(inst, "br_if_eqz", 0, 0));
        assertEquals(0, call(inst, "br_if_eqz", 7, 0));
        assertEquals(1, call(inst, "if_eqz", 0, 0));
        assertEquals(0, call(inst, "if_eqz", -7, 0));
    }

    @Test
    void constantOperandsFoldWithTheSemanticsOfTheOperator() {
        TestModule m = new TestModule();
        m.export("sub", sig(t(I32), t(I32)), t(), "local.get 0; i32.const -2147483648; i32.sub");
        m.export("shl33", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 33; i32.shl");
        m.export("shr_s", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 4; i32.shr_s");
        m.export("shr_u", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 36; i32.shr_u");
        m.export("rotr", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 8; i32.rotr");
        m.export("and", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 0xff; i32.and");
        m.export("add", sig(t(I32), t(I32)), t(), "local.get 0; i32.const 1; i32.add");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        assertEquals(5 - Integer.MIN_VALUE, call(inst, "sub", 5));
        assertEquals(6, call(inst, "shl33", 3));
        assertEquals(-1, call(inst, "shr_s", -16));
        assertEquals(0x0FFF_FFFF, call(inst, "shr_u", -1));
        assertEquals(0x7812_3456, call(inst, "rotr", 0x1234_5678));
        assertEquals(0x78, call(inst, "and", 0x1234_5678));
        assertEquals(Integer.MIN_VALUE, call(inst, "add", Integer.MAX_VALUE));
    }

    @Test
    void nothingFusesAcrossALoopHeadThatBranchesReturnTo() {
        TestModule m = new TestModule();
        int loopType = m.type(sig(t(I32), t(I32)));
        // the local.get before the loop and the one that starts it must stay apart: br 0 re-enters between them
        m.export("count", sig(t(I32), t(I32)), t(I32), """
                local.get 1
                loop t%d
                  local.get 0
                  i32.add
                  local.get 0; i32.const 1; i32.sub; local.tee 0
                  br_if 0
                end""".formatted(loopType));
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        assertEquals(5 + 4 + 3 + 2 + 1, call(inst, "count", 5));
    }

    @Test
    void fusedInstructionsMapToThePcOfTheInstructionThatConsumesThem() {
        TestModule m = new TestModule();
        m.func(sig(t(I32, I32), t(I32)), t(), "local.get 0; local.get 1; i32.add");
        CompiledFunction f = FunctionCompiler.compile(m.build(), 0,
                java.util.List.of(sig(t(I32, I32), t(I32))));
        // the two local.gets become operands of the add, which writes its result to the first stack slot
        assertEquals(Op.I32_ADD, f.code()[0]);
        assertEquals(java.util.List.of(2, 0, 1), java.util.List.of(f.code()[1], f.code()[2], f.code()[3]));
        assertEquals(0, f.instructionPcs()[0]);
        assertEquals(0, f.instructionPcs()[1]);
        assertEquals(0, f.instructionPcs()[2]);
    }

    @Test
    void withoutFusionEveryInstructionHasItsOwnCodeAndStackHeight() {
        TestModule m = new TestModule();
        m.func(sig(t(I32, I32), t(I32)), t(), "local.get 0; local.get 1; i32.add; nop");
        CompiledFunction f = FunctionCompiler.compile(m.build(), 0,
                java.util.List.of(sig(t(I32, I32), t(I32))), false);
        int[] pcs = f.instructionPcs();
        assertEquals(Op.COPY, f.code()[pcs[0]]);
        assertEquals(Op.COPY, f.code()[pcs[1]]);
        assertEquals(Op.I32_ADD, f.code()[pcs[2]]);
        assertEquals(Op.NOP, f.code()[pcs[3]]);
        assertEquals(java.util.List.of(2, 3, 4, 3), java.util.Arrays.stream(f.instructionHeights()).limit(4).boxed()
                .toList());
    }
}
