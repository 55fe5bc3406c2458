package dev.jwdb.wat;

import dev.jwdb.engine.text.FloatText;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The disassembler's float text must read back through the text parser to exactly the same bits, NaNs included. */
class DisassembledLiteralsReadBackTest {

    @Test
    void everyF32BitPatternClassReadsBack() {
        int[] special = {0, 0x80000000, 1, 0x80000001, 0x7fffff, 0x800000, 0x7f7fffff, 0xff7fffff, 0x7f800000,
                0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xffbfffff, 0x7fa00000, 0x3f800000, 0x3dcccccd};
        for (int bits : special) {
            assertEquals(bits, Literals.parseF32Bits(FloatText.f32(bits)), FloatText.f32(bits));
        }
        Random random = new Random(17);
        for (int i = 0; i < 4000; i++) {
            int bits = random.nextInt();
            assertEquals(bits, Literals.parseF32Bits(FloatText.f32(bits)), FloatText.f32(bits));
        }
    }

    @Test
    void everyF64BitPatternClassReadsBack() {
        long[] special = {0, 0x8000000000000000L, 1, 0xfffffffffffffL, 0x10000000000000L, 0x7fefffffffffffffL,
                0x7ff0000000000000L, 0xfff0000000000000L, 0x7ff8000000000000L, 0xfff8000000000000L,
                0x7ff0000000000001L, 0xffffffffffffffffL, 0x3fb999999999999aL};
        for (long bits : special) {
            assertEquals(bits, Literals.parseF64Bits(FloatText.f64(bits)), FloatText.f64(bits));
        }
        Random random = new Random(19);
        for (int i = 0; i < 4000; i++) {
            long bits = random.nextLong();
            assertEquals(bits, Literals.parseF64Bits(FloatText.f64(bits)), FloatText.f64(bits));
        }
    }
}
