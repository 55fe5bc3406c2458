package dev.jwdb.engine.exec;

/**
 * Float lane arithmetic on one 64-bit half of a v128 (two f32 lanes or one f64 lane), on raw bits so that NaN
 * payloads travel as the scalar instructions let them. Comparisons give all-ones or all-zero lanes. min and max are
 * the scalar instructions' (NaN-propagating, -0 below +0); pmin and pmax are the "pseudo" forms defined as
 * {@code b < a ? b : a} and {@code a < b ? b : a}, which return the first operand when either is NaN.
 */
final class FloatLanes {
    private FloatLanes() {
    }

    static long binary(LaneOp op, boolean f64, long a, long b) {
        if (f64) {
            return f64(op, a, b);
        }
        long low = f32(op, (int) a, (int) b) & 0xFFFF_FFFFL;
        long high = f32(op, (int) (a >>> 32), (int) (b >>> 32));
        return low | high << 32;
    }

    static long unary(LaneOp op, boolean f64, long a) {
        if (f64) {
            return f64(op, a);
        }
        long low = f32(op, (int) a) & 0xFFFF_FFFFL;
        long high = f32(op, (int) (a >>> 32));
        return low | high << 32;
    }

    static int f32(LaneOp op, int x, int y) {
        float a = Float.intBitsToFloat(x);
        float b = Float.intBitsToFloat(y);
        return switch (op) {
            case ADD -> Float.floatToRawIntBits(a + b);
            case SUB -> Float.floatToRawIntBits(a - b);
            case MUL -> Float.floatToRawIntBits(a * b);
            case DIV -> Float.floatToRawIntBits(a / b);
            case MIN -> Numerics.f32Min(x, y);
            case MAX -> Numerics.f32Max(x, y);
            case PMIN -> b < a ? y : x;
            case PMAX -> a < b ? y : x;
            case EQ -> a == b ? -1 : 0;
            case NE -> a != b ? -1 : 0;
            case LT -> a < b ? -1 : 0;
            case GT -> a > b ? -1 : 0;
            case LE -> a <= b ? -1 : 0;
            case GE -> a >= b ? -1 : 0;
            default -> throw new IllegalArgumentException(op + " is not a float binary lane operation");
        };
    }

    static long f64(LaneOp op, long x, long y) {
        double a = Double.longBitsToDouble(x);
        double b = Double.longBitsToDouble(y);
        return switch (op) {
            case ADD -> Double.doubleToRawLongBits(a + b);
            case SUB -> Double.doubleToRawLongBits(a - b);
            case MUL -> Double.doubleToRawLongBits(a * b);
            case DIV -> Double.doubleToRawLongBits(a / b);
            case MIN -> Numerics.f64Min(x, y);
            case MAX -> Numerics.f64Max(x, y);
            case PMIN -> b < a ? y : x;
            case PMAX -> a < b ? y : x;
            case EQ -> a == b ? -1 : 0;
            case NE -> a != b ? -1 : 0;
            case LT -> a < b ? -1 : 0;
            case GT -> a > b ? -1 : 0;
            case LE -> a <= b ? -1 : 0;
            case GE -> a >= b ? -1 : 0;
            default -> throw new IllegalArgumentException(op + " is not a float binary lane operation");
        };
    }

    static int f32(LaneOp op, int x) {
        return switch (op) {
            case ABS -> Numerics.f32Abs(x);
            case NEG -> Numerics.f32Neg(x);
            case SQRT -> Numerics.f32Sqrt(x);
            case CEIL -> Numerics.f32Ceil(x);
            case FLOOR -> Numerics.f32Floor(x);
            case TRUNC -> Numerics.f32Trunc(x);
            case NEAREST -> Numerics.f32Nearest(x);
            default -> throw new IllegalArgumentException(op + " is not a float unary lane operation");
        };
    }

    static long f64(LaneOp op, long x) {
        return switch (op) {
            case ABS -> Numerics.f64Abs(x);
            case NEG -> Numerics.f64Neg(x);
            case SQRT -> Numerics.f64Sqrt(x);
            case CEIL -> Numerics.f64Ceil(x);
            case FLOOR -> Numerics.f64Floor(x);
            case TRUNC -> Numerics.f64Trunc(x);
            case NEAREST -> Numerics.f64Nearest(x);
            default -> throw new IllegalArgumentException(op + " is not a float unary lane operation");
        };
    }
}
