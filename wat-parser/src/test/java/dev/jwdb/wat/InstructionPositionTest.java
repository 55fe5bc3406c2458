package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every instruction remembers where it was written, so the debugger can show the source line it stops at. */
class InstructionPositionTest {
    private static String positions(List<Instruction> code) {
        return code.stream().map(i -> i.opcode().mnemonic() + "@" + i.line() + ":" + i.column())
                .collect(Collectors.joining(" "));
    }

    @Test
    void flatInstructionsCarryTheLineAndColumnOfTheirMnemonic() {
        Module m = Wat.parseModule("""
                (module
                  (func (result i32)
                    i32.const 1
                      i32.const 2
                    i32.add))
                """, "t.wat");
        assertEquals("i32.const@3:5 i32.const@4:7 i32.add@5:5 end@5:12", positions(m.functions().get(0).body()));
        assertEquals(-1, m.functions().get(0).body().get(0).offset());
    }

    @Test
    void foldedInstructionsAreEmittedOperandsFirstAtTheirOperatorsPosition() {
        Module m = Wat.parseModule("(func (result i32) (i32.add (i32.const 1) (i32.const 2)))", "t.wat");
        assertEquals("i32.const@1:30 i32.const@1:44 i32.add@1:21 end@1:57", positions(m.functions().get(0).body()));
    }

    @Test
    void theEndOfAFoldedBlockIsPlacedAtItsClosingParenthesis() {
        Module m = Wat.parseModule("""
                (func
                  (block $b
                    (br $b)
                  ))
                """, "t.wat");
        assertEquals("block@2:4 br@3:6 end@4:3 end@4:4", positions(m.functions().get(0).body()));
    }

    @Test
    void foldedIfPutsItsConditionFirstAndKeepsElseAtTheElseKeyword() {
        Module m = Wat.parseModule("""
                (func (param i32) (result i32)
                  (if (result i32) (local.get 0)
                    (then (i32.const 1))
                    (else (i32.const 2))))
                """, "t.wat");
        assertEquals("local.get@2:21 if@2:4 i32.const@3:12 else@4:6 i32.const@4:12 end@4:25 end@4:26",
                positions(m.functions().get(0).body()));
    }

    @Test
    void constantExpressionsAreLocatedToo() {
        Module m = Wat.parseModule("(global i32 (i32.const 7))", "t.wat");
        assertEquals("i32.const@1:14 end@1:26", positions(m.globals().get(0).init()));
    }
}
