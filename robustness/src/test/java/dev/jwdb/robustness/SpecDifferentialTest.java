package dev.jwdb.robustness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The spec suite's modules (Wasm 2.0, SIMD excluded; those without imports, since Chicory would need its own
 * spectest host) run in jwdb (with fuel, then without) and in Chicory 1.7.5 ({@link Differential}), every export
 * called with random arguments, loops and recursion included: results, traps and memory must agree after every
 * call that finished within the fuel. Where they do not, the spec's own assertions decide; known Chicory deviations
 * are recognized by {@link #chicoryWrong} and listed with the spec reference.
 *
 * <p>Long run: {@code -Djwdb.fuzz.iterations=30} calls per export instead of 1.
 */
class SpecDifferentialTest {
    /** A disagreement where Chicory is wrong: which module, what the two engines said, and why jwdb is right. */
    private record ChicoryWrong(String module, String disagreement, String reference) {
        boolean matches(String problem) {
            return problem.startsWith(module) && problem.contains(disagreement);
        }
    }

    private static final List<ChicoryWrong> CHICORY_WRONG = List.of(
            // f32.convert_i64_u of values of 2^63 and above: Chicory rounds twice (see ChicoryDisagreementsTest).
            new ChicoryWrong("conversions.wast:1: f32.convert_i64_u[", ", chicory [f32:",
                    "spec §4.3.2 convert_u, round to nearest; conversions.wast line 522"),
            new ChicoryWrong("float_exprs.wast:742: f32.i64.no_fold_trunc_s_convert_u[", ", chicory [f32:",
                    "the same f32.convert_i64_u rounding"),
            // table.grow by 2^31-1 (table_size.wast, table_grow.wast): Chicory allocates a table that large and
            // throws NegativeArraySizeException instead of returning -1 (its only array allocation a call reaches).
            new ChicoryWrong("", "chicory trap \"chicory crashed: NegativeArraySizeException\"",
                    "spec §4.4.6 table.grow: either grows or fails, returning -1; it never traps"));

    /**
     * Chicory takes the offsets and lengths of the bulk memory and table instructions (memory.fill, memory.copy,
     * table.copy, table.init) as Java ints: an operand of 2^31 or more is negative to it, and d + n or s + n past
     * 2^31-1 wraps negative and passes its bounds check. Where the spec traps before touching anything (spec
     * §4.4.6 and §4.4.7: trap if d + n or s + n exceeds the size; memory_fill.wast, memory_copy.wast line 1073,
     * table_copy.wast, table_init.wast and bulk.wast assert "out of bounds memory access" or "out of bounds table
     * access", the memory ones then that no byte changed), Chicory writes part of the range and throws
     * ArrayIndexOutOfBoundsException or NullPointerException, reports "undefined element", or succeeds. So: jwdb
     * trapped out of bounds, and two of the call's i32 arguments sum past 2^31-1 or one is past it already.
     */
    private static boolean javaIntBounds(String problem) {
        if (!problem.contains("jwdb trap \"out of bounds memory access\", chicory")
                && !problem.contains("jwdb trap \"out of bounds table access\", chicory")) {
            return false;
        }
        List<Long> args = new ArrayList<>();
        int open = problem.indexOf('[');
        int close = problem.indexOf("]: ", open);
        for (String a : problem.substring(open + 1, close).split(", ")) {
            if (a.startsWith("i32:")) {
                args.add(Long.parseLong(a.substring(4)));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) < 0) {
                return true;
            }
            for (int j = i + 1; j < args.size(); j++) {
                if (args.get(i) + args.get(j) > Integer.MAX_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The call a problem line is about ("module:line: export[args]"), or the whole line if it names none. */
    private static String call(String problem) {
        int end = problem.indexOf("]: ");
        return end < 0 ? problem : problem.substring(0, end + 1);
    }

    @Test
    void jwdbAndChicoryAgreeOnTheSpecModules() {
        int calls = Fuzzing.iterations(1);
        List<String> problems = new ArrayList<>();
        int modules = 0;
        FuelledPair.Counts total = new FuelledPair.Counts();
        // One check covers a whole module, every export called in both engines (call.wast's first module has 60).
        try (Contract contract = new Contract(60_000)) {
            for (SpecInputs.SpecModule m : SpecInputs.modules()) {
                if (!m.module().imports().isEmpty()) {
                    continue;
                }
                modules++;
                Random random = new Random(Fuzzing.seed() ^ m.name().hashCode());
                FuelledPair.Counts counts = new FuelledPair.Counts();
                contract.check(m.name(), () -> {
                    String partialWrite = null; // a call where Chicory may have written part of a range
                    for (String p : Differential.compare(m.name(), m.module(), m.binary(), calls, random, false,
                            counts)) {
                        if (javaIntBounds(p)) {
                            partialWrite = call(p);
                        } else if (!(p.contains("]: memory differs ") && call(p).equals(partialWrite))
                                && CHICORY_WRONG.stream().noneMatch(w -> w.matches(p))) {
                            problems.add(p);
                        }
                    }
                });
                total.add(counts);
            }
        }
        System.out.printf("SpecDifferentialTest: %d modules, %d calls per export, %s%n", modules, calls, total);
        assertEquals(List.of(), problems);
        assertNull(total.tooFew(0.9, 0.01));
    }
}
