package dev.jwdb.engine.text;

import java.math.BigInteger;

/**
 * The two IEEE 754 binary formats of WebAssembly, with exact round-to-nearest-even conversion from a rational value.
 * Both the text parser (literals) and the disassembler (checking that printed decimals read back to the same bits)
 * round through here, so that the two can never disagree. Bits are returned in a long; for f32 only the low 32
 * bits are used.
 */
public enum FloatFormat {
    F32(23, 8),
    F64(52, 11);

    private final int mantissaBits;
    private final int exponentBits;
    private final int bias;
    private final int minNormalExponent;

    FloatFormat(int mantissaBits, int exponentBits) {
        this.mantissaBits = mantissaBits;
        this.exponentBits = exponentBits;
        this.bias = (1 << (exponentBits - 1)) - 1;
        this.minNormalExponent = 1 - bias;
    }

    /** Number of explicit mantissa (fraction) bits: 23 or 52. */
    public int mantissaBits() {
        return mantissaBits;
    }

    public long signBit() {
        return 1L << (mantissaBits + exponentBits);
    }

    public long mantissaMask() {
        return (1L << mantissaBits) - 1;
    }

    public long exponentMask() {
        return ((1L << exponentBits) - 1) << mantissaBits;
    }

    public long infinity(boolean negative) {
        return (negative ? signBit() : 0) | exponentMask();
    }

    /** The payload of the canonical NaN: only the quiet bit (the mantissa's top bit) set. */
    public long canonicalPayload() {
        return 1L << (mantissaBits - 1);
    }

    public long canonicalNan(boolean negative) {
        return nan(negative, canonicalPayload());
    }

    /** A NaN with the given payload, which must be non-zero and fit the mantissa. */
    public long nan(boolean negative, long payload) {
        if (payload == 0 || (payload & ~mantissaMask()) != 0) {
            throw new IllegalArgumentException("NaN payload out of range: 0x" + Long.toHexString(payload));
        }
        return infinity(negative) | payload;
    }

    public boolean isNegative(long bits) {
        return (bits & signBit()) != 0;
    }

    public boolean isInfinite(long bits) {
        return (bits & ~signBit()) == exponentMask();
    }

    public boolean isNan(long bits) {
        return (bits & exponentMask()) == exponentMask() && (bits & mantissaMask()) != 0;
    }

    /** Bits of the value {@code ±numerator/denominator}, rounded to nearest, ties to even; infinity on overflow. */
    public long round(boolean negative, BigInteger numerator, BigInteger denominator) {
        long sign = negative ? signBit() : 0;
        if (numerator.signum() == 0) {
            return sign;
        }
        // e = floor(log2(numerator/denominator)), first estimated from bit lengths, then corrected by one.
        int e = numerator.bitLength() - denominator.bitLength();
        if (compareScaled(numerator, denominator, e) < 0) {
            e--;
        }
        // The weight of the last mantissa bit; below the normal range it is fixed, which makes the result subnormal.
        int quantum = Math.max(e, minNormalExponent) - mantissaBits;
        BigInteger n = quantum < 0 ? numerator.shiftLeft(-quantum) : numerator;
        BigInteger d = quantum > 0 ? denominator.shiftLeft(quantum) : denominator;
        BigInteger[] qr = n.divideAndRemainder(d);
        long significand = qr[0].longValueExact();
        int half = qr[1].shiftLeft(1).compareTo(d);
        if (half > 0 || (half == 0 && (significand & 1) != 0)) {
            significand++;
        }
        if (significand == 1L << (mantissaBits + 1)) {
            significand >>= 1;
            quantum++;
        }
        if (significand < 1L << mantissaBits) {
            return sign | significand;
        }
        long biased = (long) quantum + mantissaBits + bias;
        if (biased >= (1L << exponentBits) - 1) {
            return infinity(negative);
        }
        return sign | biased << mantissaBits | (significand & mantissaMask());
    }

    /** Exact value of finite bits as {@code ±mantissa * 2^exponent}, the mantissa including the implicit bit. */
    BigInteger significand(long bits) {
        long fraction = bits & mantissaMask();
        boolean normal = (bits & exponentMask()) != 0;
        return BigInteger.valueOf(normal ? fraction | 1L << mantissaBits : fraction);
    }

    int binaryExponent(long bits) {
        long biased = (bits & exponentMask()) >>> mantissaBits;
        return (int) Math.max(biased, 1) - bias - mantissaBits;
    }

    private static int compareScaled(BigInteger numerator, BigInteger denominator, int exponent) {
        return exponent >= 0
                ? numerator.compareTo(denominator.shiftLeft(exponent))
                : numerator.shiftLeft(-exponent).compareTo(denominator);
    }
}
