package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.engine.testing.TestModule.module;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleStructureValidationTest {
    @Test
    void emptyModuleIsValid() {
        module().assertValid();
    }

    @Test
    void memoryLimitsUpTo65536PagesAreValid() {
        module().memory(0, 65536).assertValid();
        module().memory(65536, Limits.NO_MAX).assertValid();
    }

    @Test
    void memoryLargerThan4GiBIsInvalid() {
        module().memory(65537, Limits.NO_MAX).assertInvalid("memory size must be at most 65536 pages (4GiB)");
        module().memory(0, 4294967295L).assertInvalid("memory size must be at most 65536 pages (4GiB)");
        module().importMemory(0, 65537).assertInvalid("memory size must be at most 65536 pages (4GiB)");
    }

    @Test
    void limitsWithMinimumAboveMaximumAreInvalid() {
        module().memory(1, 0).assertInvalid("size minimum must not be greater than maximum");
        module().table(ValType.FUNCREF, 0xFFFF_FFFFL, 0).assertInvalid("size minimum must not be greater than maximum");
    }

    @Test
    void tableSizeIsBoundedBy2To32Minus1() {
        module().table(ValType.FUNCREF, 0xFFFF_FFFFL, 0xFFFF_FFFFL).assertValid();
        module().table(ValType.EXTERNREF, 0x1_0000_0000L, Limits.NO_MAX).assertInvalid("table size must be at most");
    }

    @Test
    void secondMemoryIsInvalidWhetherImportedOrDefined() {
        module().memory().memory().assertInvalid("multiple memories");
        module().importMemory(1, Limits.NO_MAX).memory().assertInvalid("multiple memories");
        module().importMemory(1, Limits.NO_MAX).importMemory(1, Limits.NO_MAX).assertInvalid("multiple memories");
    }

    @Test
    void severalTablesAreValid() {
        module().importTable(ValType.FUNCREF, 0, Limits.NO_MAX).table(ValType.FUNCREF).table(ValType.EXTERNREF)
                .assertValid();
    }

    @Test
    void functionWithMissingTypeIsUnknownType() {
        TestModule m = module();
        m.rawFunc(3, List.of(), TestModule.withEnd());
        m.assertInvalid("unknown type 3");
    }

    @Test
    void importedFunctionWithMissingTypeIsUnknownType() {
        module().importFuncOfType(0).assertInvalid("unknown type 0");
    }

    @Test
    void duplicateExportNamesAreInvalidAcrossKinds() {
        String message = module().func(":").memory()
                .export("a", ExternKind.FUNC, 0).export("a", ExternKind.MEMORY, 0)
                .assertInvalid("duplicate export name");
        assertTrue(message.contains("\"a\""), message);
    }

    @Test
    void exportsMustNameExistingEntities() {
        module().export("f", ExternKind.FUNC, 0).assertInvalid("unknown function 0");
        module().export("t", ExternKind.TABLE, 0).assertInvalid("unknown table 0");
        module().export("m", ExternKind.MEMORY, 0).assertInvalid("unknown memory 0");
        module().global(ValType.I32, false, Code.i32(0)).export("g", ExternKind.GLOBAL, 1)
                .assertInvalid("unknown global 1");
    }

    @Test
    void everyKindCanBeExported() {
        module().func(":").table(ValType.FUNCREF).memory().global(ValType.I32, true, Code.i32(0))
                .export("f", ExternKind.FUNC, 0).export("t", ExternKind.TABLE, 0)
                .export("m", ExternKind.MEMORY, 0).export("g", ExternKind.GLOBAL, 0)
                .assertValid();
    }

    @Test
    void startFunctionMustExist() {
        module().func(":").start(1).assertInvalid("unknown function 1");
    }

    @Test
    void startFunctionMustTakeAndReturnNothing() {
        module().func(":i", Code.i32(0)).start(0).assertInvalid("start function");
        module().func("i:").start(0).assertInvalid("start function");
        module().importFunc(":").start(0).assertValid();
    }
}
