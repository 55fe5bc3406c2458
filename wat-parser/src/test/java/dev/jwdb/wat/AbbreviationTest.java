package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text format's abbreviations expand into exactly what the long forms would have written. */
class AbbreviationTest {
    private static Module parse(String text) {
        return Wat.parseModule(text, "t.wat");
    }

    private static FuncType type(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Test
    void implicitTypesReuseAnyMatchingTypeAndAreAppendedInOrderOfFirstUse() {
        Module m = parse("""
                (func $f (result f64) (f64.const 0))
                (func $g (param i32))
                (func $h (result f64) (f64.const 1))
                (func $k (call_indirect (param i64) (i64.const 0) (i32.const 0)))
                (type $t (func (param i32)))
                (table 1 funcref)
                """);
        assertEquals(List.of(type(List.of(ValType.I32), List.of()), type(List.of(), List.of(ValType.F64)),
                type(List.of(), List.of()), type(List.of(ValType.I64), List.of())), m.types());
        assertEquals(List.of(1, 0, 1, 2), m.functionTypeIndices());
        Instruction call = m.functions().get(3).body().get(2);
        assertEquals(new Immediate.TwoIndex(3, 0), call.immediate());
    }

    @Test
    void aTypeUseWithInlineSignatureMustMatchTheReferencedType() {
        Module m = parse("(type $t (func (param i32) (result i32))) (func (type $t) (param $x i32) (result i32) "
                + "(local.get $x))");
        assertEquals(0, m.functions().get(0).typeIndex());
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> parse("(type $t (func (param i32))) (func (type $t) (param i64))"));
        assertTrue(e.reason().startsWith("inline function type"), e.reason());
    }

    @Test
    void anEmptyInlineSignatureNextToATypeReferenceSaysNothing() {
        Module m = parse("(type $t (func (param i32))) (func (type $t) (param) (result) (local $x i32) "
                + "(local.set $x (local.get 0)))");
        assertEquals(List.of(0), m.functionTypeIndices());
        assertEquals(new Immediate.Index(1), m.functions().get(0).body().get(1).immediate());
    }

