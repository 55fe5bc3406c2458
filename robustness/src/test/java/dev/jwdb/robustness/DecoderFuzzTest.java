package dev.jwdb.robustness;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.valid.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated spec and benchmark binaries through decode, validate and disassemble: only MalformedException or
 * InvalidException may come out, and each input is answered within the time bound.
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=DecoderFuzzTest -Djwdb.fuzz.iterations=1000000}.
 */
class DecoderFuzzTest {
    @Test
    void mutatedModulesAreRejectedCleanlyOrAccepted() {
        List<byte[]> seeds = SpecInputs.binarySeeds();
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(4_000);
        int decoded = 0;
        int rejected = 0;
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n; i++) {
                long seed = base + i;
                Random random = new Random(seed);
                byte[] input = new BinaryMutator(random).mutate(seeds.get(random.nextInt(seeds.size())),
                        seeds.get(random.nextInt(seeds.size())));
                Throwable e = contract.check(Fuzzing.replay("DecoderFuzzTest", seed), () -> {
                    Module m = BinaryDecoder.decode(input);
                    Validator.validate(m);
                    Disassembler.module(m);
                });
                if (e == null) {
                    decoded++;
                } else {
                    rejected++;
                }
            }
        }
        System.out.printf("DecoderFuzzTest: %d inputs, %d valid, %d rejected%n", n, decoded, rejected);
        // A mutator that never got past the header, or never broke anything, would be testing nothing.
        assertTrue(n < 100 || decoded > n / 50 && rejected > n / 2, decoded + " valid, " + rejected + " rejected");
    }
}
