package dev.jwdb.engine.runtime;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.UnlinkableException;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static dev.jwdb.engine.model.ValType.FUNCREF;
import static dev.jwdb.engine.model.ValType.I32;
import static dev.jwdb.engine.model.ValType.I64;
import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstantiationTest {
    private static final FuncType NONE_TO_I32 = sig(t(), t(I32));

    private final Store store = new Store();

    private static ImportResolver from(String module, Instance instance) {
        return (m, n) -> m.equals(module) ? instance.export(n) : null;
    }

    private int callI32(Instance instance, String name, Value... args) {
        return store.invoke((FunctionInstance) instance.export(name), args)[0].asI32();
    }

    @Test
    void missingImportIsUnknownImport() {
        TestModule m = new TestModule();
        m.importFunc("env", "f", sig(t(), t()));
        UnlinkableException e = assertThrows(UnlinkableException.class,
                () -> store.instantiate(m.build(), ImportResolver.NONE));
        assertTrue(e.getMessage().startsWith("unknown import"), e.getMessage());
    }

    @Test
    void importsOfTheWrongKindOrTypeAreIncompatible() {
        Instance provider = providerWithEverything();
        TestModule wrongSignature = new TestModule();
        wrongSignature.importFunc("p", "answer", sig(t(I32), t(I32)));
        TestModule wrongKind = new TestModule().importMemory("p", "answer", 0, -1);
        TestModule wrongMutability = new TestModule().importGlobal("p", "counter", I32, false);
        TestModule tableTooBig = new TestModule().importTable("p", "table", FUNCREF, 3, -1);
        TestModule memoryMaxTooLoose = new TestModule().importMemory("p", "memory", 1, 2);
        for (TestModule m : List.of(wrongSignature, wrongKind, wrongMutability, tableTooBig, memoryMaxTooLoose)) {
            UnlinkableException e = assertThrows(UnlinkableException.class,
                    () -> store.instantiate(m.build(), from("p", provider)));
            assertTrue(e.getMessage().startsWith("incompatible import type"), e.getMessage());
        }
    }

    @Test
    void limitsMatchBySubtyping() {
        Instance provider = providerWithEverything();
        TestModule m = new TestModule().importTable("p", "table", FUNCREF, 1, 10).importMemory("p", "memory", 0, 5);
        store.instantiate(m.build(), from("p", provider));
    }

    @Test
    void grownTableSatisfiesALargerMinimum() {
        Instance provider = providerWithEverything();
        TableInstance table = (TableInstance) provider.export("table");
        assertEquals(2, table.grow(2, Value.NULL_REF));
        store.instantiate(new TestModule().importTable("p", "table", FUNCREF, 4, -1).build(), from("p", provider));
    }

    private Instance providerWithEverything() {
        TestModule p = new TestModule();
        int answer = p.export("answer", NONE_TO_I32, t(), "i32.const 42");
        p.table(FUNCREF, 2, 10).memory(1, 3).global(I32, true, "i32.const 0");
        p.export("table", ExternKind.TABLE, 0).export("memory", ExternKind.MEMORY, 0)
                .export("counter", ExternKind.GLOBAL, 0);
        assertEquals(0, answer);
        return store.instantiate(p.build(), ImportResolver.NONE);
    }

    @Test
    void importedFunctionRunsInItsOwnInstance() {
        TestModule a = new TestModule().memory(1, -1).activeData(0, (byte) 11);
        a.export("peek", NONE_TO_I32, t(), "i32.const 0; i32.load8_u");
        Instance first = store.instantiate(a.build(), ImportResolver.NONE);

        TestModule b = new TestModule().memory(1, -1).activeData(0, (byte) 22);
        int peek = b.importFunc("a", "peek", NONE_TO_I32);
        b.export("both", NONE_TO_I32, t(), "call " + peek + "; i32.const 0; i32.load8_u; i32.add");
        Instance second = store.instantiate(b.build(), from("a", first));
        assertEquals(33, callI32(second, "both"));
    }

    @Test
    void mutableGlobalIsSharedBetweenInstances() {
        TestModule a = new TestModule().global(I64, true, "i64.const 5");
        a.export("g", ExternKind.GLOBAL, 0);
        a.export("get", sig(t(), t(I64)), t(), "global.get 0");
        Instance first = store.instantiate(a.build(), ImportResolver.NONE);

        TestModule b = new TestModule().importGlobal("a", "g", I64, true);
        b.export("bump", sig(t(), t()), t(), "global.get 0; i64.const 1; i64.add; global.set 0");
        Instance second = store.instantiate(b.build(), from("a", first));
        store.invoke((FunctionInstance) second.export("bump"));
        assertEquals(6L, store.invoke((FunctionInstance) first.export("get"))[0].asI64());
        assertEquals(Value.i64(6), ((GlobalInstance) first.export("g")).value());
    }

    @Test
    void callIndirectThroughAnImportedTableReachesTheOtherInstance() {
        TestModule a = new TestModule().table(FUNCREF, 2, -1);
        int seven = a.func(NONE_TO_I32, t(), "i32.const 7");
        a.activeElements(1, seven).export("table", ExternKind.TABLE, 0);
        Instance first = store.instantiate(a.build(), ImportResolver.NONE);

        TestModule b = new TestModule().importTable("a", "table", FUNCREF, 2, -1);
        int type = b.type(NONE_TO_I32);
        b.export("call", sig(t(I32), t(I32)), t(), "local.get 0; call_indirect " + type + " 0");
        Instance second = store.instantiate(b.build(), from("a", first));
        assertEquals(7, callI32(second, "call", Value.i32(1)));
        assertEquals("uninitialized element 0", assertThrows(TrapException.class,
                () -> callI32(second, "call", Value.i32(0))).getMessage());
        assertEquals("undefined element 2", assertThrows(TrapException.class,
                () -> callI32(second, "call", Value.i32(2))).getMessage());
    }

    @Test
    void callIndirectChecksTheSignature() {
        TestModule m = new TestModule().table(FUNCREF, 1, -1);
        int f = m.func(sig(t(), t(I64)), t(), "i64.const 1");
        m.activeElements(0, f);
        int type = m.type(NONE_TO_I32);
        m.export("call", NONE_TO_I32, t(), "i32.const 0; call_indirect " + type + " 0");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        assertEquals("indirect call type mismatch",
                assertThrows(TrapException.class, () -> callI32(inst, "call")).getMessage());
    }

    @Test
    void failingDataSegmentKeepsEarlierWritesToAnImportedMemory() {
        TestModule p = new TestModule().memory(1, -1);
        p.export("memory", ExternKind.MEMORY, 0);
        Instance provider = store.instantiate(p.build(), ImportResolver.NONE);

        TestModule m = new TestModule().importMemory("p", "memory", 1, -1)
                .activeData(0, (byte) 1)
                .activeData(65535, (byte) 2, (byte) 3)
                .activeData(1, (byte) 4);
        TrapException e = assertThrows(TrapException.class, () -> store.instantiate(m.build(), from("p", provider)));
        assertEquals("out of bounds memory access", e.getMessage());
        MemoryInstance memory = (MemoryInstance) provider.export("memory");
        assertEquals(1, memory.readByte(0));
        assertEquals(0, memory.readByte(65535), "the failing segment writes nothing");
        assertEquals(0, memory.readByte(1), "later segments are not applied");
    }

    @Test
    void elementSegmentsAreAppliedBeforeDataAndAFailingOneStopsInstantiation() {
        TestModule p = new TestModule().memory(1, -1).table(FUNCREF, 1, -1);
        p.export("memory", ExternKind.MEMORY, 0).export("table", ExternKind.TABLE, 0);
        Instance provider = store.instantiate(p.build(), ImportResolver.NONE);

        TestModule m = new TestModule().importMemory("p", "memory", 1, -1).importTable("p", "table", FUNCREF, 1, -1);
        int f = m.func(sig(t(), t()), t(), "");
        m.activeElements(0, f).activeElements(1, f).activeData(0, (byte) 9);
        TrapException e = assertThrows(TrapException.class, () -> store.instantiate(m.build(), from("p", provider)));
        assertEquals("out of bounds table access", e.getMessage());
        assertTrue(((TableInstance) provider.export("table")).get(0) != Value.NULL_REF);
        assertEquals(0, ((MemoryInstance) provider.export("memory")).readByte(0));
    }

    @Test
    void startFunctionRunsAfterSegmentsAndItsTrapFailsInstantiation() {
        TestModule m = new TestModule().memory(1, -1).activeData(0, (byte) 5).global(I32, true, "i32.const 0");
        int start = m.func(sig(t(), t()), t(), "i32.const 0; i32.load8_u; global.set 0");
        m.start(start).export("g", ExternKind.GLOBAL, 0);
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        assertEquals(Value.i32(5), ((GlobalInstance) inst.export("g")).value());

        TestModule trapping = new TestModule();
        trapping.start(trapping.func(sig(t(), t()), t(), "unreachable"));
        assertThrows(TrapException.class, () -> store.instantiate(trapping.build(), ImportResolver.NONE));
    }

    @Test
    void exportsAreListedInDeclarationOrder() {
        TestModule m = new TestModule();
        m.export("zeta", NONE_TO_I32, t(), "i32.const 1");
        m.export("alpha", NONE_TO_I32, t(), "i32.const 2");
        Instance inst = store.instantiate(m.build(), ImportResolver.NONE);
        assertEquals(List.of("zeta", "alpha"), List.copyOf(inst.exports().keySet()));
        assertNull(inst.export("missing"));
    }

    @Test
    void globalInitializersReadImportedGlobalsAndFunctionReferences() {
        TestModule a = new TestModule().global(I32, false, "i32.const 40");
        a.export("base", ExternKind.GLOBAL, 0);
        Instance first = store.instantiate(a.build(), ImportResolver.NONE);

        TestModule b = new TestModule().importGlobal("a", "base", I32, false);
        int f = b.func(NONE_TO_I32, t(), "global.get 1");
        b.global(I32, false, "global.get 0").global(FUNCREF, false, "ref.func " + f);
        b.export("f", ExternKind.GLOBAL, 2).export("fn", ExternKind.FUNC, f);
        Instance second = store.instantiate(b.build(), from("a", first));
        assertEquals(40, callI32(second, "fn"));
        Value ref = ((GlobalInstance) second.export("f")).value();
        assertSame(second.export("fn"), store.function((int) ref.bits()));
    }

    @Test
    void hostFunctionsAreCalledWithTypedArguments() {
        FuncType type = sig(t(I32, I64), t(I64));
        FunctionInstance host = FunctionInstance.host(type, args -> new Value[] {
                Value.i64(args[0].asI32() * args[1].asI64())});
        TestModule m = new TestModule();
        int h = m.importFunc("env", "mul", type);
        m.export("f", sig(t(), t(I64)), t(), "i32.const -3; i64.const 5; call " + h);
        Instance inst = store.instantiate(m.build(), (mod, name) -> name.equals("mul") ? host : null);
        assertEquals(-15L, store.invoke((FunctionInstance) inst.export("f"))[0].asI64());
        assertEquals(Value.i64(8), store.invoke(host, Value.i32(2), Value.i64(4))[0]);
    }

    @Test
    void hostFunctionTrapPropagatesToTheCaller() {
        FunctionInstance host = FunctionInstance.host(sig(t(), t()), args -> {
            throw new TrapException("host said no");
        });
        TestModule m = new TestModule();
        int h = m.importFunc("env", "no", sig(t(), t()));
        m.export("f", sig(t(), t()), t(), "call " + h);
        Instance inst = store.instantiate(m.build(), (mod, name) -> host);
        assertEquals("host said no", assertThrows(TrapException.class,
                () -> store.invoke((FunctionInstance) inst.export("f"))).getMessage());
    }

    @Test
    void specTestHostProvidesPrintGlobalsTableAndMemory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportResolver spectest = SpecTestHost.create(store, new PrintStream(bytes, true));
        TestModule m = new TestModule()
                .importGlobal("spectest", "global_i32", I32, false)
                .importTable("spectest", "table", FUNCREF, 10, 20)
                .importMemory("spectest", "memory", 1, 2);
        int print = m.importFunc("spectest", "print_i32", sig(t(I32), t()));
        m.export("f", sig(t(), t()), t(), "global.get 0; call " + print);
        Instance inst = store.instantiate(m.build(), spectest);
        store.invoke((FunctionInstance) inst.export("f"));
        assertEquals("i32:666", bytes.toString().trim());
        assertEquals(new TableType(FUNCREF, new Limits(10, 20)), ((TableInstance) spectest.resolve("spectest", "table")).type());
        assertEquals(new MemoryType(new Limits(1, 2)), ((MemoryInstance) spectest.resolve("spectest", "memory")).type());
        assertEquals(Value.f64(666.6), ((GlobalInstance) spectest.resolve("spectest", "global_f64")).value());
        assertNull(spectest.resolve("other", "print"));
    }

    @Test
    void immutableGlobalCannotBeSetFromOutside() {
        GlobalInstance g = new GlobalInstance(new dev.jwdb.engine.model.GlobalType(ValType.I32, false), Value.i32(1));
        assertThrows(IllegalStateException.class, () -> g.set(Value.i32(2)));
        GlobalInstance m = new GlobalInstance(new dev.jwdb.engine.model.GlobalType(ValType.I32, true), Value.i32(1));
        assertThrows(IllegalArgumentException.class, () -> m.set(Value.i64(2)));
        m.set(Value.i32(3));
        assertEquals(Map.of("v", Value.i32(3)), Map.of("v", m.value()));
    }
}
