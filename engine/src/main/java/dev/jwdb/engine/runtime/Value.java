package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.text.V128Format;

/**
 * A typed value at the engine's boundary (arguments, results, globals as seen from outside). Inside the interpreter
 * values are untyped primitive slots; this record is only for the API.
 *
 * <p>{@code bits}: i32 as the int sign-extended, i64 as is, f32 as its raw int bits (zero-extended), f64 as its raw
 * long bits, references as a reference slot ({@link #NULL_REF} for null; a funcref is the store's function address;
 * an externref is the host's value). {@code high} is the upper 64 bits of a v128 (then {@code bits} is the lower).
 */
public record Value(ValType type, long bits, long high) {
    /** The slot value of a null reference. */
    public static final long NULL_REF = -1L;

    public static Value i32(int v) {
        return new Value(ValType.I32, v, 0);
    }

    public static Value i64(long v) {
        return new Value(ValType.I64, v, 0);
    }

    public static Value f32Bits(int bits) {
        return new Value(ValType.F32, bits & 0xFFFFFFFFL, 0);
    }

    public static Value f64Bits(long bits) {
        return new Value(ValType.F64, bits, 0);
    }

    public static Value f32(float v) {
        return f32Bits(Float.floatToRawIntBits(v));
    }

    public static Value f64(double v) {
        return f64Bits(Double.doubleToRawLongBits(v));
    }

    public static Value v128(long low, long high) {
        return new Value(ValType.V128, low, high);
    }

    public static Value nullRef(ValType type) {
        return new Value(type, NULL_REF, 0);
    }

    public static Value ref(ValType type, long slot) {
        return new Value(type, slot, 0);
    }

    /** The default value of a type: zero, or a null reference. */
    public static Value zero(ValType type) {
        return type.isReference() ? nullRef(type) : new Value(type, 0, 0);
    }

    /**
     * The value of an untyped interpreter slot read as {@code type}. i32 and f32 use only the low 32 bits of a slot,
     * so the rest is normalized away here.
     */
    public static Value ofSlot(ValType type, long slot) {
        return switch (type) {
            case I32 -> i32((int) slot);
            case F32 -> f32Bits((int) slot);
            default -> new Value(type, slot, 0);
        };
    }

    public int asI32() {
        return (int) bits;
    }

    public long asI64() {
        return bits;
    }

    public float asF32() {
        return Float.intBitsToFloat((int) bits);
    }

    public double asF64() {
        return Double.longBitsToDouble(bits);
    }

    public boolean isNull() {
        return type.isReference() && bits == NULL_REF;
    }

    /**
     * The value as jwdb prints it: {@code i32:55}, {@code f64:1.5}, {@code funcref:null}, {@code v128:i32x4 [1 2 3 4]}.
     */
    @Override
    public String toString() {
        String v = switch (type) {
            case I32 -> Integer.toString(asI32());
            case I64 -> Long.toString(bits);
            case F32 -> Float.toString(asF32());
            case F64 -> Double.toString(asF64());
            case V128 -> V128Format.format(bits, high, V128Format.DEFAULT_SHAPE);
            case FUNCREF, EXTERNREF -> bits == NULL_REF ? "null" : Long.toString(bits);
        };
        return type.text() + ":" + v;
    }
}
