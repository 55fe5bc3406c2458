package dev.jwdb.wat;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralsTest {

    private static void assertRejected(String expectedPrefix, Runnable parse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse::run);
        assertTrue(e.getMessage().startsWith(expectedPrefix), () -> "message was: " + e.getMessage());
    }

    @Test
    void i32AcceptsSignedAndUnsignedFormsOfTheSameBits() {
        assertEquals(-1, Literals.parseI32("0xffffffff"));
        assertEquals(-1, Literals.parseI32("4294967295"));
        assertEquals(-1, Literals.parseI32("-1"));
        assertEquals(Integer.MIN_VALUE, Literals.parseI32("-0x80000000"));
        assertEquals(Integer.MIN_VALUE, Literals.parseI32("0x80000000"));
        assertEquals(42, Literals.parseI32("+42"));
        assertEquals(0, Literals.parseI32("-0"));
        assertEquals(10, Literals.parseI32("010"), "a leading zero is not octal");
        assertEquals(0x0bAdD00D, Literals.parseI32("0x0bAdD00D"));
    }

    @Test
    void underscoresSeparateDigitsOnly() {
        assertEquals(1_000_000, Literals.parseI32("1_000_000"));
        assertEquals(0xa0f0099, Literals.parseI32("0xa_0f_00_99"));
        for (String bad : new String[] {"_100", "+_100", "-_100", "99_", "1__000", "_0x100", "0_x100", "0x_100",
                "0x00_", "0xff__ffff"}) {
            assertRejected("unknown operator", () -> Literals.parseI32(bad));
            assertRejected("unknown operator", () -> Literals.parseI64(bad));
        }
    }

    @Test
    void notANumberIsAnUnknownOperator() {
        for (String bad : new String[] {"0x", "1x", "0xg", "", "-", "0X10", "1.0", "nan"}) {
            assertRejected("unknown operator", () -> Literals.parseI32(bad));
        }
    }

    @Test
    void integersBeyondTheirWidthAreOutOfRange() {
        assertRejected("constant out of range", () -> Literals.parseI32("0x100000000"));
        assertRejected("constant out of range", () -> Literals.parseI32("4294967296"));
        assertRejected("constant out of range", () -> Literals.parseI32("-0x80000001"));
        assertRejected("constant out of range", () -> Literals.parseI32("-2147483649"));
        assertRejected("constant out of range", () -> Literals.parseI64("0x10000000000000000"));
        assertRejected("constant out of range", () -> Literals.parseI64("18446744073709551616"));
        assertRejected("constant out of range", () -> Literals.parseI64("-9223372036854775809"));
        assertRejected("constant out of range", () -> Literals.parseI64("99999999999999999999999999999"));
    }

    @Test
    void i64CoversBothSignedAndUnsignedRanges() {
        assertEquals(-1L, Literals.parseI64("0xffffffffffffffff"));
        assertEquals(-1L, Literals.parseI64("18446744073709551615"));
        assertEquals(Long.MIN_VALUE, Literals.parseI64("-9223372036854775808"));
        assertEquals(Long.MIN_VALUE, Literals.parseI64("0x8000000000000000"));
        assertEquals(913028331277281902L, Literals.parseI64("0x0CABBA6E0ba66a6e"));
    }

    @Test
    void u32IsUnsignedAndReportsAnI32Constant() {
        assertEquals(0xFFFF_FFFFL, Literals.parseU32("4294967295"));
        assertEquals(0x1_0000L, Literals.parseU32("0x1_0000"));
        assertRejected("i32 constant out of range", () -> Literals.parseU32("4294967296"));
        assertRejected("i32 constant out of range", () -> Literals.parseU32("0x1_0000_0000"));
        assertRejected("i32 constant out of range", () -> Literals.parseU32("99999999999999999999999"));
        assertRejected("unknown operator", () -> Literals.parseU32("-1"));
        assertRejected("unknown operator", () -> Literals.parseU32("+1"));
    }

    @Test
    void floatSpecialValuesKeepSignAndPayload() {
        assertEquals(0x7fc00000, Literals.parseF32Bits("nan"));
        assertEquals(0xffc00000, Literals.parseF32Bits("-nan"));
        assertEquals(0x7fa00000, Literals.parseF32Bits("nan:0x200000"));
        assertEquals(0xffffffff, Literals.parseF32Bits("-nan:0x7fffff"));
        assertEquals(0x7f800000, Literals.parseF32Bits("+inf"));
        assertEquals(0xff800000, Literals.parseF32Bits("-inf"));
        assertEquals(0x80000000, Literals.parseF32Bits("-0.0"));
        assertEquals(0x80000000, Literals.parseF32Bits("-0x0p0"));
        assertEquals(0x7ff4000000000000L, Literals.parseF64Bits("nan:0x4000000000000"));
        assertEquals(0xfff2abcdef012345L, Literals.parseF64Bits("-nan:0x2abcdef012345"));
        assertEquals(0x8000000000000000L, Literals.parseF64Bits("-0"));
    }

    @Test
    void nanPayloadMustBeNonZeroAndFitTheMantissa() {
        assertRejected("constant out of range", () -> Literals.parseF32Bits("nan:0x0"));
        assertRejected("constant out of range", () -> Literals.parseF32Bits("nan:0x80_0000"));
        assertRejected("constant out of range", () -> Literals.parseF64Bits("nan:0x10_0000_0000_0000"));
        assertRejected("unknown operator", () -> Literals.parseF32Bits("nan:1"));
        assertRejected("unknown operator", () -> Literals.parseF32Bits("nan:0x"));
        assertEquals(0x7fffffff, Literals.parseF32Bits("nan:0x7f_ffff"));
    }

    @Test
    void hexFloatsAreExactOrRoundedToNearestEven() {
        assertEquals(0x40c90fdb, Literals.parseF32Bits("0x1.921fb6p+2"));
        assertEquals(1, Literals.parseF32Bits("0x1p-149"));
        assertEquals(0x7fffff, Literals.parseF32Bits("0x1.fffffcp-127"));
        assertEquals(0x44800000, Literals.parseF32Bits("0x1.p10"));
        assertEquals(0x3f800000, Literals.parseF32Bits("0x1.000001p0"), "a tie rounds to the even mantissa");
        assertEquals(0x3f800002, Literals.parseF32Bits("0x1.000003p0"), "a tie rounds to the even mantissa");
        assertEquals(0x3f800001, Literals.parseF32Bits("0x1.00000100000000000000001p0"));
        assertEquals(0, Literals.parseF32Bits("0x1p-151"), "a quarter of the smallest subnormal is zero");
        assertEquals(1, Literals.parseF32Bits("0x1.0000000001p-150"), "just above half rounds up");
        assertEquals(0, Literals.parseF32Bits("0x1p-150"), "exactly half rounds to even zero");
        assertEquals(0x800000, Literals.parseF32Bits("0x1.fffffffp-127"), "subnormal rounding up becomes normal");
        assertEquals(1L, Literals.parseF64Bits("0x0.0000000000001p-1022"));
        assertEquals(0x401921fb54442d18L, Literals.parseF64Bits("0x1.921fb54442d18p+2"));
    }

    @Test
    void floatsOverflowOnlyWhenRoundingPassesTheLargestFinite() {
        assertEquals(0x7f7fffff, Literals.parseF32Bits("0x1.fffffefffffffffffffp127"));
        assertEquals(0x7f7fffff, Literals.parseF32Bits("340282356779733623858607532500980858880"));
        assertRejected("constant out of range", () -> Literals.parseF32Bits("0x1.ffffffp127"));
        assertRejected("constant out of range", () -> Literals.parseF32Bits("-0x1p128"));
        assertRejected("constant out of range", () -> Literals.parseF32Bits("1e39"));
        assertRejected("constant out of range", () -> Literals.parseF32Bits("340282356779733661637539395458142568448"));
        assertEquals(0x7fefffffffffffffL, Literals.parseF64Bits("0x1.fffffffffffff7ffffffp1023"));
        assertRejected("constant out of range", () -> Literals.parseF64Bits("0x1.fffffffffffff8p1023"));
        assertRejected("constant out of range", () -> Literals.parseF64Bits("1e309"));
        assertRejected("constant out of range", () -> Literals.parseF64Bits("1e99999999999999999999"));
        assertEquals(0, Literals.parseF64Bits("1e-99999999999999999999"));
        assertEquals(0x8000000000000000L, Literals.parseF64Bits("-0x1p-99999999999"));
    }

    @Test
    void decimalF32IsRoundedOnceNotThroughDouble() {
        // 1 + 2^-24 is the midpoint between 1 and the next float; anything above it must round up. Through double
        // the tiny excess is lost first and the tie then goes to even, giving 1.0.
        assertEquals(0x3f800001, Literals.parseF32Bits("1.00000005960464477539062500000000001"));
        assertEquals(0x3f800000, Literals.parseF32Bits("1.000000059604644775390625"));
        assertEquals(0x3f800001, Literals.parseF32Bits("1.000000119"), "the root beer float");
        assertEquals(0x3ff000001ff19e24L, Literals.parseF64Bits("1.000000119"));
    }

    @Test
    void decimalFloatsHandleSubnormalsExponentsAndSeparators() {
        assertEquals(1, Literals.parseF32Bits("1.4013e-45"));
        assertEquals(0x800000, Literals.parseF32Bits("1.1754944e-38"));
        assertEquals(0x7fffff, Literals.parseF32Bits("1.1754942e-38"));
        assertEquals(0x501502f9, Literals.parseF32Bits("1.e10"));
        assertEquals(0x60ad78ec, Literals.parseF32Bits("100_000_000_000_000_000_000"));
        assertEquals(0xdf000000, Literals.parseF32Bits("-9223372036854775808"));
        assertEquals(1L, Literals.parseF64Bits("4.94066e-324"));
        assertEquals(0x10000000000000L, Literals.parseF64Bits("2.2250738585072012e-308"));
        assertEquals(0xfffffffffffffL, Literals.parseF64Bits("2.2250738585072011e-308"));
        assertEquals(Double.doubleToRawLongBits(122000.11354e23), Literals.parseF64Bits("122_000.11_3_54E0_2_3"));
    }

    @Test
    void malformedFloatsAreUnknownOperators() {
        for (String bad : new String[] {".0", ".0e0", "0e", "0e+", "0.0e-", "0x", "1x", "0xg", "0x.", "0x0.g", "0x0p",
                "0x0p+", "0x0.0p-", "0x0pA", "1.0_", "1_.0", "1._0", "1e_1", "1.0e_+1", "0x1.0p+_1", "Infinity",
                "NaN", "inf:0x1", "1.0.0", "1e1e1", "0x1p1.0"}) {
            assertRejected("unknown operator", () -> Literals.parseF32Bits(bad));
            assertRejected("unknown operator", () -> Literals.parseF64Bits(bad));
        }
    }

    @Test
    void everyDoubleReadsBackFromItsExactDecimalExpansion() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long bits = random.nextLong() & 0x7fefffffffffffffL;
            String exact = new BigDecimal(Double.longBitsToDouble(bits)).toPlainString();
            assertEquals(bits, Literals.parseF64Bits(exact), exact);
            assertEquals(bits, Literals.parseF64Bits(Double.toString(Double.longBitsToDouble(bits))));
        }
    }

    @Test
    void f32MidpointsTieToEvenAndAnyExcessDecides() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            int low = random.nextInt(0x7f7fffff);
            int high = low + 1;
            BigDecimal midpoint = new BigDecimal(Float.intBitsToFloat(low))
                    .add(new BigDecimal(Float.intBitsToFloat(high))).divide(BigDecimal.valueOf(2));
            BigDecimal excess = midpoint.ulp().movePointLeft(5);
            int even = (low & 1) == 0 ? low : high;
            assertEquals(even, Literals.parseF32Bits(midpoint.toString()), midpoint::toString);
            assertEquals(high, Literals.parseF32Bits(midpoint.add(excess).toString()), midpoint::toString);
            assertEquals(low, Literals.parseF32Bits(midpoint.subtract(excess).toString()), midpoint::toString);
        }
    }

    @Test
    void stringsDecodeEscapesToBytes() {
        assertArrayEquals(new byte[] {'\t', '\n', '\r', '"', '\'', '\\'}, Literals.parseString("\"\\t\\n\\r\\\"\\'\\\\\""));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 'A'}, Literals.parseString("\"\\00\\ffA\""));
        assertArrayEquals("\u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
                Literals.parseString("\"\\u{e9}\\u{20AC}\\u{1F6_00}\""));
        assertArrayEquals("h\u00e9llo".getBytes(StandardCharsets.UTF_8), Literals.parseString("\"h\u00e9llo\""));
        assertArrayEquals(new byte[0], Literals.parseString("\"\""));
    }

    @Test
    void badStringsAreRejected() {
        assertRejected("illegal escape", () -> Literals.parseString("\"\\q\""));
        assertRejected("illegal escape", () -> Literals.parseString("\"\\0\""));
        assertRejected("illegal escape", () -> Literals.parseString("\"\\u{}\""));
        assertRejected("illegal escape", () -> Literals.parseString("\"\\u{12\""));
        assertRejected("illegal control character", () -> Literals.parseString("\"a\nb\""));
        assertRejected("malformed UTF-8 encoding", () -> Literals.parseString("\"\\u{d800}\""));
        assertRejected("malformed UTF-8 encoding", () -> Literals.parseString("\"\\u{110000}\""));
        assertRejected("unclosed string", () -> Literals.parseString("\"abc"));
    }

    @Test
    void namesMustBeUtf8ButStringsNeedNot() {
        assertEquals("\u00e9", Literals.parseName("\"\\c3\\a9\""));
        assertArrayEquals(new byte[] {(byte) 0xc3}, Literals.parseString("\"\\c3\""));
        for (String bad : new String[] {"\\c3", "\\80", "\\c0\\80", "\\ed\\a0\\80", "\\f4\\90\\80\\80",
                "\\e0\\80\\80", "\\f0\\80\\80\\80", "\\fe", "\\e2\\82"}) {
            assertRejected("malformed UTF-8 encoding", () -> Literals.parseName("\"" + bad + "\""));
        }
    }
}
