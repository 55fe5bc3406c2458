package dev.jwdb.engine.exec;

/**
 * Integer lane arithmetic on one 64-bit half of a v128 (8 lanes of i8, 4 of i16, 2 of i32 or 1 of i64). Lanewise
 * operations never mix lanes, so a v128 result is the same operation applied to the low halves and to the high
 * halves. Each lane is computed on a long wide enough that no intermediate overflows, then cut to the lane width,
 * which gives wrapping arithmetic for free and leaves saturation as an explicit clamp.
 */
final class IntLanes {
    private IntLanes() {
    }

    /** {@code op} on each pair of {@code bits}-wide lanes of halves {@code a} and {@code b}. */
    static long binary(LaneOp op, int bits, long a, long b) {
        if (bits == 64) {
            return lane(op, 64, a, b);
        }
        long mask = mask(bits);
        long result = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            long lane = lane(op, bits, (a >>> shift) & mask, (b >>> shift) & mask);
            result |= (lane & mask) << shift;
        }
        return result;
    }

    /** abs, neg or popcnt on each lane. */
    static long unary(LaneOp op, int bits, long a) {
        long mask = mask(bits);
        long result = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            long x = (a >>> shift) & mask;
            long sx = signExtend(x, bits);
            long lane = switch (op) {
                // abs of the most negative lane wraps to itself, as the spec's iabs does
                case ABS -> sx < 0 ? -sx : sx;
                case NEG -> -x;
                case POPCNT -> Long.bitCount(x);
                default -> throw new IllegalArgumentException(op + " is not an integer unary lane operation");
            };
            result |= (lane & mask) << shift;
        }
        return result;
    }

    /** shl, shr_s or shr_u of each lane by {@code count} modulo the lane width. */
    static long shift(LaneOp op, int bits, long a, int count) {
        int n = count & (bits - 1);
        long mask = mask(bits);
        long result = 0;
        for (int shift = 0; shift < 64; shift += bits) {
            long x = (a >>> shift) & mask;
            long lane = switch (op) {
                case SHL -> x << n;
                case SHR_S -> signExtend(x, bits) >> n;
                case SHR_U -> x >>> n;
                default -> throw new IllegalArgumentException(op + " is not a shift");
            };
            result |= (lane & mask) << shift;
        }
        return result;
    }

    /** One lane: {@code x} and {@code y} are zero-extended lane values (the raw value for 64-bit lanes). */
    static long lane(LaneOp op, int bits, long x, long y) {
        long sx = signExtend(x, bits);
        long sy = signExtend(y, bits);
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case MIN_S -> Math.min(sx, sy);
            case MIN_U -> Long.compareUnsigned(x, y) <= 0 ? x : y;
            case MAX_S -> Math.max(sx, sy);
            case MAX_U -> Long.compareUnsigned(x, y) >= 0 ? x : y;
            // only for 8- and 16-bit lanes, so the sum cannot overflow
            case AVGR_U -> (x + y + 1) >>> 1;
            case ADD_SAT_S -> saturateSigned(sx + sy, bits);
            case ADD_SAT_U -> Math.min(x + y, mask(bits));
            case SUB_SAT_S -> saturateSigned(sx - sy, bits);
            case SUB_SAT_U -> Math.max(x - y, 0);
            // Q15 fixed point: the rounded product; only -1.0 * -1.0 overflows, to 0x7fff
            case Q15MULR_SAT_S -> saturateSigned((sx * sy + 0x4000) >> 15, bits);
            case EQ -> x == y ? -1 : 0;
            case NE -> x != y ? -1 : 0;
            case LT_S -> sx < sy ? -1 : 0;
            case LT_U -> Long.compareUnsigned(x, y) < 0 ? -1 : 0;
            case GT_S -> sx > sy ? -1 : 0;
            case GT_U -> Long.compareUnsigned(x, y) > 0 ? -1 : 0;
            case LE_S -> sx <= sy ? -1 : 0;
            case LE_U -> Long.compareUnsigned(x, y) <= 0 ? -1 : 0;
            case GE_S -> sx >= sy ? -1 : 0;
            case GE_U -> Long.compareUnsigned(x, y) >= 0 ? -1 : 0;
            default -> throw new IllegalArgumentException(op + " is not an integer binary lane operation");
        };
    }

    static long saturateSigned(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -max - 1;
        return v > max ? max : Math.max(v, min);
    }

    static long saturateUnsigned(long v, int bits) {
        long max = mask(bits);
        return v > max ? max : Math.max(v, 0);
    }

    static long signExtend(long x, int bits) {
        int unused = 64 - bits;
        return x << unused >> unused;
    }

    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }
}
