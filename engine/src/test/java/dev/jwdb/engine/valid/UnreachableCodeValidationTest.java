package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.model.Opcode.*;
import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.block;
import static dev.jwdb.engine.valid.Code.brTable;
import static dev.jwdb.engine.valid.Code.f32;
import static dev.jwdb.engine.valid.Code.f64;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.i64;
import static dev.jwdb.engine.valid.Code.op;
import static dev.jwdb.engine.valid.Code.refNull;

/** The polymorphic operand stack after unreachable, br, br_table and return (spec's unreached-*.wast). */
class UnreachableCodeValidationTest {
    @Test
    void anythingCanBePoppedAfterUnreachable() {
        module().func(":i", op(UNREACHABLE), op(I32_ADD)).assertValid();
        module().func(":F", op(UNREACHABLE)).assertValid();
        module().func(":", op(UNREACHABLE), op(DROP), op(DROP)).assertValid();
        module().func(":", op(RETURN), op(I64_EQZ), op(DROP)).assertValid();
    }

    @Test
    void indicesAreStillCheckedInUnreachableCode() {
        module().func(":", op(UNREACHABLE), op(LOCAL_GET, 0), op(DROP)).assertInvalid("unknown local");
        module().func(":", op(UNREACHABLE), op(GLOBAL_GET, 0), op(DROP)).assertInvalid("unknown global");
        module().func(":", op(UNREACHABLE), op(CALL, 1)).assertInvalid("unknown function");
        module().func(":", op(UNREACHABLE), op(BR, 1)).assertInvalid("unknown label");
    }

    @Test
    void knownOperandsAreStillTypedInUnreachableCode() {
        module().func(":", op(UNREACHABLE), i64(0), op(I32_EQZ), op(DROP)).assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), i64(0), op(I32_ADD), op(DROP)).assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), op(I32_EQZ), op(I64_EQZ), op(DROP)).assertInvalid("type mismatch");
        module().func(":", op(BR, 0), f32(0), op(I64_EXTEND_I32_U), op(DROP)).assertInvalid("type mismatch");
    }

    @Test
    void resultsPushedAfterUnreachableMustStillMatch() {
        module().func(":i", op(UNREACHABLE), i64(0)).assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), i32(0)).assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), op(SELECT)).assertInvalid("type mismatch");
    }

    @Test
    void unreachableInNestedBlockDoesNotMakeTheOuterBlockPolymorphic() {
        module().func(":", block(BLOCK), i32(3), block(BLOCK), op(UNREACHABLE), op(END), op(END))
                .assertInvalid("type mismatch");
        module().func(":i", block(BLOCK), block(BLOCK), op(UNREACHABLE), op(END), op(END))
                .assertInvalid("type mismatch");
        module().func(":i", block(BLOCK, ValType.I64), i64(0), block(BLOCK), op(UNREACHABLE), op(END), op(END))
                .assertInvalid("type mismatch");
        module().func(":i", block(BLOCK, ValType.I32), block(BLOCK), op(BR, 1), op(END), op(END))
                .assertInvalid("type mismatch");
    }

    @Test
    void loopBranchAfterNopLeavesNoResult() {
        module().func(":i", block(LOOP), op(NOP), op(BR, 0), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void localTeeOfUnknownStillPushesTheLocalType() {
        module().funcWithLocals(":", "i", op(UNREACHABLE), op(LOCAL_TEE, 0)).assertInvalid("type mismatch");
    }

    @Test
    void brIfAfterUnreachablePushesTheLabelTypes() {
        module().func(":I", op(UNREACHABLE), op(BR_IF, 0), op(I64_EXTEND_I32_U)).assertInvalid("type mismatch");
        module().func(":I", op(UNREACHABLE), op(BR_IF, 0)).assertValid();
        module().func(":i", block(BLOCK, ValType.I32), block(BLOCK), op(UNREACHABLE), i32(0), op(BR_IF, 1),
                op(END), i32(0), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void brTableAfterUnreachableAcceptsLabelsOfDifferentTypesButEqualArity() {
        module().func(":", block(BLOCK, ValType.F64), block(BLOCK, ValType.F32), op(UNREACHABLE), i32(1),
                brTable(1, 0, 1), op(END), op(DROP), f64(0), op(END), op(DROP)).assertValid();
    }

    @Test
    void brTableAfterUnreachableStillChecksKnownOperands() {
        module().func(":", block(BLOCK), op(UNREACHABLE), f32(1), brTable(0), op(END)).assertInvalid("type mismatch");
        module().func(":i", block(BLOCK, ValType.I32), op(UNREACHABLE), f32(0), i32(1), brTable(0), op(END))
                .assertInvalid("type mismatch");
        module().func(":", block(BLOCK), block(BLOCK, ValType.F32), op(UNREACHABLE), i32(1), brTable(0, 1, 0),
                op(END), op(DROP), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void brTableLabelCheckSeesTheConcreteOperandEvenWhenTheDefaultWouldAccept() {
        module().func("i:e", block(BLOCK, ValType.EXTERNREF), block(BLOCK, ValType.I32),
                refNull(ValType.EXTERNREF), op(LOCAL_GET, 0), brTable(0, 1, 0), op(END), op(DROP),
                refNull(ValType.EXTERNREF), op(END)).assertInvalid("type mismatch");
    }

    @Test
    void untypedSelectInUnreachableCode() {
        module().func(":", op(UNREACHABLE), op(SELECT), op(UNREACHABLE), i32(0), op(SELECT),
                op(UNREACHABLE), i32(0), i32(0), op(SELECT), op(UNREACHABLE), f32(0), i32(0), op(SELECT),
                op(UNREACHABLE)).assertValid();
        module().func(":i", op(UNREACHABLE), op(SELECT), op(I32_ADD)).assertValid();
        module().func(":I", op(UNREACHABLE), i64(0), i32(0), op(SELECT), i64(1), op(I64_ADD)).assertValid();
        module().func(":", op(UNREACHABLE), op(SELECT), op(REF_IS_NULL), op(DROP)).assertValid();
    }

    @Test
    void untypedSelectInUnreachableCodeStillComparesKnownOperands() {
        module().func(":", op(UNREACHABLE), i32(1), i64(1), i32(1), op(SELECT), op(DROP))
                .assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), i32(1), i32(1), i64(1), op(SELECT), op(DROP))
                .assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), i32(1), i64(1), op(SELECT), op(DROP)).assertInvalid("type mismatch");
        module().func(":", op(UNREACHABLE), i64(1), op(SELECT), op(DROP)).assertInvalid("type mismatch");
        module().func(":i", op(UNREACHABLE), i64(1), i32(1), op(SELECT)).assertInvalid("type mismatch");
    }

    @Test
    void unreachableCodeInsideIfArms() {
        module().func("i:i", op(LOCAL_GET, 0), block(IF, ValType.I32), op(UNREACHABLE), op(ELSE), i32(1), op(END))
                .assertValid();
        module().func("i:i", op(LOCAL_GET, 0), block(IF, ValType.I32), op(UNREACHABLE), op(ELSE), op(END))
                .assertInvalid("type mismatch");
    }
}
