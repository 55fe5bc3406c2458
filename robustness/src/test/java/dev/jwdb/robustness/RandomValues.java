package dev.jwdb.robustness;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

import java.util.List;
import java.util.Random;

/** Arguments for exported functions: mostly edge values (zero, extremes, NaNs, infinities), some random bits. */
final class RandomValues {
    private static final int[] I32 = {0, 1, -1, 2, 7, 8, 16, 31, 32, 63, 64, 100, 255, 256, 65535, 65536,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF, 0xFFF8};
    private static final long[] I64 = {0, 1, -1, 63, 64, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFF_FFFFL,
            0x1_0000_0000L, 0x8000_0000L};
    private static final float[] F32 = {0f, -0f, 1f, -1f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 2147483648f, -2147483904f, 4294967296f};
    private static final double[] F64 = {0d, -0d, 1d, -1d, 0.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 2147483648d, -2147483649d,
            9223372036854775808d, 4294967296d};

    private RandomValues() {
    }

    static Value[] arguments(List<ValType> types, Random random) {
        Value[] out = new Value[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(types.get(i), random);
        }
        return out;
    }

    static Value value(ValType type, Random random) {
        boolean edge = random.nextInt(3) != 0;
        return switch (type) {
            case I32 -> Value.i32(edge ? I32[random.nextInt(I32.length)] : random.nextInt());
            case I64 -> Value.i64(edge ? I64[random.nextInt(I64.length)] : random.nextLong());
            case F32 -> edge ? Value.f32(F32[random.nextInt(F32.length)]) : Value.f32Bits(random.nextInt());
            case F64 -> edge ? Value.f64(F64[random.nextInt(F64.length)]) : Value.f64Bits(random.nextLong());
            case V128 -> Value.v128(random.nextLong(), random.nextLong());
            default -> Value.nullRef(type);
        };
    }
}
