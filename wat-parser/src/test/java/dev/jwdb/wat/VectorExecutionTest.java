package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.valid.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * v128 values from text to execution: a v128 takes two interpreter slots, so everything that moves values without
 * looking at them (locals, globals, drop, select, blocks, calls, host calls, results) must move both.
 */
class VectorExecutionTest {
    private final Store store = new Store();
    private final List<Value> hostSaw = new ArrayList<>();

    private Instance instantiate(String wat) {
        Module module = BinaryDecoder.decode(BinaryEncoder.encode(Wat.parseModule(wat, "t.wat")));
        Validator.validate(module);
        FuncType hostType = new FuncType(List.of(ValType.I32, ValType.V128), List.of(ValType.V128, ValType.I32));
        FunctionInstance host = FunctionInstance.host(hostType, args -> {
            hostSaw.add(args[1]);
            return new Value[] {Value.v128(args[1].high(), args[1].bits()), Value.i32(args[0].asI32() + 1)};
        });
        return store.instantiate(module, (m, name) -> m.equals("host") ? (ExternVal) host : null);
    }

    private Value[] call(Instance instance, String name, Value... args) {
        return store.invoke((FunctionInstance) instance.export(name), args);
    }

    @Test
    void vectorsTravelThroughLocalsBlocksCallsDropAndSelect() {
        Instance m = instantiate("""
                (module
                  (func $swap (param v128 v128) (result v128 v128) (local.get 1) (local.get 0))
                  (func (export "f") (param $c i32) (param $a v128) (param $b v128) (result v128 i32)
                    (local $t v128)
                    (local.set $t (i32x4.add (local.get $a) (local.get $b)))
                    (drop (local.tee $t (local.get $t)))
                    (block (result v128 v128) (call $swap (local.get $a) (local.get $t)))
                    (select (local.get $c))
                    (i32.const 7)))
                """);
        Value a = Value.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);
        Value b = Value.v128(0x0000_0020_0000_0010L, 0x0000_0040_0000_0030L);
        Value[] taken = call(m, "f", Value.i32(1), a, b);
        assertEquals("v128:i32x4 [17 34 51 68]", taken[0].toString());
        assertEquals(Value.i32(7), taken[1]);
        assertEquals(a, call(m, "f", Value.i32(0), a, b)[0]);
    }

    @Test
    void hostFunctionsReceiveAndReturnVectorsAlongsideScalars() {
        Instance m = instantiate("""
                (module
                  (import "host" "f" (func $h (param i32 v128) (result v128 i32)))
                  (func (export "g") (result i64 i32) (local $n i32)
                    (call $h (i32.const 41) (v128.const i64x2 5 6))
                    (local.set $n)
                    (i64x2.extract_lane 1)
                    (local.get $n)))
                """);
        Value[] results = call(m, "g");
        assertEquals(List.of(Value.v128(5, 6)), hostSaw);
        assertEquals(List.of(Value.i64(5), Value.i32(42)), List.of(results));
    }

    @Test
    void vectorGlobalsAreInitializedReadAndWritten() {
        Instance m = instantiate("""
                (module
                  (global $g (export "g") (mut v128) (v128.const f32x4 1 2 3 4))
                  (func (export "bump") (result v128)
                    (global.set $g (f32x4.mul (global.get $g) (v128.const f32x4 2 2 2 2)))
                    (global.get $g)))
                """);
        assertEquals("v128:i32x4 [1065353216 1073741824 1077936128 1082130432]",
                ((GlobalInstance) m.export("g")).value().toString());
        Value doubled = call(m, "bump")[0];
        assertEquals(doubled, ((GlobalInstance) m.export("g")).value());
        assertEquals(Float.floatToRawIntBits(8.0f), (int) (doubled.high() >>> 32));
    }

    @Test
    void outOfBoundsVectorStoresTrapWithoutWritingAnything() {
        Instance m = instantiate("""
                (module (memory (export "mem") 1)
                  (func (export "store") (param i32)
                    (v128.store (local.get 0) (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1))))
                """);
        TrapException trap = assertThrows(TrapException.class, () -> call(m, "store", Value.i32(65536 - 8)));
        assertTrue(trap.getMessage().startsWith("out of bounds memory access"));
        call(m, "store", Value.i32(65536 - 16));
    }

    @Test
    void laneIndicesAreCheckedByTheValidatorAndTheParser() {
        InvalidException invalid = assertThrows(InvalidException.class, () -> instantiate(
                "(module (func (result i32) (i32x4.extract_lane 4 (v128.const i32x4 0 0 0 0))))"));
        assertTrue(invalid.getMessage().startsWith("invalid lane index"), invalid.getMessage());
        WatSyntaxException malformed = assertThrows(WatSyntaxException.class, () -> Wat.parseModule(
                "(module (func (result v128) (v128.const i32x4 1 2 3)))", "t.wat"));
        assertTrue(malformed.reason().startsWith("wrong number of lane literals"), malformed.reason());
    }

    @Test
    void theDisassemblerWritesVectorInstructionsAsWasm2watDoes() {
        Module module = Wat.parseModule("""
                (module (memory 1)
                  (func (param v128) (result v128)
                    (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 255)
                    (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get 0))
                    (v128.load8_lane offset=3 align=1 5 (i32.const 0))
                    (v128.load8x8_s align=8 (i32.const 0)) (drop)))
                """, "t.wat");
        assertEquals(List.of(
                "v128.const i32x4 0x04030201 0x08070605 0x0c0b0a09 0xff0f0e0d",
                "local.get 0",
                "i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31",
                "i32.const 0",
                "v128.load8_lane offset=3 5",
                "i32.const 0",
                "v128.load8x8_s",
                "drop",
                "end"), Disassembler.function(module, 0).stream().map(String::strip).toList());
    }
}
