package dev.jwdb.wat.script;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.FloatText;
import java.util.stream.Collectors;

/** Compares a result with an expected value of {@code assert_return}, bit for bit, NaN patterns included. */
final class ResultMatcher {
    private ResultMatcher() {
    }

    static boolean matches(Expected expected, Value actual) {
        if (expected instanceof Expected.Exact e) {
            return e.value().type() == actual.type() && sameBits(e.value(), actual);
        } else if (expected instanceof Expected.CanonicalNan n) {
            return n.type() == actual.type() && isCanonicalNan(actual.type(), actual.bits());
        } else if (expected instanceof Expected.ArithmeticNan n) {
            return n.type() == actual.type() && isArithmeticNan(actual.type(), actual.bits());
        } else if (expected instanceof Expected.AnyRef r) {
            return r.type() == actual.type() && !actual.isNull();
        }
        return matchesLanes((Expected.V128Lanes) expected, actual);
    }

    /** Each lane of the v128 against its own expectation, read as an f32 or f64 value of the lane's bits. */
    private static boolean matchesLanes(Expected.V128Lanes expected, Value actual) {
        LaneShape shape = LaneShape.of(expected.shape());
        if (actual.type() != ValType.V128 || shape == null || expected.lanes().size() != shape.lanes()) {
            return false;
        }
        for (int i = 0; i < shape.lanes(); i++) {
            long lane = shape.lane(actual.bits(), actual.high(), i);
            Value laneValue = switch (shape) {
                case F32X4 -> Value.f32Bits((int) lane);
                case F64X2 -> Value.f64Bits(lane);
                default -> Value.i64(lane);
            };
            if (!matches(expected.lanes().get(i), laneValue)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBits(Value expected, Value actual) {
        return switch (expected.type()) {
            case I32, F32 -> (int) expected.bits() == (int) actual.bits();
            case V128 -> expected.bits() == actual.bits() && expected.high() == actual.high();
            default -> expected.bits() == actual.bits();
        };
    }

    static boolean isCanonicalNan(ValType type, long bits) {
        return type == ValType.F32
                ? ((int) bits & 0x7FFFFFFF) == 0x7FC00000
                : (bits & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
    }

    static boolean isArithmeticNan(ValType type, long bits) {
        return type == ValType.F32
                ? ((int) bits & 0x7FC00000) == 0x7FC00000
                : (bits & 0x7FF8000000000000L) == 0x7FF8000000000000L;
    }

    static String describe(Expected expected) {
        if (expected instanceof Expected.Exact e) {
            return describe(e.value());
        } else if (expected instanceof Expected.CanonicalNan n) {
            return n.type() + ":nan:canonical";
        } else if (expected instanceof Expected.ArithmeticNan n) {
            return n.type() + ":nan:arithmetic";
        } else if (expected instanceof Expected.AnyRef r) {
            return r.type() + ":non-null";
        }
        Expected.V128Lanes v = (Expected.V128Lanes) expected;
        return "v128:" + v.shape() + " " + v.lanes().stream().map(ResultMatcher::describeLane)
                .collect(Collectors.joining(" ", "[", "]"));
    }

    private static String describeLane(Expected lane) {
        if (lane instanceof Expected.Exact e) {
            return e.value().type() == ValType.F32 ? FloatText.f32((int) e.value().bits())
                    : FloatText.f64(e.value().bits());
        }
        return lane instanceof Expected.CanonicalNan ? "nan:canonical" : "nan:arithmetic";
    }

    static String describe(Value v) {
        return switch (v.type()) {
            case F32 -> v + " (0x" + Integer.toHexString((int) v.bits()) + ")";
            case F64 -> v + " (0x" + Long.toHexString(v.bits()) + ")";
            default -> v.toString();
        };
    }
}
