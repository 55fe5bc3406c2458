package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.model.Opcode.*;
import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.block;
import static dev.jwdb.engine.valid.Code.blockOfType;
import static dev.jwdb.engine.valid.Code.brTable;
import static dev.jwdb.engine.valid.Code.f32;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.i64;
import static dev.jwdb.engine.valid.Code.op;

class ControlFlowValidationTest {
    @Test
    void blockResultIsLeftOnTheStack() {
        module().func(":i", block(BLOCK, ValType.I32), i32(1), op(END)).assertValid();
        module().func(":i", block(BLOCK, ValType.I32), op(END)).assertInvalid("type mismatch");
        module().func(":i", block(BLOCK, ValType.I32), i64(1), op(END)).assertInvalid("type mismatch");
        module().func(":", block(BLOCK), i32(1), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void blockCannotReachOperandsPushedBeforeIt() {
        module().func(":", i32(0), block(BLOCK), op(DROP), op(END)).assertInvalid("type mismatch");
        module().global(ValType.I32, true, i32(0))
                .func(":", i32(0), block(BLOCK), op(GLOBAL_SET, 0), op(END), op(DROP))
                .assertInvalid("type mismatch");
    }

    @Test
    void multiValueBlockTakesParametersAndGivesResults() {
        TestModule m = module();
        int type = m.type("iI:Ii");
        m.func(":Ii", i32(1), i64(2), blockOfType(BLOCK, type), op(DROP), op(I64_EXTEND_I32_U), i32(3), op(END))
                .assertValid();

        TestModule missing = module();
        int needsTwo = missing.type("iI:");
        missing.func(":", i64(2), blockOfType(BLOCK, needsTwo), op(DROP), op(DROP), op(END))
                .assertInvalid("type mismatch");

        module().func(":", blockOfType(BLOCK, 9), op(END)).assertInvalid("unknown type 9");
    }

    @Test
    void branchToLoopCarriesItsParametersNotItsResults() {
        TestModule m = module();
        int type = m.type("i:I");
        m.func(":I", i32(0), blockOfType(LOOP, type), op(BR, 0), op(END)).assertValid();
        TestModule wrong = module();
        int t = wrong.type("i:I");
        wrong.func(":I", i32(0), blockOfType(LOOP, t), op(DROP), i64(0), op(BR, 0), op(END))
                .assertInvalid("type mismatch");
        module().func(":i", block(LOOP), i32(0), op(BR, 0), op(END)).assertInvalid("type mismatch");
        module().func(":i", block(LOOP, ValType.I32), i32(0), op(BR, 0), op(END)).assertValid();
    }

    @Test
    void ifPopsAConditionAndBothArmsProduceTheResult() {
        module().func("i:f", op(LOCAL_GET, 0), block(IF, ValType.F32), f32(1), op(ELSE), f32(2), op(END))
                .assertValid();
        module().func("i:f", op(LOCAL_GET, 0), block(IF, ValType.F32), f32(1), op(ELSE), i32(2), op(END))
                .assertInvalid("type mismatch");
        module().func(":", i64(0), block(IF), op(END)).assertInvalid("type mismatch");
        module().func(":", block(IF), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void ifWithoutElseMustHaveResultsEqualToParameters() {
        module().func("i:f", op(LOCAL_GET, 0), block(IF, ValType.F32), f32(1), op(END))
                .assertInvalid("type mismatch");
        TestModule m = module();
        int type = m.type("I:I");
        m.func("i:I", i64(5), op(LOCAL_GET, 0), blockOfType(IF, type), op(I64_EQZ), op(I64_EXTEND_I32_U), op(END))
                .assertValid();
    }

    @Test
    void elseArmStartsFromTheIfParameters() {
        TestModule m = module();
        int type = m.type("i:i");
        m.func(":i", i32(5), i32(1), blockOfType(IF, type), op(ELSE), i32(1), op(I32_ADD), op(END)).assertValid();
        module().func(":", op(ELSE)).assertInvalid("else without a matching if");
    }

    @Test
    void branchesCheckTheTargetsLabelTypes() {
        module().func(":i", block(BLOCK, ValType.I32), i32(1), op(BR, 0), op(END)).assertValid();
        module().func(":i", block(BLOCK, ValType.I32), f32(1), op(BR, 0), op(END)).assertInvalid("type mismatch");
        module().func(":i", block(BLOCK), i32(1), op(BR, 1), op(END), i32(0)).assertValid();
        module().func(":", op(BR, 1)).assertInvalid("unknown label 1");
        module().func(":", block(BLOCK), op(BR, 2), op(END)).assertInvalid("unknown label 2");
    }

    @Test
    void brIfKeepsTheLabelValuesForFallThrough() {
        module().func("i:i", block(BLOCK, ValType.I32), i32(7), op(LOCAL_GET, 0), op(BR_IF, 0), op(END))
                .assertValid();
        module().func("i:i", block(BLOCK, ValType.I32), i32(7), i64(0), op(BR_IF, 0), op(END))
                .assertInvalid("type mismatch");
        module().func(":", op(BR_IF, 1)).assertInvalid("unknown label 1");
    }

    @Test
    void brTableLabelsMustShareTheDefaultsArity() {
        module().func("i:i", block(BLOCK, ValType.I32), block(BLOCK, ValType.I32), i32(3), op(LOCAL_GET, 0),
                brTable(0, 1, 0), op(END), op(END)).assertValid();
        module().func("i:", block(BLOCK), block(BLOCK, ValType.F32), f32(0), op(LOCAL_GET, 0), brTable(1, 0),
                op(END), op(DROP), op(END)).assertInvalid("type mismatch");
        module().func("i:", block(BLOCK), op(LOCAL_GET, 0), brTable(0, 5), op(END)).assertInvalid("unknown label 5");
        module().func("i:", block(BLOCK), op(LOCAL_GET, 0), brTable(7), op(END)).assertInvalid("unknown label 7");
    }

    @Test
    void brTableLabelsOfEqualArityMustAgreeOnTypes() {
        module().func("i:i", block(BLOCK, ValType.F32), block(BLOCK, ValType.I32), i32(0), op(LOCAL_GET, 0),
                brTable(0, 1), op(END), op(RETURN), op(END), op(DROP), i32(0)).assertInvalid("type mismatch");
    }

    @Test
    void brTableConditionMustBeI32() {
        module().func(":", block(BLOCK), i64(0), brTable(0), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void returnTakesTheFunctionResults() {
        module().func(":I", block(BLOCK), i64(3), op(RETURN), op(END), i64(0)).assertValid();
        module().func(":I", i32(3), op(RETURN)).assertInvalid("type mismatch");
        module().func(":I", op(RETURN)).assertInvalid("type mismatch");
    }

    @Test
    void bodyWithUnclosedBlockIsRejected() {
        TestModule m = module();
        m.rawFunc(m.type(":"), java.util.List.of(), java.util.List.of(block(BLOCK), op(END)));
        m.assertInvalid("unexpected end of function body");
    }

    @Test
    void instructionsAfterTheFinalEndAreRejected() {
        TestModule m = module();
        m.rawFunc(m.type(":"), java.util.List.of(), java.util.List.of(op(END), op(NOP)));
        m.assertInvalid("unexpected instruction after the end of the function body");
    }
}
