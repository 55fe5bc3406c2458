package dev.jwdb.robustness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec suite's modules (Wasm 2.0, SIMD excluded; those without imports, since Chicory would need its own
 * spectest host) run in jwdb and in Chicory 1.7.5, every export that surely finishes called with random
 * arguments: results, traps and memory must agree. Where they do not, the spec's own assertions decide; known
 * Chicory deviations go in {@link #CHICORY_WRONG} with the spec reference.
 *
 * <p>Long run: {@code -Djwdb.fuzz.iterations=50} calls per export instead of 1.
 */
class SpecDifferentialTest {
    /** A disagreement where Chicory is wrong: which module, what the two engines said, and why jwdb is right. */
    private record ChicoryWrong(String module, String disagreement, String reference) {
        boolean matches(String problem) {
            return problem.startsWith(module) && problem.contains(disagreement);
        }
    }

    private static final List<ChicoryWrong> CHICORY_WRONG = List.of(
            // table.copy with a large offset or length (d + n or s + n past 2^31): Chicory's int arithmetic
            // wraps and it reports "undefined element" (or copies), where the spec traps before touching the table.
            new ChicoryWrong("table_copy.wast:",
                    "jwdb trap \"out of bounds table access\", chicory trap \"undefined element\"",
                    "spec §4.4.6 table.copy: trap if s + n or d + n exceeds the table size; table_copy.wast asserts"
                            + " that trap as \"out of bounds table access\""),
            // table.init with a huge source offset: Chicory indexes the segment with it and throws
            // an IndexOutOfBoundsException out of the call instead of trapping.
            new ChicoryWrong("bulk.wast:199:",
                    "jwdb trap \"out of bounds table access\", chicory trap \"chicory crashed: ",
                    "spec §4.4.6 table.init: trap if s + n exceeds the segment's length; bulk.wast asserts"
                            + " \"out of bounds table access\""),
            // f32.convert_i64_u of values of 2^63 and above: Chicory rounds twice (see ChicoryDisagreementsTest).
            new ChicoryWrong("conversions.wast:1: f32.convert_i64_u[", ", chicory [f32:",
                    "spec §4.3.2 convert_u, round to nearest; conversions.wast line 522"),
            new ChicoryWrong("float_exprs.wast:742: f32.i64.no_fold_trunc_s_convert_u[", ", chicory [f32:",
                    "the same f32.convert_i64_u rounding"),
            // memory.fill with d + n past the memory: Chicory throws ArrayIndexOutOfBoundsException after
            // writing part of the range, where the spec traps before writing anything.
            new ChicoryWrong("memory_fill.wast:643: run[", "chicory trap \"chicory crashed: ",
                    "spec §4.4.7 memory.fill: trap if d + n exceeds the memory size, before any write;"
                            + " memory_fill.wast asserts \"out of bounds memory access\""),
            new ChicoryWrong("memory_fill.wast:643: run[", "memory differs", "the same partial memory.fill"),
            // table.init with d + n past 2^31 wraps in Chicory and succeeds.
            new ChicoryWrong("table_init.wast:", "jwdb trap \"out of bounds table access\", chicory []",
                    "spec §4.4.6 table.init: trap if d + n exceeds the table size; table_init.wast asserts it"),
            // table.grow by 2^31-1 on a table with a maximum: Chicory allocates and throws
            // NegativeArraySizeException instead of returning -1.
            new ChicoryWrong("table_size.wast:1: grow-", "chicory trap \"chicory crashed: ",
                    "spec §4.4.6 table.grow: fails (returns -1) when the size would exceed the maximum"));

    @Test
    void jwdbAndChicoryAgreeOnTheSpecModules() {
        int calls = Fuzzing.iterations(1);
        List<String> problems = new ArrayList<>();
        int modules = 0;
        // One check covers a whole module, every export called in both engines (call.wast's first module has 60).
        try (Contract contract = new Contract(60_000)) {
            for (SpecInputs.SpecModule m : SpecInputs.modules()) {
                if (!m.module().imports().isEmpty()) {
                    continue;
                }
                modules++;
                Random random = new Random(Fuzzing.seed() ^ m.name().hashCode());
                contract.check(m.name(), () -> {
                    for (String p : Differential.compare(m.name(), m.module(), m.binary(), calls, random)) {
                        if (CHICORY_WRONG.stream().noneMatch(w -> w.matches(p))) {
                            problems.add(p);
                        }
                    }
                });
            }
        }
        System.out.printf("SpecDifferentialTest: %d modules, %d calls per export%n", modules, calls);
        assertEquals(List.of(), problems);
    }
}
