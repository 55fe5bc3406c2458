package dev.jwdb.robustness;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.Wat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the differential runs found Chicory 1.7.5 wrong, reduced to one call each: jwdb's answer is checked against
 * the spec, Chicory's recorded. If a Chicory upgrade fixes one, its assertNotEquals fails and the entry can go.
 */
class ChicoryDisagreementsTest {
    private record Both(Store store, dev.jwdb.engine.runtime.Instance jwdb, Instance chicory) {
        Value[] jwdb(String name, Value... args) {
            return store.invoke((FunctionInstance) jwdb.export(name), args);
        }
    }

    private static Both load(String wat) {
        Module m = Wat.parseModule(wat, "reduced.wat");
        Store store = new Store();
        return new Both(store, store.instantiate(m, (a, b) -> null),
                Instance.builder(Parser.parse(BinaryEncoder.encode(m))).build());
    }

    /**
     * i32.mul is modulo 2^32 (spec §4.3.2, imul), so 0x80000000 * 32 is 0 and the if takes its else branch. Found
     * by GeneratedDifferentialTest seed 9002123 as different memory after an f64.store.
     */
    @Test
    void chicoryDoesNotWrapAnI32ProductUsedAsACondition() {
        Both b = load("(module (func (export \"f\") (result i32)"
                + " (if (result i32) (i32.mul (i32.const 0x80000000) (i32.const 32))"
                + " (then (i32.const 1)) (else (i32.const 2)))))");
        assertEquals(2, b.jwdb("f")[0].asI32());
        assertNotEquals(2L, b.chicory().export("f").apply()[0]);
    }

    /**
     * f32.convert_i64_u rounds to nearest, ties to even (spec §4.3.2, convert_u; conversions.wast line 522 tests
     * one such rounding): 2^63 + 64 is far below half an f32 ulp (2^39) above 2^63, so the result is 2^63. Found by
     * GeneratedDifferentialTest seed 9002599.
     */
    @Test
    void chicoryRoundsUnsignedI64ToF32Wrongly() {
        Both b = load("(module (func (export \"f\") (param i64) (result f32) (f32.convert_i64_u (local.get 0))))");
        long input = 0x8000_0000_0000_0040L;
        int expected = Float.floatToRawIntBits(new BigDecimal("9223372036854775872").floatValue());
        assertEquals(0x5f00_0000, expected);
        assertEquals(expected, (int) b.jwdb("f", Value.i64(input))[0].bits());
        assertNotEquals(expected, (int) b.chicory().export("f").apply(input)[0]);
    }

    /**
     * table.init past the end of the segment traps "out of bounds table access" (spec §4.4.6; bulk.wast line 199's
     * module). Chicory throws an IndexOutOfBoundsException instead. Found by SpecDifferentialTest.
     */
    @Test
    void chicoryCrashesOnTableInitWithAHugeSourceOffset() {
        Both b = load("(module (table 3 funcref) (elem funcref (ref.func $z)) (func $z)"
                + " (func (export \"init\") (param i32 i32 i32)"
                + " (table.init 0 (local.get 0) (local.get 1) (local.get 2))))");
        Value[] args = {Value.i32(0), Value.i32(-724418063), Value.i32(1)};
        TrapException e = assertThrows(TrapException.class, () -> b.jwdb("init", args));
        assertTrue(e.getMessage().startsWith("out of bounds table access"), e.getMessage());
        String chicory = Differential.callChicoryForTest(b.chicory().export("init"), args).trap();
        assertTrue(chicory.startsWith("chicory crashed: "), chicory);
    }

    /**
     * table.copy with d + n past 2^31 traps "out of bounds table access" (spec §4.4.6; table_copy.wast line 2526's
     * module); Chicory's int arithmetic wraps and it reports "undefined element". Found by SpecDifferentialTest.
     */
    @Test
    void chicoryWrapsTableCopyBounds() {
        Both b = load("(module (table 32 64 funcref) (func (export \"run\") (param i32 i32 i32)"
                + " (table.copy (local.get 0) (local.get 1) (local.get 2))))");
        Value[] args = {Value.i32(2147483647), Value.i32(2147483647), Value.i32(1)};
        TrapException e = assertThrows(TrapException.class, () -> b.jwdb("run", args));
        assertTrue(e.getMessage().startsWith("out of bounds table access"), e.getMessage());
        assertEquals("undefined element",
                Differential.callChicoryForTest(b.chicory().export("run"), args).trap());
    }
}
