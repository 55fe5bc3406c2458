package dev.jwdb.engine.text;

import java.math.BigDecimal;

/**
 * Float bits as text-format literals that read back to exactly the same bits: the shortest decimal that rounds to
 * the value ({@code 0.1}, {@code 1e+21}, {@code -0}), {@code inf}, and NaNs with their sign and, unless canonical,
 * their payload ({@code -nan}, {@code nan:0x200000}).
 */
public final class FloatText {
    /** Plain notation between these decimal exponents, scientific outside (as JavaScript prints numbers). */
    private static final int MIN_PLAIN_EXPONENT = -5;
    private static final int MAX_PLAIN_EXPONENT = 21;

    private FloatText() {
    }

    public static String f32(int bits) {
        return format(FloatFormat.F32, bits & 0xFFFFFFFFL);
    }

    public static String f64(long bits) {
        return format(FloatFormat.F64, bits);
    }

    private static String format(FloatFormat format, long bits) {
        boolean negative = format.isNegative(bits);
        String sign = negative ? "-" : "";
        if (format.isNan(bits)) {
            long payload = bits & format.mantissaMask();
            return payload == format.canonicalPayload()
                    ? sign + "nan"
                    : sign + "nan:0x" + Long.toHexString(payload);
        }
        if (format.isInfinite(bits)) {
            return sign + "inf";
        }
        if ((bits & ~format.signBit()) == 0) {
            return sign + "0";
        }
        return sign + layout(ShortestDecimal.of(format, bits & ~format.signBit()));
    }

    private static String layout(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        if (exponent >= MIN_PLAIN_EXPONENT && exponent < MAX_PLAIN_EXPONENT) {
            return stripped.toPlainString();
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
