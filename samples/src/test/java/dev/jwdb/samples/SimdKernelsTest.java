package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, acceptance 2: a C program compiled with {@code -O2 -msimd128} prints under jwdb exactly what it prints
 * under node, whose SIMD is V8's.
 */
class SimdKernelsTest {
    private static final String PROGRAM = "simd/simd-kernels.wasm";

    @Test
    void simdKernelsPrintWhatNodePrints() {
        Jwdb.Result node = NodeWasiTest.node(Jwdb.sample("node-wasi.mjs"), Jwdb.sample(PROGRAM));
        assumeTrue(node.status() != -1, "node is not installed: nothing to compare with");
        Jwdb.Result jwdb = Jwdb.run("run", Jwdb.sample(PROGRAM));
        assertEquals(0, node.status(), node.toString());
        assertTrue(node.out().contains("reversed:"), node.toString());
        assertEquals(node.out(), jwdb.out(), jwdb.toString());
        assertEquals(0, jwdb.status(), jwdb.toString());
    }

    /** The comparison is only worth something while the compiled program keeps using a wide range of v128 code. */
    @Test
    void theProgramExercisesManySimdInstructions() throws IOException {
        Set<Opcode> used = EnumSet.noneOf(Opcode.class);
        for (Function f : BinaryDecoder.decode(Files.readAllBytes(Path.of(Jwdb.sample(PROGRAM)))).functions()) {
            for (Instruction ins : f.body()) {
                if (ins.opcode().prefix() == 0xFD) {
                    used.add(ins.opcode());
                }
            }
        }
        assertTrue(used.size() >= 80, "only " + used.size() + " SIMD instructions: " + used);
    }
}
