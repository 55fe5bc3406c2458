package dev.jwdb.robustness;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.WatSyntaxException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each resource limit, reached, gives its own clear error (or the -1 that Wasm's grow instructions define). */
class LimitsTest {
    private record Running(Store store, Instance instance) {
        Value call(String name, Value... args) {
            Value[] r = store.invoke((FunctionInstance) instance.export(name), args);
            return r.length == 0 ? null : r[0];
        }
    }

    private static Running run(String wat, StoreLimits limits) {
        Module m = Wat.parseModule(wat, "limits.wat");
        Validator.validate(m);
        Store store = new Store(limits);
        return new Running(store, store.instantiate(m, (module, name) -> null));
    }

    private static void instantiate(String wat, StoreLimits limits) {
        run(wat, limits);
    }

    @Test
    void memoryGrowBeyondTheLimitReturnsMinusOneAndKeepsTheMemory() {
        Running i = run("(module (memory (export \"m\") 1) (func (export \"grow\") (param i32) (result i32)"
                + " (memory.grow (local.get 0))))", new StoreLimits(100, 4));
        assertEquals(1, i.call("grow", Value.i32(3)).asI32());
        assertEquals(-1, i.call("grow", Value.i32(1)).asI32());
        assertEquals(4, i.instance().memory(0).pages());
        // A guest asking for 4 GiB (65536 pages) in one go gets -1 too, not an OutOfMemoryError.
        assertEquals(-1, i.call("grow", Value.i32(65536)).asI32());
        assertEquals(-1, i.call("grow", Value.i32(-1)).asI32());
    }

    @Test
    void aDeclaredMinimumAboveTheLimitFailsInstantiationSayingSo() {
        ExhaustionException e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (memory 5))", new StoreLimits(100, 4)));
        assertEquals("memory size 5 pages exceeds the limit of 4 pages", e.getMessage());
    }

    @Test
    void aFourGibMemoryIsRefusedUnderTheDefaultLimits() {
        ExhaustionException e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (memory 65536))", StoreLimits.DEFAULT));
        assertEquals("memory size 65536 pages exceeds the limit of 32767 pages", e.getMessage());
    }

    @Test
    void tablesHaveALimitToo() {
        ExhaustionException e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (table 4294967295 funcref))", StoreLimits.DEFAULT));
        assertEquals("table size 4294967295 exceeds the limit of 10000000", e.getMessage());
        Running i = run("(module (table 0 funcref) (func (export \"grow\") (param i32) (result i32)"
                + " (table.grow (ref.null func) (local.get 0))))", StoreLimits.DEFAULT);
        assertEquals(-1, i.call("grow", Value.i32((int) StoreLimits.DEFAULT_TABLE_ELEMENTS + 1)).asI32());
        assertEquals(-1, i.call("grow", Value.i32(-1)).asI32());
        assertEquals(0, i.call("grow", Value.i32(10)).asI32());
    }

    @Test
    void theTableLimitIsTheStoresOwn() {
        StoreLimits limits = StoreLimits.DEFAULT.withMaxTableElements(8);
        ExhaustionException e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (table 9 funcref))", limits));
        assertEquals("table size 9 exceeds the limit of 8", e.getMessage());
        Running i = run("(module (table 2 externref) (func (export \"grow\") (param i32) (result i32)"
                + " (table.grow (ref.null extern) (local.get 0))))", limits);
        assertEquals(2, i.call("grow", Value.i32(6)).asI32());
        assertEquals(-1, i.call("grow", Value.i32(1)).asI32());
        assertEquals(8, i.call("grow", Value.i32(0)).asI32());
    }

    @Test
    void aTableLimitAsLargeAsJavaAllowsStillRefusesWhatTheHeapCannotHold() {
        StoreLimits limits = StoreLimits.DEFAULT.withMaxTableElements(Long.MAX_VALUE);
        assertEquals(StoreLimits.ADDRESSABLE_TABLE_ELEMENTS, limits.maxTableElements());
        ExhaustionException e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (table 4294967295 funcref))", limits));
        assertEquals("table size 4294967295 exceeds the limit of 2147483639", e.getMessage());
        // 16 GiB of elements, where the heap is smaller than that (not on the biggest machines)
        assumeTrue(Runtime.getRuntime().maxMemory() < 16L << 30);
        e = assertThrows(ExhaustionException.class,
                () -> instantiate("(module (table 2147483639 funcref))", limits));
        assertEquals("out of memory allocating a table of 2147483639 elements", e.getMessage());
    }

    @Test
    void deepRecursionIsCallStackExhaustedAtTheConfiguredDepth() {
        Running i = run("(module (func $f (export \"f\") (param i32) (result i32)"
                + " (if (result i32) (local.get 0) (then (i32.add (i32.const 1) (call $f (i32.sub (local.get 0)"
                + " (i32.const 1))))) (else (i32.const 0)))))", new StoreLimits(50, 1));
        assertEquals(49, i.call("f", Value.i32(49)).asI32());
        ExhaustionException e = assertThrows(ExhaustionException.class, () -> i.call("f", Value.i32(50)));
        assertEquals("call stack exhausted", e.getMessage());
    }

    @Test
    void aDataSegmentPastFourGibIsAnOutOfBoundsTrapAtInstantiation() {
        TrapException e = assertThrows(TrapException.class, () -> instantiate(
                "(module (memory 1) (data (i32.const -1) \"ab\"))", StoreLimits.DEFAULT));
        assertEquals(true, e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
    }

    @Test
    void hundredThousandNestedBlocksInBinaryDecodeValidateAndRun() {
        Module m = BinaryDecoder.decode(HostileModules.nestedBlocks(100_000));
        Validator.validate(m);
        Store store = new Store();
        Instance i = store.instantiate(m, (module, name) -> null);
        assertEquals(7, store.invoke((FunctionInstance) i.export("f"))[0].asI32());
    }

    @Test
    void hundredThousandNestedBlocksInTextAreASyntaxError() {
        String wat = "(module (func " + "(block ".repeat(100_000) + ")".repeat(100_000) + "))";
        WatSyntaxException e = assertThrows(WatSyntaxException.class, () -> Wat.parseModule(wat, "deep.wat"));
        assertEquals(true, e.reason().startsWith("nesting too deep"), e.reason());
    }
}
