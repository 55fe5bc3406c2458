package dev.jwdb.robustness;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.SpecTestHost;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.valid.Validator;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spec and benchmark modules, half of them mutated, through decode, validate, instantiate (with the spectest
 * imports) and calls of their exports with random arguments, under small limits: 64 frames of call depth and 4
 * pages of memory. Only the documented exceptions may come out, each input within the time bound.
 *
 * <p>Every export is called, loops and recursion included: first with fuel ({@link FuelledPair}), and when that
 * call finished, again in a store without fuel, which runs the fused code jwdb runs by default. Most calls must
 * finish within the fuel, and some of those must be of functions with loops.
 *
 * <p>Long run: {@code mvn -B -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=PipelineFuzzTest -Djwdb.fuzz.iterations=200000}.
 */
class PipelineFuzzTest {
    /**
     * The limits of both stores, and the fuel of the fuelled one. Fuel bounds instructions, not their work: a
     * memory.fill of all 4 pages is one, so the fuel is kept small enough that the worst case stays far within
     * the time bound.
     */
    static final StoreLimits SMALL = new StoreLimits(64, 4).withFuel(10_000);
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void modulesRunUnderSmallLimitsFailOnlyInDocumentedWays() {
        List<byte[]> seeds = SpecInputs.binarySeeds();
        long base = Fuzzing.seed();
        int n = Fuzzing.iterations(1_500);
        FuelledPair.Counts total = new FuelledPair.Counts();
        int instantiated = 0;
        long start = System.nanoTime();
        try (Contract contract = new Contract()) {
            for (int i = 0; i < n; i++) {
                long seed = base + i;
                Random random = new Random(seed);
                byte[] seedModule = seeds.get(random.nextInt(seeds.size()));
                byte[] input = random.nextBoolean() ? seedModule
                        : new BinaryMutator(random).mutate(seedModule, seeds.get(random.nextInt(seeds.size())));
                FuelledPair.Counts counts = new FuelledPair.Counts();
                boolean[] ran = new boolean[1];
                contract.check(Fuzzing.replay("PipelineFuzzTest", seed), () -> ran[0] = run(input, random, counts));
                total.add(counts);
                instantiated += ran[0] ? 1 : 0;
            }
        }
        System.out.printf("PipelineFuzzTest: %d inputs, %d instantiated, %s; %.1f s%n", n, instantiated, total,
                (System.nanoTime() - start) / 1e9);
        assertTrue(n < 100 || instantiated > n / 4 && total.calls > n, instantiated + " instantiated, " + total);
        if (n >= 100) {
            assertNull(total.tooFew(0.5, 0.02));
        }
    }

    /** Whether the module got as far as instantiation; traps and exhaustion of single calls are expected. */
    static boolean run(byte[] input, Random random, FuelledPair.Counts counts) {
        Module module = BinaryDecoder.decode(input);
        Validator.validate(module);
        FuelledPair pair = new FuelledPair(module, SMALL, store -> SpecTestHost.create(store, DISCARD));
        try {
            pair.instantiateFuelled();
        } catch (WasmException e) {
            if (FuelledPair.outOfFuel(e)) {
                counts.startsOutOfFuel++;
                return false;
            }
            pair.instantiatePlain(); // what a start function did with fuel, it does without: fails the same way
            throw e;
        }
        pair.instantiatePlain();
        Termination termination = new Termination(module);
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC) {
                continue;
            }
            boolean loops = !termination.bounded(e.index());
            for (int k = 0; k < 2; k++) {
                Value[] args = RandomValues.arguments(((FunctionInstance) pair.plain().export(e.name())).type()
                        .params(), random);
                pair.refuel();
                long before = pair.fuelLeft();
                counts.calls++;
                try {
                    pair.invokeFuelled(e.name(), args);
                } catch (TrapException | ExhaustionException trapped) {
                    if (FuelledPair.outOfFuel(trapped)) {
                        counts.outOfFuel++;
                        pair.reset();
                        continue;
                    }
                }
                counts.finished(loops, before - pair.fuelLeft());
                try {
                    pair.invokePlain(e.name(), args);
                } catch (TrapException | ExhaustionException expected) {
                    // A trap ends this call only; the instance stays usable, as in the shell.
                }
            }
        }
        return true;
    }
}
