package dev.jwdb.robustness;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.Wat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token-mutated spec modules through the text parser, and whatever parses on through the encoder, the decoder and
 * the validator: only WatSyntaxException, MalformedException or InvalidException may come out, each input within
 * the time bound. Scripts are fuzzed too, since {@code jwdb wast} reads them.
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=TextFuzzTest -Djwdb.fuzz.iterations=1000000}.
 */
class TextFuzzTest {
    @Test
    void mutatedTextIsRejectedCleanlyOrAccepted() {
        List<String> seeds = SpecInputs.moduleTexts();
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(1_000);
        int parsed = 0;
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n; i++) {
                long seed = base + i;
                Random random = new Random(seed);
                String input = new TextMutator(random).mutate(seeds.get(random.nextInt(seeds.size())));
                boolean asScript = random.nextInt(5) == 0;
                Throwable e = contract.check(Fuzzing.replay("TextFuzzTest", seed), () -> {
                    if (asScript) {
                        Wat.parseScript(input, "fuzz.wast");
                        return;
                    }
                    Module m = Wat.parseModule(input, "fuzz.wat");
                    Module back = BinaryDecoder.decode(BinaryEncoder.encode(m));
                    Validator.validate(back);
                });
                parsed += e == null ? 1 : 0;
            }
        }
        System.out.printf("TextFuzzTest: %d inputs, %d parsed and valid%n", n, parsed);
        assertTrue(n < 100 || parsed > n / 100 && parsed < n * 9 / 10, parsed + " of " + n + " parsed");
    }
}
