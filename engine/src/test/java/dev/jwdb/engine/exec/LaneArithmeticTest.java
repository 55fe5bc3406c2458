package dev.jwdb.engine.exec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lane helpers on one 64-bit half of a v128, against values worked out by hand from the spec's definitions. */
class LaneArithmeticTest {
    /** Eight i8 lanes, lane 0 first, packed into a half. */
    private static long i8(int... lanes) {
        long half = 0;
        for (int i = 0; i < lanes.length; i++) {
            half |= (lanes[i] & 0xFFL) << (8 * i);
        }
        return half;
    }

    private static long i16(int... lanes) {
        long half = 0;
        for (int i = 0; i < lanes.length; i++) {
            half |= (lanes[i] & 0xFFFFL) << (16 * i);
        }
        return half;
    }

    private static long i32(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }

    private static long f32(float low, float high) {
        return i32(Float.floatToRawIntBits(low), Float.floatToRawIntBits(high));
    }

    @Test
    void wrappingAddAndSubStayInsideEachLane() {
        assertEquals(i8(0, -128, 2, 0, 0, 0, 0, 0),
                IntLanes.binary(LaneOp.ADD, 8, i8(255, 127, 1, 0, 0, 0, 0, 0), i8(1, 1, 1, 0, 0, 0, 0, 0)));
        assertEquals(i16(-1, 0, 0, 0), IntLanes.binary(LaneOp.SUB, 16, i16(0, 0, 0, 0), i16(1, 0, 0, 0)));
    }

