package dev.jwdb.engine.exec;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.TableInstance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.model.ValType.EXTERNREF;
import static dev.jwdb.engine.model.ValType.F64;
import static dev.jwdb.engine.model.ValType.FUNCREF;
import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.model.ValType.I64;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemoryAndTableTest {
    private Store store = new Store();

    private Value[] call(Instance instance, String name, Value... args) {
        return store.invoke((FunctionInstance) instance.export(name), args);
    }

    private static Value i32(int v) {
        return Value.i32(v);
    }

    private static String trap(Runnable r) {
        return assertThrows(TrapException.class, r::run).getMessage();
    }

    private Instance memoryModule(long min, long max) {
        TestModule m = new TestModule().memory(min, max);
        m.export("memory", ExternKind.MEMORY, 0);
        m.export("store64", sig(t(I32, I64), t()), t(), "local.get 0; local.get 1; i64.store");
        m.export("load64", sig(t(I32), t(I64)), t(), "local.get 0; i64.load");
        m.export("load8_s", sig(t(I32), t(I32)), t(), "local.get 0; i32.load8_s");
        m.export("load16_u_at4", sig(t(I32), t(I32)), t(), "local.get 0; i32.load16_u offset=4");
        m.export("load32_s", sig(t(I32), t(I64)), t(), "local.get 0; i64.load32_s");
        m.export("loadf64", sig(t(I32), t(F64)), t(), "local.get 0; f64.load");
        m.export("grow", sig(t(I32), t(I32)), t(), "local.get 0; memory.grow");
        m.export("size", sig(t(), t(I32)), t(), "memory.size");
        m.export("fill", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; memory.fill");
        m.export("copy", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; memory.copy");
        return store.instantiate(m.build(), ImportResolver.NONE);
    }

    @Test
    void loadsAndStoresAreLittleEndianAndSignOrZeroExtend() {
        Instance inst = memoryModule(1, -1);
        call(inst, "store64", i32(8), Value.i64(0x8877_6655_F433_2211L));
        assertEquals(0x8877_6655_F433_2211L, call(inst, "load64", i32(8))[0].asI64());
        assertEquals(0x11, call(inst, "load8_s", i32(8))[0].asI32());
        assertEquals(-120, call(inst, "load8_s", i32(15))[0].asI32());
        assertEquals(0x6655, call(inst, "load16_u_at4", i32(8))[0].asI32());
        assertEquals(0xFFFF_FFFF_F433_2211L, call(inst, "load32_s", i32(8))[0].asI64());
        assertEquals(0x11, ((MemoryInstance) inst.export("memory")).readByte(8));
    }

    @Test
    void accessesPastTheEndTrapIncludingAddressPlusOffsetBeyond32Bits() {
        Instance inst = memoryModule(1, -1);
        assertEquals("out of bounds memory access", trap(() -> call(inst, "load64", i32(65529))));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "load16_u_at4", i32(-1))));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "store64", i32(-8), Value.i64(1))));
        assertEquals(0L, call(inst, "load64", i32(65528))[0].asI64());
    }

    @Test
    void growReturnsTheOldSizeAndMinusOneBeyondTheMaximum() {
        Instance inst = memoryModule(1, 3);
        assertEquals(1, call(inst, "grow", i32(2))[0].asI32());
        assertEquals(3, call(inst, "size")[0].asI32());
        assertEquals(-1, call(inst, "grow", i32(1))[0].asI32());
        assertEquals(-1, call(inst, "grow", i32(-1))[0].asI32());
        assertEquals(3, call(inst, "grow", i32(0))[0].asI32());
        call(inst, "store64", i32(3 * 65536 - 8), Value.i64(5));
    }

    @Test
    void growIsCappedByTheStoreLimit() {
        store = new Store(new StoreLimits(100, 4));
        Instance inst = memoryModule(1, -1);
        assertEquals(-1, call(inst, "grow", i32(4))[0].asI32());
        assertEquals(1, call(inst, "grow", i32(3))[0].asI32());
        assertEquals(-1, call(inst, "grow", i32(0x10000))[0].asI32());
    }

    @Test
    void fillAndOverlappingCopyBehaveLikeMemmove() {
        Instance inst = memoryModule(1, -1);
        MemoryInstance memory = (MemoryInstance) inst.export("memory");
        memory.write(0, new byte[] {1, 2, 3, 4, 5});
        call(inst, "copy", i32(1), i32(0), i32(4));
        assertArrayEquals(new byte[] {1, 1, 2, 3, 4}, memory.read(0, 5));
        call(inst, "copy", i32(0), i32(1), i32(4));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 4}, memory.read(0, 5));
        call(inst, "fill", i32(2), i32(0x1FF), i32(2));
        assertArrayEquals(new byte[] {1, 2, -1, -1, 4}, memory.read(0, 5));
    }

    @Test
    void outOfBoundsBulkOperationsTrapBeforeWritingAnything() {
        Instance inst = memoryModule(1, -1);
        MemoryInstance memory = (MemoryInstance) inst.export("memory");
        assertEquals("out of bounds memory access", trap(() -> call(inst, "fill", i32(65535), i32(7), i32(2))));
        assertEquals(0, memory.readByte(65535));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "copy", i32(0), i32(65535), i32(2))));
        call(inst, "fill", i32(65536), i32(7), i32(0));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "fill", i32(65537), i32(7), i32(0))));
    }

    @Test
    void memoryInitCopiesFromAPassiveSegmentUntilItIsDropped() {
        TestModule m = new TestModule().memory(1, -1).passiveData((byte) 7, (byte) 8, (byte) 9);
        m.export("memory", ExternKind.MEMORY, 0);
        m.export("init", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; memory.init 0");
        m.export("drop", sig(t(), t()), t(), "data.drop 0");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        MemoryInstance memory = (MemoryInstance) inst.export("memory");
        call(inst, "init", i32(100), i32(1), i32(2));
        assertArrayEquals(new byte[] {8, 9}, memory.read(100, 2));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "init", i32(0), i32(2), i32(2))));
        call(inst, "drop");
        call(inst, "init", i32(0), i32(0), i32(0));
        assertEquals("out of bounds memory access", trap(() -> call(inst, "init", i32(0), i32(0), i32(1))));
    }

    @Test
    void tableInstructionsGetSetGrowFillAndCopy() {
        TestModule m = new TestModule().table(EXTERNREF, 2, 5);
        m.export("table", ExternKind.TABLE, 0);
        m.export("get", sig(t(I32), t(EXTERNREF)), t(), "local.get 0; table.get 0");
        m.export("set", sig(t(I32, EXTERNREF), t()), t(), "local.get 0; local.get 1; table.set 0");
        m.export("grow", sig(t(EXTERNREF, I32), t(I32)), t(), "local.get 0; local.get 1; table.grow 0");
        m.export("size", sig(t(), t(I32)), t(), "table.size 0");
        m.export("fill", sig(t(I32, EXTERNREF, I32), t()), t(), "local.get 0; local.get 1; local.get 2; table.fill 0");
        m.export("copy", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; table.copy 0 0");
        m.export("is_null", sig(t(I32), t(I32)), t(), "local.get 0; table.get 0; ref.is_null");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);

        assertEquals(Value.nullRef(EXTERNREF), call(inst, "get", i32(1))[0]);
        assertEquals(1, call(inst, "is_null", i32(0))[0].asI32());
        call(inst, "set", i32(1), Value.ref(EXTERNREF, 7));
        assertEquals(Value.ref(EXTERNREF, 7), call(inst, "get", i32(1))[0]);
        assertEquals(2, call(inst, "grow", Value.ref(EXTERNREF, 3), i32(2))[0].asI32());
        assertEquals(-1, call(inst, "grow", Value.nullRef(EXTERNREF), i32(2))[0].asI32());
        assertEquals(4, call(inst, "size")[0].asI32());
        assertEquals(3L, ((TableInstance) inst.export("table")).get(3));
        call(inst, "copy", i32(0), i32(1), i32(3));
        assertEquals(Value.ref(EXTERNREF, 7), call(inst, "get", i32(0))[0]);
        assertEquals(Value.ref(EXTERNREF, 3), call(inst, "get", i32(2))[0]);
        call(inst, "fill", i32(1), Value.ref(EXTERNREF, 9), i32(3));
        assertEquals(Value.ref(EXTERNREF, 9), call(inst, "get", i32(3))[0]);
        assertEquals("out of bounds table access", trap(() -> call(inst, "get", i32(4))));
        assertEquals("out of bounds table access", trap(() -> call(inst, "set", i32(-1), Value.nullRef(EXTERNREF))));
        assertEquals("out of bounds table access", trap(() -> call(inst, "fill", i32(3), Value.nullRef(EXTERNREF), i32(2))));
        assertEquals(Value.ref(EXTERNREF, 9), call(inst, "get", i32(3))[0], "a failing fill writes nothing");
        assertEquals("out of bounds table access", trap(() -> call(inst, "copy", i32(2), i32(0), i32(3))));
    }

    @Test
    void tableInitAndElemDropUsePassiveSegments() {
        TestModule m = new TestModule().table(FUNCREF, 3, -1);
        int five = m.func(sig(t(), t(I32)), t(), "i32.const 5");
        m.passiveElements(five, five);
        int type = m.type(sig(t(), t(I32)));
        m.export("init", sig(t(I32, I32, I32), t()), t(), "local.get 0; local.get 1; local.get 2; table.init 0 0");
        m.export("drop", sig(t(), t()), t(), "elem.drop 0");
        m.export("call", sig(t(I32), t(I32)), t(), "local.get 0; call_indirect " + type + " 0");
        m.export("ref", sig(t(), t(FUNCREF)), t(), "ref.func " + five);
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        call(inst, "init", i32(1), i32(0), i32(2));
        assertEquals(5, call(inst, "call", i32(2))[0].asI32());
        assertEquals("out of bounds table access", trap(() -> call(inst, "init", i32(2), i32(0), i32(2))));
        call(inst, "drop");
        assertEquals("out of bounds table access", trap(() -> call(inst, "init", i32(0), i32(0), i32(1))));
        Value ref = call(inst, "ref")[0];
        assertEquals(inst.function(five), store.function((int) ref.bits()));
    }

    @Test
    void referenceLocalsStartNull() {
        TestModule m = new TestModule();
        m.export("f", sig(t(), t(I32)), t(I64, FUNCREF), "local.get 1; ref.is_null");
        assertEquals(1, call(store.instantiate(m.build(), ImportResolver.NONE), "f")[0].asI32());
    }
}
