package dev.jwdb.wat.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jwdb.wat.Wat;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** assert_return with v128 results: exact bits, or lane by lane when float lanes are NaN patterns. */
class VectorResultsTest {
    private static final String MODULE = """
            (module
              (func (export "div") (param v128 v128) (result v128) (f32x4.div (local.get 0) (local.get 1))))
            """;

    private static List<Outcome> run(String assertion) {
        return ScriptRunner.runAll(Wat.parseScript(MODULE + assertion, "t.wast"),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void nanPatternsAreMatchedPerLaneAndOtherLanesBitForBit() {
        List<Outcome> outcomes = run("""
                (assert_return (invoke "div" (v128.const f32x4 0 1 -6 0x1p-149) (v128.const f32x4 0 2 3 2))
                               (v128.const f32x4 nan:canonical 0.5 -2 0))
                """);
        Command.AssertReturn assertion = assertInstanceOf(Command.AssertReturn.class, outcomes.get(1).command());
        assertInstanceOf(Expected.V128Lanes.class, assertion.expected().get(0));
        assertEquals(true, outcomes.get(1).passed(), outcomes.get(1).message());
    }

    @Test
    void aWrongLaneFailsAndTheMessageShowsTheLanes() {
        Outcome outcome = run("""
                (assert_return (invoke "div" (v128.const f32x4 1 1 1 1) (v128.const f32x4 1 1 1 1))
                               (v128.const f32x4 nan:arithmetic 1 1 1))
                """).get(1);
        assertEquals(false, outcome.passed());
        assertEquals("result 0: expected v128:f32x4 [nan:arithmetic 1 1 1], got v128:i32x4 [1065353216 1065353216 "
                + "1065353216 1065353216]", outcome.message());
    }

    @Test
    void vectorsWithoutPatternsCompareExactly() {
        Outcome outcome = run("""
                (assert_return (invoke "div" (v128.const i32x4 0 0 0 0x3f800000) (v128.const f32x4 1 1 1 1))
                               (v128.const i64x2 0 0x3f80000000000000))
                """).get(1);
        assertEquals(true, outcome.passed(), outcome.message());
    }
}
