package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.script.Command;
import dev.jwdb.wat.script.ModuleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the text side builds must mean what the spec means: every module a script expects to be valid passes the
 * validator, and every assert_invalid module fails it for the stated reason. A wrong index, implicit type or label
 * depth from the builder shows up here.
 */
class SpecValidationTest {
    @Test
    void textModulesValidateExactlyWhenTheScriptsSayTheyShould() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : SpecCorpusTest.scripts()) {
            for (Command command : SpecCorpusTest.parse(file).commands()) {
                if (command instanceof Command.AssertMalformed) {
                    continue;
                }
                String where = file.getFileName() + ":" + command.line();
                Module module = build(SpecCorpusTest.moduleOf(command), where);
                if (module == null) {
                    continue;
                }
                checked++;
                String expected = command instanceof Command.AssertInvalid invalid ? invalid.message() : null;
                String problem = check(module, expected);
                if (problem != null) {
                    wrong.add(where + ": " + problem);
                }
            }
        }
        assertTrue(checked > 2000, "only " + checked + " modules checked");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    private static Module build(ModuleSource source, String where) {
        if (source instanceof ModuleSource.Text text) {
            return text.build().get();
        }
        if (source instanceof ModuleSource.Quote quote) {
            return Wat.parseModule(quote.text(), where);
        }
        return null;
    }

    private static String check(Module module, String expectedFailure) {
        try {
            Validator.validate(module);
            return expectedFailure == null ? null : "valid, but expected \"" + expectedFailure + "\"";
        } catch (InvalidException e) {
            if (expectedFailure == null) {
                return "invalid: " + e.getMessage();
            }
            return e.getMessage().contains(expectedFailure) ? null
                    : "expected \"" + expectedFailure + "\", got: " + e.getMessage();
        }
    }
}
