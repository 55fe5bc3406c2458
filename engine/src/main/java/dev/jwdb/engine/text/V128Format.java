package dev.jwdb.engine.text;

import dev.jwdb.engine.model.LaneShape;

import java.util.StringJoiner;

/**
 * v128 values as text. For people: the lanes of a shape in brackets, integers in signed decimal and floats as the
 * text format writes them, so NaN payloads stay visible ({@code i32x4 [1 2 3 -1]}, {@code f32x4 [1.5 nan 0 -inf]}).
 * For the disassembler: the {@code v128.const} immediate as wasm2wat writes it, four hexadecimal i32 lanes.
 */
public final class V128Format {
    /** The shape values are shown in unless asked otherwise. */
    public static final LaneShape DEFAULT_SHAPE = LaneShape.I32X4;

    private V128Format() {
    }

    /** {@code SHAPE [lane0 lane1 ...]} for the v128 whose halves are {@code low} (lane 0 on) and {@code high}. */
    public static String format(long low, long high, LaneShape shape) {
        StringJoiner lanes = new StringJoiner(" ", shape.text() + " [", "]");
        for (int i = 0; i < shape.lanes(); i++) {
            long lane = shape.signedLane(low, high, i);
            lanes.add(switch (shape) {
                case F32X4 -> FloatText.f32((int) lane);
                case F64X2 -> FloatText.f64(lane);
                default -> Long.toString(lane);
            });
        }
        return lanes.toString();
    }

    /** The immediate of {@code v128.const} from its 16 bytes: {@code i32x4 0x04030201 0x08070605 ...}. */
    public static String constant(byte[] bytes) {
        StringBuilder out = new StringBuilder("i32x4");
        for (int lane = 0; lane < 4; lane++) {
            int v = 0;
            for (int i = 3; i >= 0; i--) {
                v = v << 8 | (bytes[4 * lane + i] & 0xFF);
            }
            out.append(String.format(" 0x%08x", v));
        }
        return out.toString();
    }
}
