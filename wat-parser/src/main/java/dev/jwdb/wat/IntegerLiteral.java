package dev.jwdb.wat;

/**
 * Integer literals: {@code [+-]? (num | 0x hexnum)}. Like the reference interpreter (and wabt), a value may be
 * written in its signed or its unsigned form, with or without a {@code +}; only {@code -} narrows the range to the
 * signed one.
 */
final class IntegerLiteral {
    private IntegerLiteral() {
    }

    /** The value, as the low {@code bits} of the result (sign-extended for i32). */
    static long parse(String token, int bits, String type) {
        boolean negative = token.startsWith("-");
        int start = negative || token.startsWith("+") ? 1 : 0;
        long magnitude = magnitude(token, start, type, "constant out of range");
        if (negative) {
            if (Long.compareUnsigned(magnitude, 1L << (bits - 1)) > 0) {
                throw outOfRange("constant out of range", token, type);
            }
            return -magnitude;
        }
        if (bits < 64 && Long.compareUnsigned(magnitude, (1L << bits) - 1) > 0) {
            throw outOfRange("constant out of range", token, type);
        }
        return bits == 32 ? (int) magnitude : magnitude;
    }

    /** An unsigned 32-bit number: an index, a limit, or a memarg's offset or alignment. No sign is allowed. */
    static long parseU32(String token) {
        if (token.startsWith("+") || token.startsWith("-")) {
            throw new NumberFormatException("unknown operator: a sign is not allowed in " + token);
        }
        // The spec's scripts expect "i32 constant" for limits and memarg offsets that do not fit.
        long value = magnitude(token, 0, "u32", "i32 constant out of range");
        if (Long.compareUnsigned(value, 0xFFFF_FFFFL) > 0) {
            throw outOfRange("i32 constant out of range", token, "u32");
        }
        return value;
    }

    private static long magnitude(String token, int start, String type, String rangeError) {
        boolean hex = token.startsWith("0x", start);
        String digits = DigitGroups.strip(token, hex ? start + 2 : start, token.length(), hex);
        if (digits == null) {
            throw new NumberFormatException("unknown operator: malformed " + type + " literal " + token);
        }
        try {
            return Long.parseUnsignedLong(digits, hex ? 16 : 10);
        } catch (NumberFormatException tooLarge) {
            throw outOfRange(rangeError, token, type);
        }
    }

    private static NumberFormatException outOfRange(String reason, String token, String type) {
        return new NumberFormatException(reason + ": " + token + " does not fit in " + type);
    }
}
