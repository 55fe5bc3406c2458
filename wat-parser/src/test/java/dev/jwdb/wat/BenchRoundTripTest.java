package dev.jwdb.wat;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Real clang output survives decode, encode and decode again, with its custom sections. The benchmark builds are
 * stripped of names, so names are added to exercise the name section on modules of realistic size.
 */
class BenchRoundTripTest {

    @TestFactory
    Stream<DynamicTest> clangModulesRoundTrip() throws IOException {
        Path bench = Path.of(System.getProperty("jwdb.spec.dir", "../../shared/spec")).resolveSibling("bench");
        Assumptions.assumeTrue(Files.isDirectory(bench), "no benchmark modules at " + bench);
        List<Path> files;
        try (Stream<Path> list = Files.list(bench)) {
            files = list.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        Assumptions.assumeFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Module first = withFunctionNames(BinaryDecoder.decode(Files.readAllBytes(f)));
            byte[] encoded = BinaryEncoder.encode(first);
            Module second = BinaryDecoder.decode(encoded);

            assertFalse(first.customSections().isEmpty(), "clang output has a producers section");
            assertEquals(first.functions().size(), second.functions().size());
            assertEquals(first.names(), second.names());
            assertEquals(names(first.customSections()), names(second.customSections()));
            assertEquals(ModelShape.of(first), ModelShape.of(second));
            assertArrayEquals(encoded, BinaryEncoder.encode(second));
        }));
    }

    private static Module withFunctionNames(Module m) {
        Map<Integer, String> functions = new HashMap<>();
        Map<Integer, Map<Integer, String>> locals = new HashMap<>();
        int imported = m.importedFunctionCount();
        for (int i = 0; i < m.functions().size(); i++) {
            functions.put(imported + i, "f" + i);
            if (!m.functions().get(i).locals().isEmpty()) {
                locals.put(imported + i, Map.of(0, "first"));
            }
        }
        Names names = new Names("bench", functions, locals, Map.of(0, "__stack_pointer"));
        return new Module(m.types(), m.imports(), m.functions(), m.tables(), m.memories(), m.globals(), m.exports(),
                m.start(), m.elements(), m.data(), m.dataCount(), m.customSections(), names);
    }

    private static List<String> names(List<CustomSection> sections) {
        return sections.stream().map(CustomSection::name).toList();
    }
}
