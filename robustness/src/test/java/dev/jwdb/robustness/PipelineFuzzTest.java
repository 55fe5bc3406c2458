package dev.jwdb.robustness;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.SpecTestHost;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.valid.Validator;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec and benchmark modules, half of them mutated, through decode, validate, instantiate (with the spectest
 * imports) and calls of their exports with random arguments, under small limits: 64 frames of call depth and 4
 * pages of memory. Only the documented exceptions may come out, each input within the time bound.
 *
 * <p>Without fuel only functions that surely finish are called ({@link Termination}).
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=PipelineFuzzTest -Djwdb.fuzz.iterations=200000}.
 */
class PipelineFuzzTest {
    static final StoreLimits SMALL = new StoreLimits(64, 4);
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void modulesRunUnderSmallLimitsFailOnlyInDocumentedWays() {
        List<byte[]> seeds = SpecInputs.binarySeeds();
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(1_500);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger instantiated = new AtomicInteger();
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n; i++) {
                long seed = base + i;
                Random random = new Random(seed);
                byte[] seedModule = seeds.get(random.nextInt(seeds.size()));
                byte[] input = random.nextBoolean() ? seedModule
                        : new BinaryMutator(random).mutate(seedModule, seeds.get(random.nextInt(seeds.size())));
                contract.check(Fuzzing.replay("PipelineFuzzTest", seed), () -> {
                    if (run(input, random, calls)) {
                        instantiated.incrementAndGet();
                    }
                });
            }
        }
        System.out.printf("PipelineFuzzTest: %d inputs, %d instantiated, %d calls%n", n, instantiated.get(),
                calls.get());
        assertTrue(n < 100 || instantiated.get() > n / 4 && calls.get() > n, instantiated + " instantiated, "
                + calls + " calls");
    }

    /** Whether the module got as far as instantiation; traps and exhaustion of single calls are expected. */
    static boolean run(byte[] input, Random random, AtomicInteger calls) {
        Module module = BinaryDecoder.decode(input);
        Validator.validate(module);
        Termination termination = new Termination(module);
        if (module.start() >= 0 && !termination.bounded(module.start())) {
            return false;
        }
        Store store = new Store(SMALL);
        Instance instance = store.instantiate(module, SpecTestHost.create(store, DISCARD));
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC || !termination.bounded(e.index())) {
                continue;
            }
            FunctionInstance f = (FunctionInstance) instance.export(e.name());
            for (int k = 0; k < 2; k++) {
                calls.incrementAndGet();
                try {
                    store.invoke(f, RandomValues.arguments(f.type().params(), random));
                } catch (TrapException | ExhaustionException expected) {
                    // A trap ends this call only; the instance stays usable, as in the shell.
                }
            }
        }
        return true;
    }
}
