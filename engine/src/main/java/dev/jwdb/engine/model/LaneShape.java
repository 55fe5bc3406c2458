package dev.jwdb.engine.model;

/**
 * How a v128 is read as lanes: the six shapes of the text format ({@code i8x16} ... {@code f64x2}). Lane 0 is the
 * lowest-addressed one, as in memory, so in the two 64-bit halves of a v128 (low, high) lane {@code i} of
 * {@code bits} width sits in half {@code i * bits / 64} at bit {@code i * bits % 64}.
 */
public enum LaneShape {
    I8X16("i8x16", 8, false),
    I16X8("i16x8", 16, false),
    I32X4("i32x4", 32, false),
    I64X2("i64x2", 64, false),
    F32X4("f32x4", 32, true),
    F64X2("f64x2", 64, true);

    private final String text;
    private final int laneBits;
    private final boolean floating;

    LaneShape(String text, int laneBits, boolean floating) {
        this.text = text;
        this.laneBits = laneBits;
        this.floating = floating;
    }

    public String text() {
        return text;
    }

    public int laneBits() {
        return laneBits;
    }

    public int lanes() {
        return 128 / laneBits;
    }

    public boolean isFloat() {
        return floating;
    }

    /** The shape spelled {@code text} ({@code "i32x4"}), or null. */
    public static LaneShape of(String text) {
        for (LaneShape s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        return null;
    }

    /** The shape an instruction's mnemonic starts with ({@code i16x8.add} → I16X8), or null ({@code v128.and}). */
    public static LaneShape of(Opcode op) {
        String mnemonic = op.mnemonic();
        int dot = mnemonic.indexOf('.');
        return dot < 0 ? null : of(mnemonic.substring(0, dot));
    }

    /** Lane {@code lane} of the v128 (low, high), zero-extended to a long. */
    public long lane(long low, long high, int lane) {
        int bit = lane * laneBits;
        long half = bit < 64 ? low : high;
        long value = half >>> (bit & 63);
        return laneBits == 64 ? value : value & ((1L << laneBits) - 1);
    }

    /** Lane {@code lane} sign-extended from its width to a long (the raw bits for a float shape). */
    public long signedLane(long low, long high, int lane) {
        long value = lane(low, high, lane);
        int unused = 64 - laneBits;
        return floating ? value : value << unused >> unused;
    }
}
