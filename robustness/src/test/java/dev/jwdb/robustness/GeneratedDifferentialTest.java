package dev.jwdb.robustness;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.Wat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Generated valid modules ({@link ValidModuleGenerator}), loops included, run in jwdb with and without fuel and in
 * Chicory 1.7.5 ({@link Differential}): results, traps and memory must agree after every call that finished within
 * the fuel. Most calls must finish, and many of those must be of functions with loops, or the test has quietly
 * stopped testing loops.
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=GeneratedDifferentialTest -Djwdb.fuzz.iterations=50000}.
 */
class GeneratedDifferentialTest {
    @Test
    void jwdbAndChicoryAgreeOnGeneratedModules() {
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(200);
        List<String> problems = new ArrayList<>();
        FuelledPair.Counts total = new FuelledPair.Counts();
        long start = System.nanoTime();
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n && problems.size() < 20; i++) {
                long seed = base + i;
                Random random = new Random(seed);
                String text = new ValidModuleGenerator(random).module(1 + random.nextInt(5));
                String replay = Fuzzing.replay("GeneratedDifferentialTest", seed);
                FuelledPair.Counts counts = new FuelledPair.Counts();
                Throwable refused = contract.check(replay + "\n" + text, () -> {
                    // The generator promises validity: a module it writes that jwdb rejects is a bug on either side.
                    Module module = Wat.parseModule(text, "generated.wat");
                    Validator.validate(module);
                    for (String p : Differential.compare("generated", module, BinaryEncoder.encode(module), 4,
                            random, true, counts)) {
                        problems.add(replay + ": " + p + "\n" + text);
                    }
                });
                if (refused != null) {
                    problems.add(replay + ": the generated module was refused: " + refused + "\n" + text);
                }
                total.add(counts);
            }
        }
        System.out.printf("GeneratedDifferentialTest: %d modules, %s; %.1f s%n", n, total,
                (System.nanoTime() - start) / 1e9);
        assertEquals(List.of(), problems);
        if (n >= 50) {
            assertNull(total.tooFew(0.5, 0.3));
        }
    }
}
