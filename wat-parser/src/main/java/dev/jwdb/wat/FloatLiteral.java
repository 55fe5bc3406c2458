package dev.jwdb.wat;

import dev.jwdb.engine.text.FloatFormat;

import java.math.BigInteger;

/**
 * Float literals: {@code [+-]? (float | hexfloat | inf | nan | nan:0x hexnum)}, converted to raw bits by exact
 * rational arithmetic. Going through {@code double} first would round twice and give wrong f32 bits for literals
 * close to a tie, so every finite literal is rounded once, from its exact value.
 */
final class FloatLiteral {
    /**
     * Beyond these binary magnitudes a non-zero literal is certainly infinite or certainly rounds to zero in both
     * formats (f64's smallest subnormal is 2^-1074); clamping there keeps the exact arithmetic small.
     */
    private static final long OVERFLOW_LOG2 = 1100;
    private static final long UNDERFLOW_LOG2 = -1200;
    /** Decimal counterparts: 10^400 overflows f64, 10^-400 is below half its smallest subnormal. */
    private static final long OVERFLOW_LOG10 = 400;
    private static final long UNDERFLOW_LOG10 = -400;
    /** Exponent digits beyond this are saturated; any such value is already far past the limits above. */
    private static final long EXPONENT_LIMIT = 1_000_000_000L;

    private FloatLiteral() {
    }

    static long parse(String token, FloatFormat format) {
        boolean negative = token.startsWith("-");
        int start = negative || token.startsWith("+") ? 1 : 0;
        String magnitude = token.substring(start);
        if (magnitude.equals("inf")) {
            return format.infinity(negative);
        }
        if (magnitude.equals("nan")) {
            return format.canonicalNan(negative);
        }
        if (magnitude.startsWith("nan:0x")) {
            return nanWithPayload(token, magnitude.substring("nan:0x".length()), negative, format);
        }
        long bits = magnitude.startsWith("0x")
                ? hexadecimal(token, magnitude.substring(2), negative, format)
                : decimal(token, magnitude, negative, format);
        if (format.isInfinite(bits)) {
            throw new NumberFormatException("constant out of range: " + token + " is beyond the largest "
                    + format.name().toLowerCase() + " value");
        }
        return bits;
    }

    private static long nanWithPayload(String token, String payloadText, boolean negative, FloatFormat format) {
        String digits = DigitGroups.strip(payloadText, 0, payloadText.length(), true);
        if (digits == null) {
            throw malformed(token, format);
        }
        BigInteger payload = new BigInteger(digits, 16);
        if (payload.signum() == 0 || payload.bitLength() > format.mantissaBits()) {
            throw new NumberFormatException("constant out of range: the NaN payload of " + token
                    + " must be between 0x1 and 0x" + Long.toHexString(format.mantissaMask()));
        }
        return format.nan(negative, payload.longValueExact());
    }

    private static long hexadecimal(String token, String text, boolean negative, FloatFormat format) {
        Parts parts = Parts.split(text, 'p', 'P', true);
        if (parts == null) {
            throw malformed(token, format);
        }
        BigInteger mantissa = new BigInteger(parts.digits, 16);
        long exponent2 = parts.exponent - 4L * parts.fractionDigits;
        long log2 = mantissa.bitLength() + exponent2;
        if (mantissa.signum() == 0 || log2 < UNDERFLOW_LOG2) {
            return format.round(negative, BigInteger.ZERO, BigInteger.ONE);
        }
        if (log2 > OVERFLOW_LOG2) {
            return format.infinity(negative);
        }
        return exponent2 >= 0
                ? format.round(negative, mantissa.shiftLeft((int) exponent2), BigInteger.ONE)
                : format.round(negative, mantissa, BigInteger.ONE.shiftLeft((int) -exponent2));
    }

    private static long decimal(String token, String text, boolean negative, FloatFormat format) {
        Parts parts = Parts.split(text, 'e', 'E', false);
        if (parts == null) {
            throw malformed(token, format);
        }
        String significant = stripLeadingZeros(parts.digits);
        long exponent10 = parts.exponent - parts.fractionDigits;
        if (significant.isEmpty() || significant.length() + exponent10 < UNDERFLOW_LOG10) {
            return format.round(negative, BigInteger.ZERO, BigInteger.ONE);
        }
        if (significant.length() - 1 + exponent10 > OVERFLOW_LOG10) {
            return format.infinity(negative);
        }
        BigInteger mantissa = new BigInteger(significant);
        BigInteger scale = BigInteger.TEN.pow((int) Math.abs(exponent10));
        return exponent10 >= 0
                ? format.round(negative, mantissa.multiply(scale), BigInteger.ONE)
                : format.round(negative, mantissa, scale);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static NumberFormatException malformed(String token, FloatFormat format) {
        return new NumberFormatException("unknown operator: malformed " + format.name().toLowerCase() + " literal "
                + token);
    }

    /**
     * A finite literal taken apart: {@code int ('.' frac?)? (marker sign? num)?}. {@code digits} joins the integer
     * and fraction digits; the value is {@code digits * base^(exponent - fractionDigits)} (base 16 counts 4 bits
     * per fraction digit, but the exponent after {@code p} is a power of two).
     */
    private record Parts(String digits, int fractionDigits, long exponent) {
        static Parts split(String text, char marker, char upperMarker, boolean hex) {
            int markerAt = indexOfEither(text, marker, upperMarker);
            int mantissaEnd = markerAt < 0 ? text.length() : markerAt;
            int dot = text.indexOf('.');
            if (dot > mantissaEnd) {
                return null;
            }
            int integerEnd = dot < 0 ? mantissaEnd : dot;
            String integer = DigitGroups.strip(text, 0, integerEnd, hex);
            String fraction = dot < 0 || dot + 1 == mantissaEnd
                    ? ""
                    : DigitGroups.strip(text, dot + 1, mantissaEnd, hex);
            if (integer == null || fraction == null) {
                return null;
            }
            long exponent = 0;
            if (markerAt >= 0) {
                Long parsed = exponent(text, markerAt + 1);
                if (parsed == null) {
                    return null;
                }
                exponent = parsed;
            }
            return new Parts(integer + fraction, fraction.length(), exponent);
        }

        private static Long exponent(String text, int from) {
            boolean negative = from < text.length() && text.charAt(from) == '-';
            boolean signed = negative || (from < text.length() && text.charAt(from) == '+');
            String digits = DigitGroups.strip(text, signed ? from + 1 : from, text.length(), false);
            if (digits == null) {
                return null;
            }
            String significant = stripLeadingZeros(digits);
            long value = significant.length() > 10 ? EXPONENT_LIMIT
                    : Math.min(significant.isEmpty() ? 0 : Long.parseLong(significant), EXPONENT_LIMIT);
            return negative ? -value : value;
        }

        private static int indexOfEither(String text, char a, char b) {
            int i = text.indexOf(a);
            int j = text.indexOf(b);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }
    }
}
