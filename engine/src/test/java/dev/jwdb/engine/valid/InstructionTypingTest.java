package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.model.Opcode.*;
import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.f32;
import static dev.jwdb.engine.valid.Code.f64;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.i64;
import static dev.jwdb.engine.valid.Code.memory;
import static dev.jwdb.engine.valid.Code.op;
import static dev.jwdb.engine.valid.Code.refNull;
import static dev.jwdb.engine.valid.Code.select;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionTypingTest {
    @Test
    void numericInstructionsFollowTheirSignatures() {
        module().func("iI:F", op(LOCAL_GET, 0), op(I64_EXTEND_I32_U), op(LOCAL_GET, 1), op(I64_ADD),
                op(F64_CONVERT_I64_S), f64(2), op(F64_MUL)).assertValid();
        module().func(":i", i32(1), i64(2), op(I32_ADD)).assertInvalid("type mismatch");
        module().func(":i", op(I32_EQZ)).assertInvalid("type mismatch");
        module().func(":", f32(0), op(I32_TRUNC_SAT_F64_S), op(DROP)).assertInvalid("type mismatch");
    }

    @Test
    void mismatchMessageSaysWhatWasExpectedAndFound() {
        String message = module().func(":i", f64(1), op(I32_EQZ)).assertInvalid("type mismatch");
        assertTrue(message.contains("expected i32 but got f64"), message);
    }

    @Test
    void functionMustLeaveExactlyItsResults() {
        module().func(":i").assertInvalid("type mismatch");
        module().func(":", i32(0)).assertInvalid("type mismatch");
        module().func(":iI", i32(0), i64(0)).assertValid();
        module().func(":iI", i64(0), i32(0)).assertInvalid("type mismatch");
    }

    @Test
    void localsAreParametersFollowedByDeclaredLocals() {
        module().funcWithLocals("i:F", "fF", op(LOCAL_GET, 0), op(DROP), op(LOCAL_GET, 1), op(DROP),
                op(LOCAL_GET, 2)).assertValid();
        module().funcWithLocals("i:", "f", op(LOCAL_GET, 2), op(DROP)).assertInvalid("unknown local 2");
        module().func(":", i32(0), op(LOCAL_SET, 0)).assertInvalid("unknown local 0");
        module().funcWithLocals(":", "f", i32(0), op(LOCAL_SET, 0)).assertInvalid("type mismatch");
        module().funcWithLocals(":i", "i", i32(1), op(LOCAL_TEE, 0)).assertValid();
        module().funcWithLocals(":", "i", i32(1), op(LOCAL_TEE, 0)).assertInvalid("type mismatch");
    }

    @Test
    void globalsCanBeReadAndMutableOnesWritten() {
        module().importGlobal(ValType.I64, false).global(ValType.F32, true, f32(0))
                .func(":I", op(GLOBAL_GET, 0), f32(1), op(GLOBAL_SET, 1)).assertValid();
        module().func(":i", op(GLOBAL_GET, 0)).assertInvalid("unknown global 0");
        module().global(ValType.I32, false, i32(0)).func(":", i32(0), op(GLOBAL_SET, 1))
                .assertInvalid("unknown global 1");
        module().global(ValType.F32, false, f32(0)).func(":", f32(1), op(GLOBAL_SET, 0))
                .assertInvalid("global is immutable");
        module().importGlobal(ValType.I32, false).func(":", i32(1), op(GLOBAL_SET, 0))
                .assertInvalid("global is immutable");
        module().global(ValType.I32, true, i32(0)).func(":", op(GLOBAL_SET, 0)).assertInvalid("type mismatch");
    }

    @Test
    void callsPopArgumentsAndPushResults() {
        module().importFunc("iI:f").func(":f", i32(1), i64(2), op(CALL, 0)).assertValid();
        module().importFunc("iI:f").func(":f", i64(2), i32(1), op(CALL, 0)).assertInvalid("type mismatch");
        module().func(":", op(CALL, 1)).assertInvalid("unknown function 1");
    }

    @Test
    void callIndirectNeedsAFuncrefTableAndAKnownType() {
        TestModule ok = module().table(ValType.FUNCREF);
        int type = ok.type("i:i");
        ok.func(":i", i32(5), i32(0), op(CALL_INDIRECT, type, 0)).assertValid();

        module().func(":", i32(0), op(CALL_INDIRECT, 0, 0)).assertInvalid("unknown table 0");
        module().table(ValType.FUNCREF).func(":", i32(0), op(CALL_INDIRECT, 1, 0)).assertInvalid("unknown type 1");
        module().table(ValType.FUNCREF).func(":", i32(0), op(CALL_INDIRECT, 0xFFFFFFFF, 0))
                .assertInvalid("unknown type 4294967295");
        module().table(ValType.EXTERNREF).func(":", i32(0), op(CALL_INDIRECT, 0, 0)).assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).func(":", i64(0), op(CALL_INDIRECT, 0, 0)).assertInvalid("type mismatch");
    }

    @Test
    void untypedSelectTakesTwoEqualNumericOperands() {
        module().func(":F", f64(1), f64(2), i32(0), op(SELECT)).assertValid();
        module().func(":", i32(1), i64(2), i32(0), op(SELECT), op(DROP)).assertInvalid("type mismatch");
        module().func(":", i32(1), i32(2), i64(0), op(SELECT), op(DROP)).assertInvalid("type mismatch");
        module().func(":", refNull(ValType.FUNCREF), refNull(ValType.FUNCREF), i32(0), op(SELECT), op(DROP))
                .assertInvalid("type mismatch");
    }

    @Test
    void typedSelectChoosesBetweenReferencesAndHasOneResult() {
        module().func(":e", refNull(ValType.EXTERNREF), refNull(ValType.EXTERNREF), i32(0),
                select(ValType.EXTERNREF)).assertValid();
        module().func(":", op(NOP), op(NOP), i32(1), select()).assertInvalid("invalid result arity");
        module().func(":ii", i32(0), i32(0), i32(0), i32(0), i32(1), select(ValType.I32, ValType.I32))
                .assertInvalid("invalid result arity");
        module().func(":i", i64(0), i64(0), i32(1), select(ValType.I32)).assertInvalid("type mismatch");
    }

    @Test
    void memoryAccessNeedsAMemory() {
        module().func(":f", i32(0), memory(F32_LOAD, 2)).assertInvalid("unknown memory 0");
        module().func(":", i32(0), i32(0), memory(I32_STORE8, 0)).assertInvalid("unknown memory 0");
        module().func(":i", op(MEMORY_SIZE, 0)).assertInvalid("unknown memory 0");
        module().func(":i", i32(1), op(MEMORY_GROW, 0)).assertInvalid("unknown memory 0");
        module().memory().func(":i", i32(1), op(MEMORY_GROW, 0), op(MEMORY_SIZE, 0), op(I32_ADD)).assertValid();
    }

    @Test
    void alignmentMayNotExceedTheAccessWidth() {
        module().memory().func(":I", i32(0), memory(I64_LOAD, 3)).assertValid();
        module().memory().func(":I", i32(0), memory(I64_LOAD, 4))
                .assertInvalid("alignment must not be larger than natural");
        module().memory().func(":i", i32(0), memory(I32_LOAD8_S, 1))
                .assertInvalid("alignment must not be larger than natural");
        module().memory().func(":i", i32(0), memory(I32_LOAD16_U, 2))
                .assertInvalid("alignment must not be larger than natural");
        module().memory().func(":I", i32(0), memory(I64_LOAD32_U, 3))
                .assertInvalid("alignment must not be larger than natural");
        module().memory().func(":", i32(0), i64(0), memory(I64_STORE32, 3))
                .assertInvalid("alignment must not be larger than natural");
        module().memory().func(":", i32(0), f64(0), memory(F64_STORE, 3)).assertValid();
    }

    @Test
    void storeOperandsAreAddressThenValue() {
        module().memory().func(":", i32(0), f32(0), memory(F32_STORE, 2)).assertValid();
        module().memory().func(":", f32(0), i32(0), memory(F32_STORE, 2)).assertInvalid("type mismatch");
    }

    @Test
    void bulkMemoryInstructionsCheckMemoryAndDataSegment() {
        module().func(":", i32(0), i32(0), i32(0), op(MEMORY_COPY, 0, 0)).assertInvalid("unknown memory 0");
        module().func(":", i32(0), i32(0), i32(0), op(MEMORY_FILL, 0)).assertInvalid("unknown memory 0");
        module().func(":", i32(0), i32(0), i32(0), op(MEMORY_INIT, 1, 0)).assertInvalid("unknown memory 0");
        module().memory().passiveData().func(":", i32(0), i32(0), i32(0), op(MEMORY_INIT, 1, 0))
                .assertInvalid("unknown data segment 1");
        module().func(":", op(DATA_DROP, 0)).assertInvalid("unknown data segment");
        module().memory().passiveData().func(":", i32(0), i32(0), i32(0), op(MEMORY_INIT, 0, 0),
                op(DATA_DROP, 0), i32(0), i32(0), i32(0), op(MEMORY_COPY, 0, 0),
                i32(0), i32(0), i32(0), op(MEMORY_FILL, 0)).assertValid();
        module().memory().func(":", i32(0), i32(0), i64(0), op(MEMORY_FILL, 0)).assertInvalid("type mismatch");
    }

    @Test
    void tableAccessUsesTheTablesElementType() {
        module().table(ValType.FUNCREF).table(ValType.EXTERNREF).func(":e", i32(0), op(TABLE_GET, 1)).assertValid();
        module().table(ValType.EXTERNREF).func(":r", i32(0), op(TABLE_GET, 0)).assertInvalid("type mismatch");
        module().func(":", i32(0), op(TABLE_GET, 0), op(DROP)).assertInvalid("unknown table 0");
        module().table(ValType.EXTERNREF).func(":", i32(0), refNull(ValType.EXTERNREF), op(TABLE_SET, 0))
                .assertValid();
        module().table(ValType.EXTERNREF).func(":", i32(0), refNull(ValType.FUNCREF), op(TABLE_SET, 0))
                .assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).func(":i", refNull(ValType.FUNCREF), i32(1), op(TABLE_GROW, 0)).assertValid();
        module().table(ValType.FUNCREF).func(":i", i32(1), refNull(ValType.FUNCREF), op(TABLE_GROW, 0))
                .assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).func(":", i32(0), refNull(ValType.FUNCREF), i32(1), op(TABLE_FILL, 0))
                .assertValid();
        module().table(ValType.FUNCREF).func(":", i32(0), refNull(ValType.EXTERNREF), i32(1), op(TABLE_FILL, 0))
                .assertInvalid("type mismatch");
        module().func(":i", op(TABLE_SIZE, 0)).assertInvalid("unknown table 0");
        module().table(ValType.FUNCREF).func(":i", op(TABLE_SIZE, 0)).assertValid();
    }

    @Test
    void tableInitAndCopyNeedMatchingElementTypes() {
        module().func(":", i32(0), i32(0), i32(0), op(TABLE_INIT, 4, 0)).assertInvalid("unknown table 0");
        module().table(ValType.FUNCREF).func(":", i32(0), i32(0), i32(0), op(TABLE_INIT, 4, 0))
                .assertInvalid("unknown elem segment 4");
        module().func(":", op(ELEM_DROP, 0)).assertInvalid("unknown elem segment 0");
        module().func(":").table(ValType.EXTERNREF).passiveElem(ValType.FUNCREF, op(REF_FUNC, 0))
                .func(":", i32(0), i32(0), i32(0), op(TABLE_INIT, 0, 0)).assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).table(ValType.EXTERNREF)
                .func(":", i32(0), i32(0), i32(0), op(TABLE_COPY, 0, 1)).assertInvalid("type mismatch");
        module().func(":").table(ValType.FUNCREF).table(ValType.FUNCREF).passiveElem(ValType.FUNCREF, op(REF_FUNC, 0))
                .func(":", i32(0), i32(0), i32(0), op(TABLE_INIT, 0, 1), op(ELEM_DROP, 0),
                        i32(0), i32(0), i32(0), op(TABLE_COPY, 1, 0)).assertValid();
        module().table(ValType.FUNCREF).passiveElem(ValType.FUNCREF)
                .func(":", i32(0), i32(0), f32(0), op(TABLE_INIT, 0, 0)).assertInvalid("type mismatch");
    }

    @Test
    void referenceInstructions() {
        module().func(":i", refNull(ValType.EXTERNREF), op(REF_IS_NULL)).assertValid();
        module().func(":i", i32(0), op(REF_IS_NULL)).assertInvalid("type mismatch");
        module().func(":i", op(REF_IS_NULL)).assertInvalid("type mismatch");
    }

    @Test
    void refFuncNeedsTheFunctionDeclaredOutsideFunctionBodies() {
        module().func(":r", op(REF_FUNC, 0)).assertInvalid("undeclared function reference");
        module().func(":").start(0).func(":r", op(REF_FUNC, 0)).assertInvalid("undeclared function reference");
        module().func(":r", op(REF_FUNC, 5)).assertInvalid("unknown function 5");
        module().func(":r", op(REF_FUNC, 0)).export("f", ExternKind.FUNC, 0).assertValid();
        module().func(":r", op(REF_FUNC, 0)).declarativeElem(ValType.FUNCREF, op(REF_FUNC, 0)).assertValid();
        module().func(":r", op(REF_FUNC, 0)).global(ValType.FUNCREF, false, op(REF_FUNC, 0)).assertValid();
        module().table(ValType.FUNCREF).func(":r", op(REF_FUNC, 0))
                .activeElem(0, ValType.FUNCREF, i32(0), op(REF_FUNC, 0)).assertValid();
    }

    @Test
    void dropNeedsAnOperand() {
        module().func(":", op(DROP)).assertInvalid("type mismatch");
        module().func(":", refNull(ValType.FUNCREF), op(Opcode.DROP)).assertValid();
    }
}
