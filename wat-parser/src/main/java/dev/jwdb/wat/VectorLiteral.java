package dev.jwdb.wat;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.text.FloatFormat;
import java.util.List;

/**
 * The lanes of {@code v128.const SHAPE lane...}: one literal per lane of the shape, each read as that lane type
 * (so an i8x16 lane takes -128..255), packed little-endian into 16 bytes with lane 0 first.
 */
final class VectorLiteral {
    static final String WRONG_LANE_COUNT = "wrong number of lane literals";

    private VectorLiteral() {
    }

    /** The 16 bytes for {@code lanes} in {@code shape}; a bad lane throws {@link NumberFormatException}. */
    static byte[] parse(LaneShape shape, List<String> lanes) {
        if (lanes.size() != shape.lanes()) {
            throw new NumberFormatException(WRONG_LANE_COUNT + ": " + shape.text() + " has " + shape.lanes()
                    + " lanes, got " + lanes.size());
        }
        long[] values = new long[lanes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = lane(shape, lanes.get(i));
        }
        return pack(shape, values);
    }

    /** One lane's bits (only the low {@code laneBits} matter). */
    static long lane(LaneShape shape, String literal) {
        return switch (shape) {
            case I8X16 -> IntegerLiteral.parse(literal, 8, "i8");
            case I16X8 -> IntegerLiteral.parse(literal, 16, "i16");
            case I32X4 -> IntegerLiteral.parse(literal, 32, "i32");
            case I64X2 -> IntegerLiteral.parse(literal, 64, "i64");
            case F32X4 -> FloatLiteral.parse(literal, FloatFormat.F32);
            case F64X2 -> FloatLiteral.parse(literal, FloatFormat.F64);
        };
    }

    static byte[] pack(LaneShape shape, long[] lanes) {
        byte[] bytes = new byte[16];
        int laneBytes = shape.laneBits() / 8;
        for (int i = 0; i < lanes.length; i++) {
            for (int b = 0; b < laneBytes; b++) {
                bytes[i * laneBytes + b] = (byte) (lanes[i] >>> (8 * b));
            }
        }
        return bytes;
    }
}
