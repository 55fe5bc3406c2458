package dev.jwdb.engine.exec;

import dev.jwdb.engine.TrapException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumericsTest {
    private static final int F32_CANONICAL_NAN = 0x7FC0_0000;
    private static final long F64_CANONICAL_NAN = 0x7FF8_0000_0000_0000L;

    private static String trap(Runnable r) {
        return assertThrows(TrapException.class, r::run).getMessage();
    }

    private static int f32(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long f64(double d) {
        return Double.doubleToRawLongBits(d);
    }

    @Test
    void integerDivisionTrapsOnZeroAndOnOverflow() {
        assertEquals("integer divide by zero", trap(() -> Numerics.i32DivU(1, 0)));
        assertEquals("integer divide by zero", trap(() -> Numerics.i64RemS(1, 0)));
        assertEquals("integer overflow", trap(() -> Numerics.i64DivS(Long.MIN_VALUE, -1)));
        assertEquals(0, Numerics.i64RemS(Long.MIN_VALUE, -1));
        assertEquals(2147483647, Numerics.i32DivU(-1, 2));
        assertEquals(1, Numerics.i64RemU(-1L, 2));
    }

    @Test
    void truncationDistinguishesNaNFromOverflow() {
        assertEquals("invalid conversion to integer", trap(() -> Numerics.i32TruncS(Float.NaN)));
        assertEquals("integer overflow", trap(() -> Numerics.i32TruncS(2147483648.0f)));
        assertEquals("integer overflow", trap(() -> Numerics.i32TruncU(-1.0)));
        assertEquals("integer overflow", trap(() -> Numerics.i64TruncS(9223372036854775808.0)));
        assertEquals("integer overflow", trap(() -> Numerics.i64TruncU(18446744073709551616.0)));
    }

    @Test
    void truncationAcceptsEveryValueThatFitsAfterTruncation() {
        assertEquals(Integer.MIN_VALUE, Numerics.i32TruncS(-2147483648.9));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncS(2147483647.9));
        assertEquals(0, Numerics.i32TruncU(-0.9));
        assertEquals(-1, Numerics.i32TruncU(4294967295.5));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncS(-9223372036854775808.0));
        assertEquals(-2048L, Numerics.i64TruncU(18446744073709549568.0));
        assertEquals(-2, Numerics.i32TruncS(-2.7f));
    }

    @Test
    void saturatingTruncationClampsAndMapsNaNToZero() {
        assertEquals(0, Numerics.i32TruncSatS(Double.NaN));
        assertEquals(Integer.MAX_VALUE, Numerics.i32TruncSatS(1e10));
        assertEquals(-1, Numerics.i32TruncSatU(1e10));
        assertEquals(0, Numerics.i32TruncSatU(-5));
        assertEquals(-1L, Numerics.i64TruncSatU(Double.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, Numerics.i64TruncSatS(Double.NEGATIVE_INFINITY));
        assertEquals(0, Numerics.i64TruncSatU(Double.NaN));
    }

    @Test
    void unsignedI64ConversionRoundsOnceToNearestEven() {
        // 2^64 - 1 rounds up to 2^64
        assertEquals(18446744073709551616.0f, Numerics.f32ConvertI64U(-1L));
        assertEquals(18446744073709551616.0, Numerics.f64ConvertI64U(-1L));
        // from conversions.wast: halfway cases that double rounding would get wrong
        assertEquals(f32(9.223373e18f), f32(Numerics.f32ConvertI64U(0x8000_0080_0000_0001L)));
        assertEquals(f64(9223372036854777856.0), f64(Numerics.f64ConvertI64U(0x8000_0000_0000_0401L)));
        assertEquals(f64(9223372036854775808.0), f64(Numerics.f64ConvertI64U(0x8000_0000_0000_0400L)));
    }

    @Test
    void minAndMaxOrderSignedZerosAndPropagateQuietNaN() {
        assertEquals(f32(-0.0f), Numerics.f32Min(f32(0.0f), f32(-0.0f)));
        assertEquals(f32(0.0f), Numerics.f32Max(f32(-0.0f), f32(0.0f)));
        assertEquals(f64(-0.0), Numerics.f64Min(f64(-0.0), f64(0.0)));
        int signalling = 0x7FA0_0000;
        int result = Numerics.f32Min(f32(1.0f), signalling);
        assertTrue(Numerics.f32IsNaN(result));
        assertEquals(0x0040_0000, result & 0x0040_0000, "quiet bit set");
        assertEquals(F64_CANONICAL_NAN, Numerics.f64Max(F64_CANONICAL_NAN, f64(1.0)));
    }

    @Test
    void nearestRoundsHalfwayToEvenAndKeepsTheSignOfZero() {
        assertEquals(f32(2.0f), Numerics.f32Nearest(f32(2.5f)));
        assertEquals(f32(4.0f), Numerics.f32Nearest(f32(3.5f)));
        assertEquals(f32(-0.0f), Numerics.f32Nearest(f32(-0.5f)));
        assertEquals(f64(-2.0), Numerics.f64Nearest(f64(-2.5)));
        assertEquals(f64(4503599627370497.0), Numerics.f64Nearest(f64(4503599627370497.0)));
    }

    @Test
    void roundingFunctionsKeepTheSignOfZeroResults() {
        assertEquals(f32(-0.0f), Numerics.f32Ceil(f32(-0.5f)));
        assertEquals(f32(-0.0f), Numerics.f32Trunc(f32(-0.9f)));
        assertEquals(f64(-1.0), Numerics.f64Floor(f64(-0.5)));
        assertEquals(f64(-0.0), Numerics.f64Trunc(f64(-0.1)));
        assertEquals(F32_CANONICAL_NAN | 0x80000000, Numerics.f32Sqrt(f32(-1.0f)) | 0x80000000);
        assertTrue(Numerics.f32IsNaN(Numerics.f32Ceil(0x7F80_0001)));
        assertEquals(0x7FC0_0001, Numerics.f32Ceil(0x7F80_0001));
    }

    @Test
    void signOperationsTouchOnlyTheSignBitEvenOfNaN() {
        assertEquals(0xFFA0_0001, Numerics.f32Neg(0x7FA0_0001));
        assertEquals(0x7FA0_0001, Numerics.f32Abs(0xFFA0_0001));
        assertEquals(0xFFA0_0001, Numerics.f32Copysign(0x7FA0_0001, f32(-1.0f)));
        assertEquals(0x7FF4_0000_0000_0000L, Numerics.f64Abs(0xFFF4_0000_0000_0000L));
        assertEquals(f64(-3.0), Numerics.f64Copysign(f64(3.0), f64(-0.0)));
    }

    @Test
    void demoteAndPromoteKeepNaNsQuietAndRoundValues() {
        assertEquals(F32_CANONICAL_NAN, Numerics.f32DemoteF64(F64_CANONICAL_NAN));
        assertEquals(0xFFC0_0000, Numerics.f32DemoteF64(0xFFF8_0000_0000_0000L));
        assertTrue((Numerics.f32DemoteF64(0x7FF4_0000_0000_0000L) & 0x0040_0000) != 0);
        assertEquals(F64_CANONICAL_NAN, Numerics.f64PromoteF32(F32_CANONICAL_NAN));
        assertEquals(f32(1.0f), Numerics.f32DemoteF64(f64(1.0000000298023224))); // ties to even
        assertEquals(f64(0.1f), Numerics.f64PromoteF32(f32(0.1f)));
    }
}