    @Test
    void blockTypesStayInlineUnlessTheyNeedAFunctionType() {
        Module m = parse("(func (block (result i32) (i32.const 1)) drop (i32.const 2) "
                + "(block (param i32) (result i32)) drop)");
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.Block(new BlockType.Value(ValType.I32)), body.get(0).immediate());
        assertEquals(new Immediate.Block(new BlockType.TypeIndex(1)), body.get(5).immediate());
        assertEquals(type(List.of(ValType.I32), List.of(ValType.I32)), m.types().get(1));
    }

    @Test
    void inlineExportsAndImportsExpandIntoTheModulesLists() {
        Module m = parse("""
                (func $imported (import "env" "f") (param i32))
                (global (export "g1") (export "g2") (import "env" "g") (mut i64))
                (func (export "a") (export "b"))
                (memory (export "mem") 1 2)
                """);
        assertEquals("env", m.imports().get(0).module());
        assertEquals(new ImportDesc.Func(0), m.imports().get(0).desc());
        assertInstanceOf(ImportDesc.Global.class, m.imports().get(1).desc());
        assertEquals(List.of(new Export("g1", ExternKind.GLOBAL, 0), new Export("g2", ExternKind.GLOBAL, 0),
                new Export("a", ExternKind.FUNC, 1), new Export("b", ExternKind.FUNC, 1),
                new Export("mem", ExternKind.MEMORY, 0)), m.exports());
        assertEquals(new Limits(1, 2), m.memories().get(0).limits());
    }

    @Test
    void anImportAfterADefinitionIsMalformed() {
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> parse("(memory 0) (func (import \"m\" \"f\"))"));
        assertTrue(e.reason().startsWith("import after memory"), e.reason());
    }

    @Test
    void inlineDataSizesTheMemoryInWholePages() {
        Module m = parse("(memory (data \"ab\" \"c\"))");
        assertEquals(new Limits(1, 1), m.memories().get(0).limits());
        DataSegment segment = m.data().get(0);
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), segment.init());
        DataSegment.Active active = assertInstanceOf(DataSegment.Active.class, segment.mode());
        assertEquals(new Immediate.I32(0), active.offset().get(0).immediate());
        assertEquals(new Limits(0, 0), parse("(memory (data))").memories().get(0).limits());
    }

    @Test
    void inlineElementsSizeTheTableAndBecomeAnActiveSegment() {
        Module m = parse("(func $a) (func $b) (table $t funcref (elem $b $a $b))");
        assertEquals(new Limits(3, 3), m.tables().get(0).limits());
        ElementSegment segment = m.elements().get(0);
        assertEquals(ValType.FUNCREF, segment.type());
        assertEquals(List.of(1, 0, 1), segment.init().stream().map(e -> e.get(0).index()).toList());
        assertEquals(Opcode.END, segment.init().get(0).get(1).opcode());
        assertInstanceOf(ElementSegment.Active.class, segment.mode());
    }

    @Test
    void elementSegmentsInEveryForm() {
        Module m = parse("""
                (table $t 10 funcref)
                (func $f)
                (elem (i32.const 0) $f $f)
                (elem (table $t) (offset (i32.const 1)) func $f)
                (elem $p funcref (ref.func $f) (item ref.null func))
                (elem declare func $f)
                (elem (i32.const 2) externref (ref.null extern))
                """);
        List<ElementSegment> e = m.elements();
        assertEquals(2, e.get(0).init().size());
        assertEquals(new ElementSegment.Active(0, List.of(
                new Instruction(Opcode.I32_CONST, new Immediate.I32(1), -1, 4, 27),
                new Instruction(Opcode.END, Immediate.NONE, -1, 4, 39))), e.get(1).mode());
        assertInstanceOf(ElementSegment.Passive.class, e.get(2).mode());
        assertEquals(Opcode.REF_NULL, e.get(2).init().get(1).get(0).opcode());
        assertInstanceOf(ElementSegment.Declarative.class, e.get(3).mode());
        assertEquals(ValType.EXTERNREF, e.get(4).type());
    }

    @Test
    void dataSegmentsNameTheirMemoryOrArePassive() {
        Module m = parse("""
                (memory $m 1)
                (data (memory $m) (i32.const 8) "x")
                (data $p "yz")
                (func (memory.init $p (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop $p))
                """);
        assertInstanceOf(DataSegment.Active.class, m.data().get(0).mode());
        assertInstanceOf(DataSegment.Passive.class, m.data().get(1).mode());
        assertEquals(new Immediate.TwoIndex(1, 0), m.functions().get(0).body().get(3).immediate());
        assertEquals(2, m.dataCount());
        assertEquals(-1, parse("(memory 1) (data (i32.const 0) \"a\")").dataCount());
    }

    @Test
    void memoryArgumentsDefaultToNaturalAlignment() {
        Module m = parse("(memory 1) (func (drop (i64.load16_s (i32.const 0))) "
                + "(drop (f64.load offset=8 align=4 (i32.const 0))) (i32.store (i32.const 0) (i32.const 0)))");
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.MemArg(1, 0, 0), body.get(1).immediate());
        assertEquals(new Immediate.MemArg(2, 8, 0), body.get(4).immediate());
        assertEquals(new Immediate.MemArg(2, 0, 0), body.get(8).immediate());
    }

    @Test
    void typedSelectAndReferenceInstructions() {
        Module m = parse("(func $f (result funcref) (select (result funcref) (ref.func $f) (ref.null func) "
                + "(i32.const 1)))");
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.Index(0), body.get(0).immediate());
        assertEquals(new Immediate.Ref(ValType.FUNCREF), body.get(1).immediate());
        assertEquals(Opcode.SELECT_T, body.get(3).opcode());
        assertEquals(new Immediate.Types(List.of(ValType.FUNCREF)), body.get(3).immediate());
        assertEquals(Opcode.SELECT, parse("(func (select (i32.const 1) (i32.const 2) (i32.const 3)) drop)")
                .functions().get(0).body().get(3).opcode());
    }

    @Test
    void tableInstructionsDefaultToTableZero() {
        Module m = parse("(table $a 1 funcref) (table $b 1 funcref) (elem $e func) "
                + "(func (table.copy $b $a (i32.const 0) (i32.const 0) (i32.const 0)) "
                + "(table.init $b $e (i32.const 0) (i32.const 0) (i32.const 0)) "
                + "(drop (table.size)))");
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.TwoIndex(1, 0), body.get(3).immediate());
        assertEquals(new Immediate.TwoIndex(0, 1), body.get(7).immediate());
        assertEquals(new Immediate.Index(0), body.get(8).immediate());
    }
}
