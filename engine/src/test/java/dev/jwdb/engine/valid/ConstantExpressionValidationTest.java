package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.f32;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.i64;
import static dev.jwdb.engine.valid.Code.op;
import static dev.jwdb.engine.valid.Code.refNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstantExpressionValidationTest {
    @Test
    void globalsAcceptConstantsNullsFunctionReferencesAndImmutableImports() {
        module().func(":")
                .importGlobal(ValType.I64, false)
                .global(ValType.I32, false, i32(1))
                .global(ValType.F32, true, f32(1.5f))
                .global(ValType.EXTERNREF, false, refNull(ValType.EXTERNREF))
                .global(ValType.FUNCREF, false, op(Opcode.REF_FUNC, 0))
                .global(ValType.I64, false, op(Opcode.GLOBAL_GET, 0))
                .assertValid();
    }

    @Test
    void arithmeticIsNotConstant() {
        module().global(ValType.F32, false, f32(0), op(Opcode.F32_NEG)).assertInvalid("constant expression required");
        module().global(ValType.I32, false, i32(0), op(Opcode.I32_CTZ)).assertInvalid("constant expression required");
    }

    @Test
    void nonConstantInstructionIsReportedBeforeTheTypeError() {
        module().global(ValType.I32, false, i32(0), op(Opcode.NOP)).assertInvalid("constant expression required");
        module().global(ValType.I32, false, op(Opcode.NOP)).assertInvalid("constant expression required");
        module().global(ValType.F32, false, op(Opcode.LOCAL_GET, 0)).assertInvalid("constant expression required");
    }

    @Test
    void initializerMustProduceExactlyOneValueOfTheGlobalsType() {
        module().global(ValType.I32, false, f32(0)).assertInvalid("type mismatch");
        module().global(ValType.I32, false, i32(0), i32(0)).assertInvalid("type mismatch");
        module().global(ValType.I32, false).assertInvalid("type mismatch");
        module().importGlobal(ValType.EXTERNREF, false).global(ValType.FUNCREF, false, op(Opcode.GLOBAL_GET, 0))
                .assertInvalid("type mismatch");
    }

    @Test
    void moduleDefinedGlobalsAreUnknownInConstantExpressions() {
        module().global(ValType.I32, false, op(Opcode.GLOBAL_GET, 0)).assertInvalid("unknown global 0");
        module().global(ValType.I32, false, i32(0)).global(ValType.I32, false, op(Opcode.GLOBAL_GET, 0))
                .assertInvalid("unknown global 0");
        module().importGlobal(ValType.I32, false).global(ValType.I32, false, op(Opcode.GLOBAL_GET, 1))
                .assertInvalid("unknown global 1");
    }

    @Test
    void mutableImportedGlobalIsNotConstant() {
        module().importGlobal(ValType.I32, true).global(ValType.I32, false, op(Opcode.GLOBAL_GET, 0))
                .assertInvalid("constant expression required");
    }

    @Test
    void functionReferenceMustNameAnExistingFunction() {
        module().importFunc("i:i").importFunc("i:i").global(ValType.FUNCREF, false, op(Opcode.REF_FUNC, 7))
                .assertInvalid("unknown function 7");
    }

    @Test
    void activeElementSegmentNeedsATableOfItsTypeAndAnI32Offset() {
        module().func(":").activeElem(0, ValType.FUNCREF, i32(0), op(Opcode.REF_FUNC, 0))
                .assertInvalid("unknown table 0");
        module().func(":").table(ValType.EXTERNREF).activeElem(0, ValType.FUNCREF, i32(0), op(Opcode.REF_FUNC, 0))
                .assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, i64(0)).assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, refNull(ValType.FUNCREF))
                .assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, op(Opcode.NOP))
                .assertInvalid("constant expression required");
        module().func(":").table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, i32(0), op(Opcode.REF_FUNC, 0))
                .assertValid();
    }

    @Test
    void elementOffsetMayReadOnlyImmutableImportedGlobals() {
        module().table(ValType.FUNCREF).global(ValType.I32, false, i32(0))
                .activeElem(0, ValType.FUNCREF, op(Opcode.GLOBAL_GET, 0)).assertInvalid("unknown global 0");
        module().importGlobal(ValType.I32, true).table(ValType.FUNCREF)
                .activeElem(0, ValType.FUNCREF, op(Opcode.GLOBAL_GET, 0)).assertInvalid("constant expression required");
        module().importGlobal(ValType.I32, false).table(ValType.FUNCREF)
                .activeElem(0, ValType.FUNCREF, op(Opcode.GLOBAL_GET, 0)).assertValid();
    }

    @Test
    void elementItemsMustBeConstantsOfTheSegmentType() {
        module().table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, i32(0), refNull(ValType.EXTERNREF))
                .assertInvalid("type mismatch");
        module().table(ValType.FUNCREF).activeElem(0, ValType.FUNCREF, i32(0), i32(0))
                .assertInvalid("type mismatch");
        module().passiveElem(ValType.FUNCREF, op(Opcode.REF_FUNC, 3)).assertInvalid("unknown function 3");
        module().func(":r", refNull(ValType.FUNCREF))
                .elemWithItems(ValType.FUNCREF, new ElementSegment.Passive(), List.of(List.of(op(Opcode.CALL, 0))))
                .assertInvalid("constant expression required");
        module().elemWithItems(ValType.FUNCREF, new ElementSegment.Passive(),
                        List.of(List.of(refNull(ValType.FUNCREF), refNull(ValType.FUNCREF))))
                .assertInvalid("type mismatch");
    }

    @Test
    void passiveAndDeclarativeSegmentsNeedNoTable() {
        module().func(":").passiveElem(ValType.FUNCREF, op(Opcode.REF_FUNC, 0))
                .declarativeElem(ValType.FUNCREF, op(Opcode.REF_FUNC, 0))
                .passiveElem(ValType.EXTERNREF, refNull(ValType.EXTERNREF)).assertValid();
    }

    @Test
    void activeDataSegmentNeedsAMemoryAndAnI32Offset() {
        module().activeDataAt(0, i32(0)).assertInvalid("unknown memory 0");
        module().memory().activeDataAt(0, i64(0)).assertInvalid("type mismatch");
        module().memory().activeDataAt(0, i32(0), i32(0)).assertInvalid("type mismatch");
        module().memory().activeDataAt(0).assertInvalid("type mismatch");
        module().memory().activeDataAt(0, op(Opcode.GLOBAL_GET, 0)).assertInvalid("unknown global 0");
        module().memory().activeDataAt(0, i32(0), op(Opcode.I32_ADD)).assertInvalid("constant expression required");
        module().importGlobal(ValType.I32, false).memory().activeDataAt(0, op(Opcode.GLOBAL_GET, 0)).assertValid();
        module().passiveData().assertValid();
    }

    @Test
    void errorNamesTheGlobalThatFailed() {
        String message = module().importGlobal(ValType.I32, false).global(ValType.I32, false, i32(0))
                .global(ValType.I32, false, f32(0)).assertInvalid("type mismatch");
        assertTrue(message.contains("global 2"), message);
    }

    @Test
    void exportedFunctionCanBeExportedTwiceUnderDifferentNames() {
        module().func(":").export("a", ExternKind.FUNC, 0).export("b", ExternKind.FUNC, 0).assertValid();
    }
}
