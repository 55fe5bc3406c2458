package dev.jwdb.robustness;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.Wat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input that once found a bug (robustness/corpus), loaded the way the shell loads a file: parsed or decoded,
 * validated, disassembled, instantiated and run under small limits. Only documented exceptions, within the bound.
 */
class CorpusRegressionTest {
    @Test
    void committedCorpusLoadsOrFailsCleanly() {
        List<FuzzCorpus.Input> inputs = FuzzCorpus.committed();
        assertTrue(inputs.size() >= 8, inputs.size() + " corpus files");
        try (Contract contract = new Contract()) {
            for (FuzzCorpus.Input input : inputs) {
                contract.check("corpus/" + input.name(), () -> load(input));
            }
        }
    }

    static void load(FuzzCorpus.Input input) {
        Module m = input.isText()
                ? Wat.parseModule(new String(input.bytes(), StandardCharsets.UTF_8), input.name())
                : BinaryDecoder.decode(input.bytes());
        Validator.validate(m);
        Disassembler.module(m);
        if (!input.isText()) {
            PipelineFuzzTest.run(input.bytes(), new Random(1), new FuelledPair.Counts());
        }
    }
}
