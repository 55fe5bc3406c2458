package dev.jwdb.wat.script;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

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
        // v128 lane patterns come with the SIMD issue; until then no v128 pattern matches.
        return false;
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
        return "v128 " + v.shape() + " " + v.lanes();
    }

    static String describe(Value v) {
        return switch (v.type()) {
            case F32 -> v + " (0x" + Integer.toHexString((int) v.bits()) + ")";
            case F64 -> v + " (0x" + Long.toHexString(v.bits()) + ")";
            default -> v.toString();
        };
    }
}
