package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens, comments and annotations, and the wording of errors about them. */
class LexicalTest {
    private static Module parse(String text) {
        return Wat.parseModule(text, "t.wat");
    }

    private static String reason(String text) {
        return assertThrows(WatSyntaxException.class, () -> parse(text)).reason();
    }

    @Test
    void commentsNestAndAnnotationsAreSkipped() {
        Module m = parse("""
                ;; a line comment
                (module (; a (; nested ;) block comment ;)
                  (@custom "ignored ) paren" (nested (annotation)))
                  (func;;glued
                    nop(;glued;)nop))
                """);
        assertEquals(3, m.functions().get(0).body().size());
    }

    @Test
    void parenthesesDelimitTokensWithoutSpaces() {
        Module m = parse("(func(nop)(i32.const 1)drop)(table 1 funcref)(elem(i32.const 0)0)");
        assertEquals(Opcode.NOP, m.functions().get(0).body().get(0).opcode());
        assertEquals(1, m.elements().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(func (drop (i32.const0)))       | unknown operator i32.const0",
            "(func br 0drop)                  | unknown operator 0drop",
            "(data $l\"a\")                   | unknown operator $l\"a\"",
            "(func (drop (get_local 0)))      | unknown operator get_local",
            "(func (i32.const 0x) drop)       | unknown operator 0x",
            "(func (f32.const 1.0e_1) drop)   | unknown operator 1.0e_1",
            "(func (i32.const) drop)          | unexpected token )",
            "(func (result i32) (param i32))  | unexpected token param",
            "(func (i32.const nan:canonical)) | unexpected token nan:canonical",
            "(func (nop)                      | unexpected end of input",
    })
    void malformedTokensAreReportedAsTheSpecWordsThem(String text, String reason) {
        assertEquals(reason, reason(text));
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> Wat.parseModule("(module\n  (func (i32.bogus)))", "bad.wat"));
        assertEquals("bad.wat", e.sourceName());
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertEquals("bad.wat:2:10: unknown operator i32.bogus", e.getMessage());
    }

    @Test
    void numbersReachTheirInstructionsInEveryWrittenForm() {
        Module m = parse("(func (i32.const 0xffff_ffff) (i64.const -9_223_372_036_854_775_808) "
                + "(f32.const -nan:0x7fffff) (f64.const 0x1p-1) drop drop drop drop)");
        var body = m.functions().get(0).body();
        assertEquals(new Immediate.I32(-1), body.get(0).immediate());
        assertEquals(new Immediate.I64(Long.MIN_VALUE), body.get(1).immediate());
        assertEquals(new Immediate.F32(0xffffffff), body.get(2).immediate());
        assertEquals(new Immediate.F64(Double.doubleToRawLongBits(0.5)), body.get(3).immediate());
    }

    @Test
    void constantsOutOfRangeAndBadAlignmentsAreMalformed() {
        assertTrue(reason("(func (i32.const 4294967296) drop)").startsWith("constant out of range"));
        assertTrue(reason("(memory 0x1_0000_0000)").startsWith("i32 constant out of range"));
        assertTrue(reason("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").startsWith("alignment"));
    }
}
