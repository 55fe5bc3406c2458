package dev.jwdb.debugger;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

/** Reads a value the user typed as a given Wasm type: {@code 10}, {@code -1}, {@code 0xff}, {@code 1.5}, {@code null}. */
final class ValueText {
    private ValueText() {
    }

    static Value parse(ValType type, String text) throws DebugException {
        String t = text.trim().replace("_", "");
        try {
            return switch (type) {
                case I32 -> Value.i32((int) integer(t, 32));
                case I64 -> Value.i64(integer(t, 64));
                case F32 -> Value.f32((float) floating(t));
                case F64 -> Value.f64(floating(t));
                case FUNCREF, EXTERNREF -> {
                    if (t.equals("null")) {
                        yield Value.nullRef(type);
                    }
                    yield Value.ref(type, integer(t, 32) & 0xFFFF_FFFFL);
                }
                case V128 -> v128(t);
            };
        } catch (NumberFormatException e) {
            throw new DebugException("\"" + text + "\" is not " + article(type) + " " + type.text());
        }
    }

    /** {@code i32x4 1 2 3 4}: a shape and its lanes, lane 0 first, as {@code v128.const} takes them. */
    private static Value v128(String t) throws DebugException {
        String[] words = t.split("\\s+");
        LaneShape shape = LaneShape.of(words[0]);
        if (shape == null || words.length != shape.lanes() + 1) {
            throw new DebugException("\"" + t + "\" is not a v128: write a shape and its lanes, in quotes on a"
                    + " command line (\"i32x4 1 2 3 4\", \"f32x4 1.5 0 -1 nan\", \"i8x16 0 1 ... 15\")");
        }
        long low = 0;
        long high = 0;
        int bits = shape.laneBits();
        for (int i = 0; i < shape.lanes(); i++) {
            String lane = words[i + 1];
            long v;
            if (shape == LaneShape.F32X4) {
                v = Float.floatToRawIntBits((float) floating(lane)) & 0xFFFF_FFFFL;
            } else if (shape == LaneShape.F64X2) {
                v = Double.doubleToRawLongBits(floating(lane));
            } else {
                v = integer(lane, 64);
                if (bits < 64 && (v >= 1L << bits || v < -(1L << (bits - 1)))) {
                    throw new DebugException("lane " + i + " of \"" + t + "\": " + lane + " does not fit in "
                            + bits + " bits");
                }
                v = bits < 64 ? v & ((1L << bits) - 1) : v;
            }
            int at = i * bits;
            if (at < 64) {
                low |= v << at;
            } else {
                high |= v << (at - 64);
            }
        }
        return Value.v128(low, high);
    }

    private static String article(ValType type) {
        return type == ValType.I32 || type == ValType.I64 ? "an" : "a";
    }

    /** A decimal or {@code 0x} integer, signed or unsigned, that fits {@code bits}. */
    static long integer(String t, int bits) {
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        long magnitude;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            magnitude = Long.parseUnsignedLong(digits.substring(2), 16);
        } else {
            magnitude = Long.parseUnsignedLong(digits);
        }
        if (bits == 32) {
            boolean fits = negative ? magnitude <= 0x8000_0000L : Long.compareUnsigned(magnitude, 0xFFFF_FFFFL) <= 0;
            if (!fits) {
                throw new NumberFormatException(t);
            }
        } else if (negative && Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0) {
            throw new NumberFormatException(t);
        }
        return negative ? -magnitude : magnitude;
    }

    static double floating(String t) {
        return switch (t) {
            case "nan", "+nan" -> Double.NaN;
            case "-nan" -> -Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> t.matches("[+-]?0[xX].*") && !t.contains("p") && !t.contains("P")
                    ? (double) integer(t, 64) : Double.parseDouble(t);
        };
    }
}
