package dev.jwdb.engine.binary;

import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.testing.SpecBinaryModules;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every binary module in the Wasm 2.0 spec scripts decodes, or fails with a message starting with the expected one. */
class SpecBinaryModulesTest {

    @TestFactory
    Stream<DynamicTest> specBinaryModulesDecodeOrFailWithTheSpecMessage() throws IOException {
        List<SpecBinaryModules.Case> cases = SpecBinaryModules.all();
        Assumptions.assumeFalse(cases.isEmpty(), "spec tests not found at " + SpecBinaryModules.specDir());
        assertTrue(cases.size() > 700, "expected the spec's binary modules, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.where(), () -> {
            if (c.malformed() == null) {
                assertDoesNotThrow(() -> BinaryDecoder.decode(c.bytes()));
            } else {
                MalformedException e = assertThrows(MalformedException.class, () -> BinaryDecoder.decode(c.bytes()));
                assertTrue(e.getMessage().startsWith(c.malformed()),
                        c.where() + ": expected \"" + c.malformed() + "\" but got \"" + e.getMessage() + "\"");
            }
        }));
    }
}
