package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.jwdb.engine.testing.TestModule.module;
import static dev.jwdb.engine.valid.Code.block;
import static dev.jwdb.engine.valid.Code.brTable;
import static dev.jwdb.engine.valid.Code.i32;
import static dev.jwdb.engine.valid.Code.op;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The validator runs on every load, so its cost must grow linearly with the code: these bodies are shaped to make
 * a quadratic implementation (copying the stack, rescanning frames) take minutes instead of milliseconds.
 */
class ValidationSpeedTest {
    private static final int SIZE = 400_000;

    @Test
    void deepOperandStackIsValidatedInLinearTime() {
        List<Instruction> body = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            body.add(i32(i));
        }
        for (int i = 1; i < SIZE; i++) {
            body.add(op(Opcode.I32_ADD));
        }
        assertValidQuickly(module().func(":i", body.toArray(Instruction[]::new)).build());
    }

    @Test
    void deeplyNestedBlocksAreValidatedInLinearTime() {
        List<Instruction> body = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            body.add(block(Opcode.BLOCK, ValType.I32));
        }
        body.add(i32(0));
        for (int i = 0; i < SIZE; i++) {
            body.add(i32(1));
            body.add(op(Opcode.BR_IF, 0));
            body.add(op(Opcode.END));
        }
        assertValidQuickly(module().func(":i", body.toArray(Instruction[]::new)).build());
    }

    @Test
    void wideBranchTablesOverADeepStackAreValidatedInLinearTime() {
        List<Instruction> body = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            body.add(i32(i));
        }
        int[] labels = new int[1000];
        Arrays.fill(labels, 0);
        for (int i = 0; i < 1000; i++) {
            body.add(block(Opcode.BLOCK));
            body.add(i32(0));
            body.add(brTable(0, labels));
            body.add(op(Opcode.END));
        }
        for (int i = 0; i < SIZE; i++) {
            body.add(op(Opcode.DROP));
        }
        assertValidQuickly(module().func(":", body.toArray(Instruction[]::new)).build());
    }

    private static void assertValidQuickly(Module module) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Validator.validate(module));
    }
}
