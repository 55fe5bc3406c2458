package dev.jwdb.debugger;

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
                case V128 -> throw new DebugException("v128 values cannot be typed in yet");
            };
        } catch (NumberFormatException e) {
            throw new DebugException("\"" + text + "\" is not " + article(type) + " " + type.text());
        }
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
