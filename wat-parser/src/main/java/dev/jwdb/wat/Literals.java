package dev.jwdb.wat;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.text.FloatFormat;
import java.util.List;

/**
 * The text format's literal tokens turned into values. Errors carry the spec's own wording at the start of their
 * message, so that a script runner can match {@code assert_malformed} expectations:
 * <ul>
 *   <li>{@code "unknown operator"}: the token is not a literal of that kind at all (bad digits, misplaced {@code _});
 *   <li>{@code "constant out of range"}: a well-formed number that does not fit, a float that rounds beyond the
 *       largest finite value, or a NaN payload that is zero or too wide ({@code "i32 constant out of range"} for
 *       u32 values);
 *   <li>{@code "malformed UTF-8 encoding"}: a name whose bytes are not UTF-8.
 * </ul>
 * Numbers throw {@link NumberFormatException}; strings throw {@link IllegalArgumentException}.
 */
public final class Literals {
    private Literals() {
    }

    /** An i32 in signed ({@code -2^31..2^31-1}) or unsigned ({@code 0..2^32-1}) form; the result wraps to int. */
    public static int parseI32(String token) {
        return (int) IntegerLiteral.parse(token, 32, "i32");
    }

    /** An i64 in signed or unsigned form; the result wraps to long. */
    public static long parseI64(String token) {
        return IntegerLiteral.parse(token, 64, "i64");
    }

    /** The raw IEEE bits of an f32 literal, correctly rounded to nearest even. */
    public static int parseF32Bits(String token) {
        return (int) FloatLiteral.parse(token, FloatFormat.F32);
    }

    /** The raw IEEE bits of an f64 literal, correctly rounded to nearest even. */
    public static long parseF64Bits(String token) {
        return FloatLiteral.parse(token, FloatFormat.F64);
    }

    /**
     * The 16 bytes of {@code v128.const SHAPE lanes...}: {@code shape} is {@code i8x16} ... {@code f64x2} and there
     * must be one literal per lane ({@code "wrong number of lane literals"} otherwise).
     */
    public static byte[] parseV128(String shape, List<String> lanes) {
        LaneShape laneShape = LaneShape.of(shape);
        if (laneShape == null) {
            throw new NumberFormatException("unexpected token: " + shape + " is not a lane shape");
        }
        return VectorLiteral.parse(laneShape, lanes);
    }

    /** An index, a limit, or a memarg {@code offset=}/{@code align=} value: unsigned, {@code 0..2^32-1}. */
    public static long parseU32(String token) {
        return IntegerLiteral.parseU32(token);
    }

    /** The bytes a string token (quotes included) stands for; any bytes, not necessarily UTF-8. */
    public static byte[] parseString(String tokenWithQuotes) {
        return StringLiteral.bytes(tokenWithQuotes);
    }

    /** A name: a string token whose bytes must be well-formed UTF-8. */
    public static String parseName(String tokenWithQuotes) {
        return StringLiteral.name(tokenWithQuotes);
    }
}
