package dev.jwdb.engine.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatTextTest {

    private static String f32(float value) {
        return FloatText.f32(Float.floatToRawIntBits(value));
    }

    private static String f64(double value) {
        return FloatText.f64(Double.doubleToRawLongBits(value));
    }

    @Test
    void zerosKeepTheirSign() {
        assertEquals("0", f32(0f));
        assertEquals("-0", f32(-0f));
        assertEquals("0", f64(0d));
        assertEquals("-0", f64(-0d));
    }

    @Test
    void infinitiesAndNansUseTheTextKeywords() {
        assertEquals("inf", FloatText.f32(0x7f800000));
        assertEquals("-inf", FloatText.f64(0xfff0000000000000L));
        assertEquals("nan", FloatText.f32(0x7fc00000));
        assertEquals("-nan", FloatText.f32(0xffc00000));
        assertEquals("nan:0x200000", FloatText.f32(0x7fa00000));
        assertEquals("-nan:0x7fffff", FloatText.f32(0xffffffff));
        assertEquals("nan:0x1", FloatText.f32(0x7f800001));
        assertEquals("nan", FloatText.f64(0x7ff8000000000000L));
        assertEquals("nan:0x4000000000000", FloatText.f64(0x7ff4000000000000L));
        assertEquals("-nan:0x2abcdef012345", FloatText.f64(0xfff2abcdef012345L));
    }

    @Test
    void ordinaryValuesPrintAsTheShortestDecimal() {
        assertEquals("1", f32(1f));
        assertEquals("0.1", f32(0.1f));
        assertEquals("-2.5", f32(-2.5f));
        assertEquals("16777216", f32(16777216f));
        assertEquals("3.4028235e+38", f32(Float.MAX_VALUE));
        assertEquals("1.1754944e-38", f32(Float.MIN_NORMAL));
        assertEquals("0.1", f64(0.1));
        assertEquals("123.456", f64(123.456));
        assertEquals("0.30000000000000004", f64(0.1 + 0.2));
        assertEquals("1.7976931348623157e+308", f64(Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", f64(Double.MIN_NORMAL));
    }

    @Test
    void subnormalsNeedOnlyTheDigitsThatIdentifyThem() {
        assertEquals("1e-45", f32(Float.MIN_VALUE), "Java prints 1.4E-45, one digit more than needed");
        assertEquals("5e-324", f64(Double.MIN_VALUE));
        assertEquals("1.1754942e-38", FloatText.f32(0x7fffff));
    }

    @Test
    void largeAndSmallMagnitudesSwitchToExponentNotation() {
        assertEquals("100000000000000000000", f64(1e20));
        assertEquals("1e+21", f64(1e21));
        assertEquals("0.00001", f64(1e-5));
        assertEquals("1e-7", f64(1e-7));
        assertEquals("1.5e+30", f32(1.5e30f));
    }

    @Test
    void randomDoublesReadBackExactlyAndAreNeverLongerThanJavasOwnText() {
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            long bits = random.nextLong();
            double value = Double.longBitsToDouble(bits);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = FloatText.f64(bits);
            assertEquals(bits, Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            assertTrue(significantDigits(text) <= significantDigits(Double.toString(value)), text);
        }
    }

    @Test
    void randomFloatsReadBackExactlyAndAreNeverLongerThanJavasOwnText() {
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            int bits = random.nextInt();
            float value = Float.intBitsToFloat(bits);
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                continue;
            }
            String text = FloatText.f32(bits);
            assertEquals(bits, Float.floatToRawIntBits(Float.parseFloat(text)), text);
            assertTrue(significantDigits(text) <= significantDigits(Float.toString(value)), text);
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.split("[eE]")[0].replace("-", "").replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
    }
}
