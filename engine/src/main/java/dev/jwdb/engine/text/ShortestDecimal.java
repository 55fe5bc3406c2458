package dev.jwdb.engine.text;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The shortest decimal that reads back (rounding to nearest, ties to even) as a given positive finite float, and
 * the closest to it among equally short ones. Digits are generated one at a time from exact integer ratios: the
 * value {@code r/s} and the half-gaps {@code mMinus/s}, {@code mPlus/s} to its neighbours, stopping as soon as the
 * digits so far (or the next one up) fall inside the rounding interval.
 */
final class ShortestDecimal {
    private ShortestDecimal() {
    }

    static BigDecimal of(FloatFormat format, long bits) {
        BigInteger f = format.significand(bits);
        int e = format.binaryExponent(bits);
        // At a power of two the gap to the next value up is twice the gap down (except at the smallest normal,
        // whose lower neighbour is subnormal and equally far); everything is doubled so both half-gaps stay integral.
        boolean powerOfTwo = f.equals(BigInteger.ONE.shiftLeft(format.mantissaBits()));
        boolean aboveSmallestNormal = (bits & format.exponentMask()) > 1L << format.mantissaBits();
        int upperShift = powerOfTwo && aboveSmallestNormal ? 1 : 0;
        BigInteger r;
        BigInteger s;
        BigInteger mPlus;
        BigInteger mMinus;
        if (e >= 0) {
            mMinus = BigInteger.ONE.shiftLeft(e);
            mPlus = mMinus.shiftLeft(upperShift);
            r = f.shiftLeft(e + 1 + upperShift);
            s = BigInteger.TWO.shiftLeft(upperShift);
        } else {
            mMinus = BigInteger.ONE;
            mPlus = BigInteger.ONE.shiftLeft(upperShift);
            r = f.shiftLeft(1 + upperShift);
            s = BigInteger.ONE.shiftLeft(1 - e + upperShift);
        }
        // A midpoint reads back as the even neighbour, so the interval is closed exactly when f is even.
        boolean inclusive = !f.testBit(0);

        // An estimate of the decimal exponent, at most one too small; the check below corrects it.
        int k = (int) Math.ceil(Math.log10(Math.scalb(f.doubleValue(), e)) - 1e-10);
        if (k >= 0) {
            s = s.multiply(BigInteger.TEN.pow(k));
        } else {
            BigInteger scale = BigInteger.TEN.pow(-k);
            r = r.multiply(scale);
            mPlus = mPlus.multiply(scale);
            mMinus = mMinus.multiply(scale);
        }
        if (reachesHigh(r.add(mPlus), s, inclusive)) {
            k++;
        } else {
            r = r.multiply(BigInteger.TEN);
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
        }

        StringBuilder digits = new StringBuilder(17);
        while (true) {
            BigInteger[] qr = r.divideAndRemainder(s);
            int digit = qr[0].intValueExact();
            r = qr[1];
            boolean low = inclusive ? r.compareTo(mMinus) <= 0 : r.compareTo(mMinus) < 0;
            boolean high = reachesHigh(r.add(mPlus), s, inclusive);
            if (!low && !high) {
                digits.append((char) ('0' + digit));
                r = r.multiply(BigInteger.TEN);
                mPlus = mPlus.multiply(BigInteger.TEN);
                mMinus = mMinus.multiply(BigInteger.TEN);
                continue;
            }
            boolean roundUp = low && high ? r.shiftLeft(1).compareTo(s) >= 0 : high;
            digits.append((char) ('0' + digit + (roundUp ? 1 : 0)));
            break;
        }
        // The digits are 0.d1d2... * 10^k.
        return new BigDecimal(new BigInteger(digits.toString()), digits.length() - k);
    }

    private static boolean reachesHigh(BigInteger upper, BigInteger s, boolean inclusive) {
        return inclusive ? upper.compareTo(s) >= 0 : upper.compareTo(s) > 0;
    }
}
