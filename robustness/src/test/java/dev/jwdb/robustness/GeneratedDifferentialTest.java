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

/**
 * Generated valid modules ({@link ValidModuleGenerator}) run in jwdb and in Chicory 1.7.5: results, traps and
 * memory must agree after every call.
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=GeneratedDifferentialTest -Djwdb.fuzz.iterations=50000}.
 */
class GeneratedDifferentialTest {
    @Test
    void jwdbAndChicoryAgreeOnGeneratedModules() {
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(100);
        List<String> problems = new ArrayList<>();
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n && problems.size() < 20; i++) {
                long seed = base + i;
                String replay = Fuzzing.replay("GeneratedDifferentialTest", seed);
                contract.check(replay, () -> {
                    Random random = new Random(seed);
                    String text = new ValidModuleGenerator(random).module(1 + random.nextInt(5));
                    // The generator promises validity: a module it writes that jwdb rejects is a bug on either side.
                    Module module = Wat.parseModule(text, "generated.wat");
                    Validator.validate(module);
                    for (String p : Differential.compare("generated", module, BinaryEncoder.encode(module), 4,
                            random)) {
                        problems.add(replay + ": " + p + "\n" + text);
                    }
                });
            }
        }
        System.out.printf("GeneratedDifferentialTest: %d modules%n", n);
        assertEquals(List.of(), problems);
    }
}
