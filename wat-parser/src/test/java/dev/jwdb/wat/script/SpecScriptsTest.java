package dev.jwdb.wat.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jwdb.wat.Wat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The official Wasm 2.0 spec tests, one dynamic test per script command, named {@code file.wast:line}. The files
 * come from {@code ../shared/spec/wasm-2.0} (system property {@code jwdb.spec.dir}); which of them run is decided by
 * the inventory {@code wasm-2.0.inventory}, which must list every file.
 */
class SpecScriptsTest {
    private static final String SUITE = "wasm-2.0";

    static Path specDir() {
        String dir = System.getProperty("jwdb.spec.dir", "../../shared/spec");
        Path path = Path.of(dir, SUITE).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(path), "spec tests not found at " + path + " (set -Djwdb.spec.dir)");
        return path;
    }

    /** The inventory: file (relative to the suite) → null when included, else the reason it is excluded. */
    static Map<String, String> inventory() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = SpecScriptsTest.class.getResourceAsStream("/" + SUITE + ".inventory")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "include" -> entries.put(parts[1], null);
                    case "exclude" -> {
                        assertTrue(parts.length == 3, "an exclusion needs a reason: " + line);
                        entries.put(parts[1], parts[2]);
                    }
                    default -> fail("bad inventory line: " + line);
                }
            }
        }
        return entries;
    }

    @Test
    void inventoryListsEveryFileOfTheSuite() throws IOException {
        Path dir = specDir();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(dir)) {
            onDisk = files.filter(p -> p.toString().endsWith(".wast"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = new TreeSet<>(inventory().keySet());
        Set<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(listed);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(onDisk);
        assertEquals(Set.of(), unlisted, "spec files not in the inventory");
        assertEquals(Set.of(), missing, "inventory entries with no file");
    }

    @TestFactory
    Stream<DynamicNode> wasm20() throws IOException {
        Path dir = specDir();
        List<DynamicNode> files = new ArrayList<>();
        inventory().forEach((file, exclusion) -> {
            if (exclusion == null) {
                files.add(DynamicContainer.dynamicContainer(file, dir.resolve(file).toUri(),
                        commands(dir.resolve(file), file)));
            }
        });
        return files.stream();
    }

    /** The file's commands as tests, run lazily and in order, since each depends on the ones before. */
    private static Stream<DynamicNode> commands(Path path, String name) {
        Script script;
        try {
            script = Wat.parseScript(Files.readString(path), name);
        } catch (IOException | RuntimeException e) {
            return Stream.of(DynamicTest.dynamicTest(name + ":parse", () -> fail("script does not parse: " + e)));
        }
        ScriptRunner runner = new ScriptRunner(new PrintStream(OutputStream.nullOutputStream()));
        return script.commands().stream().map(command ->
                DynamicTest.dynamicTest(name + ":" + command.line(), () -> {
                    Outcome outcome = runner.run(command);
                    if (!outcome.passed()) {
                        fail(outcome.message());
                    }
                }));
    }
}
