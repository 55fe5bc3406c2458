package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jwdb.wat.script.Command;
import dev.jwdb.wat.script.ModuleSource;
import dev.jwdb.wat.script.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The official spec scripts (outside simd/) are the text format's test corpus. */
class SpecCorpusTest {
    static Path specDir() {
        return Path.of(System.getProperty("jwdb.spec.dir", "../../shared/spec"), "wasm-2.0");
    }

    static List<Path> scripts() throws IOException {
        Path dir = specDir();
        assumeTrue(Files.isDirectory(dir), "spec tests not found at " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
    }

    static Script parse(Path file) throws IOException {
        return Wat.parseScript(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    @TestFactory
    Stream<DynamicTest> everyScriptParsesAndItsWellFormedModulesBuild() throws IOException {
        return scripts().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Script script = parse(file);
            for (Command command : script.commands()) {
                if (!(command instanceof Command.AssertMalformed)) {
                    ModuleSource source = moduleOf(command);
                    if (source instanceof ModuleSource.Text text) {
                        text.build().get();
                    } else if (source instanceof ModuleSource.Quote quote) {
                        Wat.parseModule(quote.text(), file.getFileName() + ":" + command.line());
                    }
                }
            }
        }));
    }

    @Test
    void malformedQuotedModulesAreRejectedWithTheSpecsMessage() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : scripts()) {
            for (Command command : parse(file).commands()) {
                if (command instanceof Command.AssertMalformed m && m.module() instanceof ModuleSource.Quote q) {
                    checked++;
                    String where = file.getFileName() + ":" + m.line();
                    String outcome;
                    try {
                        Wat.parseModule(q.text(), where);
                        outcome = "accepted";
                    } catch (WatSyntaxException e) {
                        outcome = e.reason().startsWith(m.message()) ? null : "rejected with: " + e.reason();
                    }
                    if (outcome != null) {
                        wrong.add(where + " expected \"" + m.message() + "\", " + outcome);
                    }
                }
            }
        }
        assertTrue(checked > 500, "only " + checked + " malformed quotes found");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    static ModuleSource moduleOf(Command command) {
        if (command instanceof Command.ModuleCommand c) {
            return c.source();
        } else if (command instanceof Command.AssertTrap t) {
            return t.module();
        } else if (command instanceof Command.AssertInvalid i) {
            return i.module();
        } else if (command instanceof Command.AssertUnlinkable u) {
            return u.module();
        } else if (command instanceof Command.AssertUninstantiable u) {
            return u.module();
        } else if (command instanceof Command.AssertMalformed m) {
            return m.module();
        }
        return null;
    }
}
