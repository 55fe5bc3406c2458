package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.model.Opcode.*;
import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.at;
import static dev.jwdb.engine.valid.Code.atLine;
import static dev.jwdb.engine.valid.Code.f64;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users see where the module is invalid: the function, its name, and the instruction's place in the source. */
class ErrorLocationTest {
    @Test
    void binaryModuleErrorNamesFunctionIndexAndByteOffset() {
        String message = module().importFunc(":").func(":").func(":i", at(f64(1), 0x28), at(op(I32_EQZ), 0x31))
                .assertInvalid("type mismatch");
        assertEquals("type mismatch: expected i32 but got f64 at func 2 offset 0x31", message);
    }

    @Test
    void functionNameFromTheNameSectionIsShown() {
        String message = module().func(":", at(op(LOCAL_GET, 4), 0x10), op(DROP)).name(0, "fac")
                .assertInvalid("unknown local 4");
        assertEquals("unknown local 4 at func 0 ($fac) offset 0x10", message);
    }

    @Test
    void textModuleErrorGivesLineAndColumn() {
        String message = module().func(":", atLine(op(CALL, 9), 12, 5)).name(0, "$main")
                .assertInvalid("unknown function 9");
        assertEquals("unknown function 9 at func 0 ($main) line 12:5", message);
    }

    @Test
    void instructionWithoutSourcePositionIsNumberedWithinTheBody() {
        String message = module().func(":", op(NOP), op(NOP), op(BR, 3)).assertInvalid("unknown label 3");
        assertTrue(message.endsWith("at func 0 instruction 2"), message);
    }

    @Test
    void missingResultAtTheEndPointsAtTheEnd() {
        String message = module().func(":i", at(op(NOP), 3), at(op(END), 4)).assertInvalid("type mismatch");
        assertTrue(message.endsWith("offset 0x4"), message);
    }

    @Test
    void moduleLevelErrorsNameTheirEntity() {
        assertTrue(module().table(ValType.FUNCREF, 2, 1).assertInvalid("size minimum").endsWith("at table 0"));
        assertTrue(module().func(":").func(":").export("x", ExternKind.FUNC, 0).export("x", ExternKind.FUNC, 1)
                .assertInvalid("duplicate export name").endsWith("at export \"x\""));
        assertTrue(module().memory().activeDataAt(0, at(op(NOP), 0x40))
                .assertInvalid("constant expression required").endsWith("at data 0 offset expression, offset 0x40"));
        assertTrue(module().func(":i", i32(0)).start(0).assertInvalid("start function").endsWith("at start"));
    }
}
