package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Symbolic ids resolve per index space and per scope; an id that is bound nowhere is malformed text. */
class IdResolutionTest {
    private static Module parse(String text) {
        return Wat.parseModule(text, "t.wat");
    }

    private static WatSyntaxException rejected(String text) {
        return assertThrows(WatSyntaxException.class, () -> parse(text));
    }

    @Test
    void labelsResolveToTheInnermostBlockBindingThemSoInnerLabelsShadowOuterOnes() {
        Module m = parse("""
                (func
                  (block $a
                    (block $b
                      (block $a
                        (br $a) (br $b) (br 2) (br_table $a $b 0)))))
                """);
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.Index(0), body.get(3).immediate());
        assertEquals(new Immediate.Index(1), body.get(4).immediate());
        assertEquals(new Immediate.Index(2), body.get(5).immediate());
        Immediate.BrTable table = (Immediate.BrTable) body.get(6).immediate();
        assertEquals(List.of(0, 1), List.of(table.labels()[0], table.labels()[1]));
        assertEquals(0, table.defaultLabel());
    }

    @Test
    void aLabelIsOnlyInScopeInsideItsBlock() {
        WatSyntaxException e = rejected("(func (block $done) (br $done))");
        assertTrue(e.reason().startsWith("unknown label"), e.reason());
        assertEquals(1, e.line());
        assertEquals(25, e.column());
    }

    @Test
    void theConditionOfAFoldedIfIsOutsideTheIfsLabel() {
        rejected("(func (if $l (br_if $l (i32.const 1)) (then)))");
        Module m = parse("(func (block $l (if $l (i32.const 1) (then (br $l)))))");
        assertEquals(new Immediate.Index(0), m.functions().get(0).body().get(3).immediate());
    }

    @Test
    void aRepeatedLabelAfterEndOrElseMustNameTheBlock() {
        parse("(func block $x end $x i32.const 0 if $y else $y end $y)");
        WatSyntaxException e = rejected("(func loop $a end $b)");
        assertEquals("mismatching label $b", e.reason());
        assertTrue(rejected("(func i32.const 0 if else $l end)").reason().startsWith("mismatching label"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(func call $nowhere)                            | unknown function",
            "(func global.get $g drop)                       | unknown global",
            "(func (param $x i32) local.get $y drop)         | unknown local",
            "(func (type $sig))                              | unknown type",
            "(func i32.const 0 table.get $t drop)            | unknown table",
            "(func memory.size $m drop)                      | unknown memory",
            "(func data.drop $d)                             | unknown data segment",
            "(func elem.drop $e)                             | unknown elem segment",
            "(export \"f\" (func $f))                         | unknown function",
            "(start $main)                                   | unknown function",
            "(global i32 (global.get $later))                | unknown global",
    })
    void unboundIdsAreReportedWithTheSpecsWording(String text, String reason) {
        WatSyntaxException e = rejected(text);
        assertTrue(e.reason().startsWith(reason), e.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(func $f) (func $f)                             | duplicate func",
            "(func (param $x i32) (local $x i64))            | duplicate local",
            "(global $g i32 (i32.const 0)) (import \"m\" \"g\" (global $g i32)) | import after global",
            "(type $t (func)) (type $t (func))               | duplicate type",
            "(memory 1) (data $d \"\") (data $d \"\")        | duplicate data",
            "(elem $e func) (elem $e func)                   | duplicate elem",
            "(func $main) (start $main) (start $main)        | multiple start sections",
    })
    void redefinitionsAreMalformed(String text, String reason) {
        WatSyntaxException e = rejected(text);
        assertTrue(e.reason().startsWith(reason), e.reason());
    }

    @Test
    void numericIndicesPassThroughForTheValidatorToCheck() {
        Module m = parse("(func call 42 local.get 7 drop global.get 9 drop)");
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(List.of(42, 7, 9), List.of(body.get(0).index(), body.get(1).index(), body.get(3).index()));
    }

    @Test
    void functionsMayCallFunctionsDefinedFurtherDown() {
        Module m = parse("(func $a call $b) (func $b)");
        assertEquals(1, m.functions().get(0).body().get(0).index());
    }

    @Test
    void idsBecomeTheModulesNamesWithoutTheirDollar() {
        Module m = parse("""
                (module $demo
                  (import "env" "log" (func $log (param $value i32)))
                  (global $counter (mut i32) (i32.const 0))
                  (func $main (param $n i32) (param i32) (local $tmp i64) (local i32)))
                """);
        Names names = m.names();
        assertEquals("demo", names.module());
        assertEquals(Map.of(0, "log", 1, "main"), names.functions());
        assertEquals("value", names.local(0, 0));
        assertEquals(Map.of(0, "n", 2, "tmp"), names.locals().get(1));
        assertEquals("counter", names.global(0));
    }

    @Test
    void parametersGivenOnlyByTypeOpenTheLocalIndexSpace() {
        Module m = parse("(type $t (func (param i32 i32))) "
                + "(func (type $t) (local $x i64) (local.set $x (i64.const 1)))");
        assertEquals(new Immediate.Index(2), m.functions().get(0).body().get(1).immediate());
    }
}
