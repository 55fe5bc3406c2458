package dev.jwdb.engine.exec;

import dev.jwdb.engine.TrapException;

/**
 * WebAssembly numeric operators whose Java counterparts differ from the spec: trapping division, truncations,
 * NaN-aware min/max, rounding, and conversions that Java would round twice. Floats are passed as raw bits so that
 * NaN payloads are never touched by the JVM where the spec says they must survive.
 */
public final class Numerics {
    public static final String DIVIDE_BY_ZERO = "integer divide by zero";
    public static final String INTEGER_OVERFLOW = "integer overflow";
    public static final String INVALID_CONVERSION = "invalid conversion to integer";

    private static final int F32_SIGN = 0x8000_0000;
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;
    private static final double TWO_POW_63 = 9223372036854775808.0;

    private Numerics() {
    }

    // ---- integer division ----

    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new TrapException(INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    /** Java's {@code %} already yields 0 for MIN_VALUE % -1, which is what the spec wants. */
    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new TrapException(INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new TrapException(DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // ---- trapping truncations; every f32 is exactly representable as a double, so one set of bounds serves ----

    public static int i32TruncS(double x) {
        checkTruncatable(x, -2147483649.0, 2147483648.0);
        return (int) x;
    }

    public static int i32TruncU(double x) {
        checkTruncatable(x, -1.0, 4294967296.0);
        return (int) (long) x;
    }

    public static long i64TruncS(double x) {
        // -2^63 - 1 is not a double; the next double below -2^63 is already out of range, so the bound is inclusive
        if (Double.isNaN(x)) {
            throw new TrapException(INVALID_CONVERSION);
        }
        if (!(x >= -TWO_POW_63 && x < TWO_POW_63)) {
            throw new TrapException(INTEGER_OVERFLOW);
        }
        return (long) x;
    }

    public static long i64TruncU(double x) {
        checkTruncatable(x, -1.0, 18446744073709551616.0);
        return unsignedLongOf(x);
    }

    /** Valid inputs truncate into the open interval (lowExclusive, highExclusive). */
    private static void checkTruncatable(double x, double lowExclusive, double highExclusive) {
        if (Double.isNaN(x)) {
            throw new TrapException(INVALID_CONVERSION);
        }
        if (!(x > lowExclusive && x < highExclusive)) {
            throw new TrapException(INTEGER_OVERFLOW);
        }
    }

    private static long unsignedLongOf(double x) {
        return x < TWO_POW_63 ? (long) x : (long) (x - TWO_POW_63) ^ Long.MIN_VALUE;
    }

    // ---- saturating truncations ----

    /** Java's narrowing already saturates and maps NaN to 0, exactly as trunc_sat_s requires. */
    public static int i32TruncSatS(double x) {
        return (int) x;
    }

    public static int i32TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0;
        }
        return x >= 4294967296.0 ? -1 : (int) (long) x;
    }

    public static long i64TruncSatS(double x) {
        return (long) x;
    }

    public static long i64TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0;
        }
        return x >= 18446744073709551616.0 ? -1L : unsignedLongOf(x);
    }

    // ---- integer to float conversions ----

    public static float f32ConvertI64U(long v) {
        if (v >= 0) {
            return (float) v;
        }
        // halve, keeping the lost bit as a sticky bit so the single rounding of the conversion stays correct
        return (float) ((v >>> 1) | (v & 1)) * 2.0f;
    }

    public static double f64ConvertI64U(long v) {
        if (v >= 0) {
            return (double) v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    // ---- f32 operators on raw bits ----

    public static boolean f32IsNaN(int bits) {
        return (bits & 0x7FFF_FFFF) > 0x7F80_0000;
    }

    public static int f32Min(int a, int b) {
        if (f32IsNaN(a)) {
            return a | F32_QUIET;
        }
        if (f32IsNaN(b)) {
            return b | F32_QUIET;
        }
        return Float.floatToRawIntBits(Math.min(Float.intBitsToFloat(a), Float.intBitsToFloat(b)));
    }

    public static int f32Max(int a, int b) {
        if (f32IsNaN(a)) {
            return a | F32_QUIET;
        }
        if (f32IsNaN(b)) {
            return b | F32_QUIET;
        }
        return Float.floatToRawIntBits(Math.max(Float.intBitsToFloat(a), Float.intBitsToFloat(b)));
    }

    public static int f32Ceil(int a) {
        return f32IsNaN(a) ? a | F32_QUIET : Float.floatToRawIntBits((float) Math.ceil(Float.intBitsToFloat(a)));
    }

    public static int f32Floor(int a) {
        return f32IsNaN(a) ? a | F32_QUIET : Float.floatToRawIntBits((float) Math.floor(Float.intBitsToFloat(a)));
    }

    public static int f32Trunc(int a) {
        if (f32IsNaN(a)) {
            return a | F32_QUIET;
        }
        float f = Float.intBitsToFloat(a);
        // Math.ceil keeps the sign of -0.5 -> -0.0, which trunc needs
        return Float.floatToRawIntBits((float) (f < 0 ? Math.ceil(f) : Math.floor(f)));
    }

    public static int f32Nearest(int a) {
        return f32IsNaN(a) ? a | F32_QUIET : Float.floatToRawIntBits((float) Math.rint(Float.intBitsToFloat(a)));
    }

    /** Rounding the double square root to float is exact here: 53 bits are more than twice 24 plus two. */
    public static int f32Sqrt(int a) {
        return f32IsNaN(a) ? a | F32_QUIET : Float.floatToRawIntBits((float) Math.sqrt(Float.intBitsToFloat(a)));
    }

    public static int f32Abs(int a) {
        return a & ~F32_SIGN;
    }

    public static int f32Neg(int a) {
        return a ^ F32_SIGN;
    }

    public static int f32Copysign(int a, int b) {
        return (a & ~F32_SIGN) | (b & F32_SIGN);
    }

    /** Spelled out on bits so that NaN payloads map the same way on every JVM. */
    public static int f32DemoteF64(long a) {
        if (f64IsNaN(a)) {
            int sign = (int) (a >>> 32) & F32_SIGN;
            return sign | 0x7F80_0000 | F32_QUIET | (int) ((a & 0x000F_FFFF_FFFF_FFFFL) >>> 29);
        }
        return Float.floatToRawIntBits((float) Double.longBitsToDouble(a));
    }

    // ---- f64 operators on raw bits ----

    public static boolean f64IsNaN(long bits) {
        return (bits & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L;
    }

    public static long f64Min(long a, long b) {
        if (f64IsNaN(a)) {
            return a | F64_QUIET;
        }
        if (f64IsNaN(b)) {
            return b | F64_QUIET;
        }
        return Double.doubleToRawLongBits(Math.min(Double.longBitsToDouble(a), Double.longBitsToDouble(b)));
    }

    public static long f64Max(long a, long b) {
        if (f64IsNaN(a)) {
            return a | F64_QUIET;
        }
        if (f64IsNaN(b)) {
            return b | F64_QUIET;
        }
        return Double.doubleToRawLongBits(Math.max(Double.longBitsToDouble(a), Double.longBitsToDouble(b)));
    }

    public static long f64Ceil(long a) {
        return f64IsNaN(a) ? a | F64_QUIET : Double.doubleToRawLongBits(Math.ceil(Double.longBitsToDouble(a)));
    }

    public static long f64Floor(long a) {
        return f64IsNaN(a) ? a | F64_QUIET : Double.doubleToRawLongBits(Math.floor(Double.longBitsToDouble(a)));
    }

    public static long f64Trunc(long a) {
        if (f64IsNaN(a)) {
            return a | F64_QUIET;
        }
        double d = Double.longBitsToDouble(a);
        return Double.doubleToRawLongBits(d < 0 ? Math.ceil(d) : Math.floor(d));
    }

    public static long f64Nearest(long a) {
        return f64IsNaN(a) ? a | F64_QUIET : Double.doubleToRawLongBits(Math.rint(Double.longBitsToDouble(a)));
    }

    public static long f64Sqrt(long a) {
        return f64IsNaN(a) ? a | F64_QUIET : Double.doubleToRawLongBits(Math.sqrt(Double.longBitsToDouble(a)));
    }

    public static long f64Abs(long a) {
        return a & ~F64_SIGN;
    }

    public static long f64Neg(long a) {
        return a ^ F64_SIGN;
    }

    public static long f64Copysign(long a, long b) {
        return (a & ~F64_SIGN) | (b & F64_SIGN);
    }

    public static long f64PromoteF32(int a) {
        if (f32IsNaN(a)) {
            long sign = (long) (a & F32_SIGN) << 32;
            return sign | 0x7FF0_0000_0000_0000L | F64_QUIET | (long) (a & 0x007F_FFFF) << 29;
        }
        return Double.doubleToRawLongBits(Float.intBitsToFloat(a));
    }
}
