package dev.jwdb.engine.text;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.runtime.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V128FormatTest {
    /** Lanes 1, 2, 3, -1 as i32: low half holds lanes 0 and 1. */
    private static final long LOW = 0x0000_0002_0000_0001L;
    private static final long HIGH = 0xFFFF_FFFF_0000_0003L;

    @Test
    void valuesShowAsI32LanesByDefault() {
        assertEquals("v128:i32x4 [1 2 3 -1]", Value.v128(LOW, HIGH).toString());
    }

    @Test
    void everyShapeReadsTheSameBitsLaneByLane() {
        assertEquals("i8x16 [1 0 0 0 2 0 0 0 3 0 0 0 -1 -1 -1 -1]", V128Format.format(LOW, HIGH, LaneShape.I8X16));
        assertEquals("i16x8 [1 0 2 0 3 0 -1 -1]", V128Format.format(LOW, HIGH, LaneShape.I16X8));
        assertEquals("i64x2 [8589934593 -4294967293]", V128Format.format(LOW, HIGH, LaneShape.I64X2));
    }

    @Test
    void floatLanesKeepNaNPayloadsAndSignedZeros() {
        long low = (long) Float.floatToRawIntBits(-0.0f) << 32 | Float.floatToRawIntBits(1.5f) & 0xFFFF_FFFFL;
        long high = 0x7FA0_0000L << 32 | 0x7F80_0000L;
        assertEquals("f32x4 [1.5 -0 inf nan:0x200000]", V128Format.format(low, high, LaneShape.F32X4));
        assertEquals("f64x2 [0.1 -nan]", V128Format.format(Double.doubleToRawLongBits(0.1), 0xFFF8_0000_0000_0000L,
                LaneShape.F64X2));
    }

    @Test
    void constantsAreWrittenAsWasm2watWritesThem() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 15; i++) {
            bytes[i] = (byte) (i + 1);
        }
        bytes[15] = (byte) 0xFF;
        assertEquals("i32x4 0x04030201 0x08070605 0x0c0b0a09 0xff0f0e0d", V128Format.constant(bytes));
    }
}
