package dev.jwdb.engine.exec;

import static dev.jwdb.engine.exec.IntLanes.mask;
import static dev.jwdb.engine.exec.IntLanes.signExtend;

/**
 * The SIMD instructions that change lane width or type: narrow, extend, extmul, extadd_pairwise, dot, and the
 * int/float conversions. Each helper produces one 64-bit half of the result from the input it needs (a whole vector
 * for narrow, a 32-bit quarter for extend), so the interpreter calls it once per result half.
 */
final class LaneConversions {
    private LaneConversions() {
    }

    /**
     * Half of a narrow: the {@code fromBits} lanes of the vector (low, high), read as signed and saturated to half
     * their width, signed or unsigned. Narrowing to unsigned still reads the input as signed, so negative lanes
     * become 0.
     */
    static long narrow(int fromBits, boolean toUnsigned, long low, long high) {
        int toBits = fromBits / 2;
        int perHalf = 64 / fromBits;
        long result = 0;
        for (int i = 0; i < 2 * perHalf; i++) {
            long half = i < perHalf ? low : high;
            long x = signExtend((half >>> (i % perHalf * fromBits)) & mask(fromBits), fromBits);
            long y = toUnsigned ? IntLanes.saturateUnsigned(x, toBits) : IntLanes.saturateSigned(x, toBits);
            result |= (y & mask(toBits)) << (i * toBits);
        }
        return result;
    }

    /** The {@code fromBits} lanes in the low 32 bits of {@code quarter}, each extended to twice its width. */
    static long extend(int fromBits, boolean signed, long quarter) {
        int toBits = 2 * fromBits;
        long result = 0;
        for (int i = 0; i < 32 / fromBits; i++) {
            long x = (quarter >>> (i * fromBits)) & mask(fromBits);
            if (signed) {
                x = signExtend(x, fromBits);
            }
            result |= (x & mask(toBits)) << (i * toBits);
        }
        return result;
    }

    /**
     * Extended multiplication of the lanes in the low 32 bits of {@code a} and {@code b}. The double-width product
     * of two extended lanes is exact (an i32 × i32 product is kept modulo 2^64, which is exact for the lane).
     */
    static long extendedMultiply(int fromBits, boolean signed, long a, long b) {
        int toBits = 2 * fromBits;
        long result = 0;
        for (int i = 0; i < 32 / fromBits; i++) {
            long x = (a >>> (i * fromBits)) & mask(fromBits);
            long y = (b >>> (i * fromBits)) & mask(fromBits);
            if (signed) {
                x = signExtend(x, fromBits);
                y = signExtend(y, fromBits);
            }
            result |= (x * y & mask(toBits)) << (i * toBits);
        }
        return result;
    }

    /** Each pair of adjacent {@code fromBits} lanes of a half added into one lane of twice the width. */
    static long extendedPairwiseAdd(int fromBits, boolean signed, long half) {
        int toBits = 2 * fromBits;
        long result = 0;
        for (int i = 0; i < 64 / toBits; i++) {
            long x = (half >>> (2 * i * fromBits)) & mask(fromBits);
            long y = (half >>> ((2 * i + 1) * fromBits)) & mask(fromBits);
            if (signed) {
                x = signExtend(x, fromBits);
                y = signExtend(y, fromBits);
            }
            result |= ((x + y) & mask(toBits)) << (i * toBits);
        }
        return result;
    }

    /** i32x4.dot_i16x8_s on a half: each i32 lane is the sum of two signed i16 products, wrapping. */
    static long dot(long a, long b) {
        long result = 0;
        for (int i = 0; i < 2; i++) {
            long sum = 0;
            for (int j = 2 * i; j < 2 * i + 2; j++) {
                sum += (long) (short) (a >>> (16 * j)) * (short) (b >>> (16 * j));
            }
            result |= (sum & 0xFFFF_FFFFL) << (32 * i);
        }
        return result;
    }

    /** Two i32 lanes of a half to f32, signed or unsigned, each rounded to nearest. */
    static long f32FromI32(boolean signed, long half) {
        return pack32(f32FromI32(signed, (int) half), f32FromI32(signed, (int) (half >>> 32)));
    }

    private static int f32FromI32(boolean signed, int x) {
        return Float.floatToRawIntBits(signed ? (float) x : (float) (x & 0xFFFF_FFFFL));
    }

    /** The i32 lane at bit 0 of {@code lane} converted exactly to f64. */
    static long f64FromI32(boolean signed, long lane) {
        int x = (int) lane;
        return Double.doubleToRawLongBits(signed ? (double) x : (double) (x & 0xFFFF_FFFFL));
    }

    /** Two f32 lanes of a half truncated to i32 with saturation (NaN to 0). */
    static long i32FromF32Saturating(boolean signed, long half) {
        return pack32(truncSat(signed, Float.intBitsToFloat((int) half)),
                truncSat(signed, Float.intBitsToFloat((int) (half >>> 32))));
    }

    /** The f64 lane {@code bits} truncated to i32 with saturation, in the low 32 bits. */
    static long i32FromF64Saturating(boolean signed, long bits) {
        return truncSat(signed, Double.longBitsToDouble(bits)) & 0xFFFF_FFFFL;
    }

    private static int truncSat(boolean signed, double x) {
        return signed ? Numerics.i32TruncSatS(x) : Numerics.i32TruncSatU(x);
    }

    /** Two f64 lanes (one per half) demoted into the two f32 lanes of one half. */
    static long demote(long low, long high) {
        return pack32(Numerics.f32DemoteF64(low), Numerics.f32DemoteF64(high));
    }

    static long pack32(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }
}