    @Test
    void saturatingArithmeticClampsToTheLaneRange() {
        assertEquals(i8(127, -128, -1, 0, 0, 0, 0, 0),
                IntLanes.binary(LaneOp.ADD_SAT_S, 8, i8(100, -100, -1, 0, 0, 0, 0, 0), i8(100, -100, 0, 0, 0, 0, 0, 0)));
        assertEquals(i8(255, 0, 0, 0, 0, 0, 0, 0),
                IntLanes.binary(LaneOp.ADD_SAT_U, 8, i8(200, 0, 0, 0, 0, 0, 0, 0), i8(100, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(i16(0, 0, 0, 0), IntLanes.binary(LaneOp.SUB_SAT_U, 16, i16(1, 0, 0, 0), i16(2, 0, 0, 0)));
        assertEquals(i16(0, 32767, -32768, 0),
                IntLanes.binary(LaneOp.SUB_SAT_S, 16, i16(0, 32767, -32768, 0), i16(0, -1, 1, 0)));
    }

    @Test
    void q15MultiplicationRoundsAndSaturatesOnlyMinusOneSquared() {
        assertEquals(i16(32767, 16384, 0, 0),
                IntLanes.binary(LaneOp.Q15MULR_SAT_S, 16, i16(-32768, 16384, -1, 0), i16(-32768, 32767, 16384, 0)));
    }

    @Test
    void averageRoundsUpAndComparisonsGiveAllOnesLanes() {
        assertEquals(i8(128, 1, 0, 0, 0, 0, 0, 0),
                IntLanes.binary(LaneOp.AVGR_U, 8, i8(255, 1, 0, 0, 0, 0, 0, 0), i8(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(i8(-1, 0, 0, 0, 0, 0, 0, 0),
                IntLanes.binary(LaneOp.GT_U, 8, i8(200, 1, 0, 0, 0, 0, 0, 0), i8(100, 1, 1, 0, 0, 0, 0, 0)));
        assertEquals(i32(0, -1), IntLanes.binary(LaneOp.LT_S, 32, i32(-1, -1), i32(-2, 0)));
    }

    @Test
    void absOfTheMostNegativeLaneWrapsToItself() {
        assertEquals(i8(-128, 5, 5, 0, 0, 0, 0, 0), IntLanes.unary(LaneOp.ABS, 8, i8(-128, -5, 5, 0, 0, 0, 0, 0)));
        assertEquals(i8(8, 0, 1, 0, 0, 0, 0, 0), IntLanes.unary(LaneOp.POPCNT, 8, i8(255, 0, 16, 0, 0, 0, 0, 0)));
    }

    @Test
    void shiftCountsAreTakenModuloTheLaneWidth() {
        assertEquals(i8(2, 0, 0, 0, 0, 0, 0, 0), IntLanes.shift(LaneOp.SHL, 8, i8(1, 0, 0, 0, 0, 0, 0, 0), 9));
        assertEquals(i16(-1, 0x07FF, 0, 0), IntLanes.shift(LaneOp.SHR_S, 16, i16(-16, 0x7FFF, 0, 0), 20));
        assertEquals(1L, IntLanes.shift(LaneOp.SHR_U, 64, Long.MIN_VALUE, 127));
    }

    @Test
    void narrowingSaturatesAndReadsItsInputAsSigned() {
        long low = i16(300, -300, 100, -1);
        long high = i16(255, 256, 0, 127);
        assertEquals(i8(255, 0, 100, 0, 255, 255, 0, 127), LaneConversions.narrow(16, true, low, high));
        assertEquals(i8(127, -128, 100, -1, 127, 127, 0, 127), LaneConversions.narrow(16, false, low, high));
    }

    @Test
    void extensionsAndExtendedArithmeticWidenBeforeComputing() {
        assertEquals(i16(-1, 0, 0, 0), LaneConversions.extend(8, true, 0xFF));
        assertEquals(i16(255, 0, 0, 0), LaneConversions.extend(8, false, 0xFF));
        assertEquals(i16(1, 0, 0, 0), LaneConversions.extendedMultiply(8, true, 0xFF, 0xFF));
        assertEquals(i16(65025, 0, 0, 0), LaneConversions.extendedMultiply(8, false, 0xFF, 0xFF));
        assertEquals(i32(-2, 254), LaneConversions.extendedPairwiseAdd(16, true, i16(-1, -1, 127, 127)));
    }

    @Test
    void dotProductWrapsInsteadOfSaturating() {
        assertEquals(i32(Integer.MIN_VALUE, 5),
                LaneConversions.dot(i16(-32768, -32768, 1, 2), i16(-32768, -32768, 1, 2)));
    }

    @Test
    void pseudoMinAndMaxReturnTheFirstOperandOnNaNUnlikeMinAndMax() {
        int nan = 0x7FC0_0001;
        int one = Float.floatToRawIntBits(1.0f);
        assertEquals(one, FloatLanes.f32(LaneOp.PMIN, one, nan));
        assertEquals(nan, FloatLanes.f32(LaneOp.PMAX, nan, one));
        assertEquals(nan, FloatLanes.f32(LaneOp.MIN, one, nan));
        assertEquals(Float.floatToRawIntBits(-0.0f),
                FloatLanes.f32(LaneOp.MIN, Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(-0.0f)));
        assertEquals(Float.floatToRawIntBits(0.0f),
                FloatLanes.f32(LaneOp.PMIN, Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(-0.0f)));
    }

    @Test
    void floatComparisonsAreFalseForNaNExceptNe() {
        long a = f32(Float.NaN, 1.0f);
        long b = f32(Float.NaN, 1.0f);
        assertEquals(i32(0, -1), FloatLanes.binary(LaneOp.EQ, false, a, b));
        assertEquals(i32(-1, 0), FloatLanes.binary(LaneOp.NE, false, a, b));
    }

    @Test
    void saturatingTruncationMapsNaNToZeroAndClampsTheRest() {
        assertEquals(i32(0, Integer.MAX_VALUE), LaneConversions.i32FromF32Saturating(true, f32(Float.NaN, 3e9f)));
        assertEquals(i32(0, -1), LaneConversions.i32FromF32Saturating(false, f32(-5.0f, 5e9f)));
        assertEquals(i32(Float.floatToRawIntBits(4294967296.0f), 0), LaneConversions.f32FromI32(false, i32(-1, 0)));
    }
}
