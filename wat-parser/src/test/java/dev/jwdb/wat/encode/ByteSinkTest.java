package dev.jwdb.wat.encode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ByteSinkTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void unsignedNumbersUseTheShortestEncoding() {
        assertArrayEquals(bytes(0x00), new ByteSink().u32(0).toByteArray());
        assertArrayEquals(bytes(0x7F), new ByteSink().u32(127).toByteArray());
        assertArrayEquals(bytes(0x80, 0x01), new ByteSink().u32(128).toByteArray());
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), new ByteSink().u32(-1).toByteArray());
    }

    @Test
    void signedNumbersStopAsSoonAsTheSignBitSaysTheRest() {
        assertArrayEquals(bytes(0x7F), new ByteSink().signed(-1).toByteArray());
        assertArrayEquals(bytes(0x3F), new ByteSink().signed(63).toByteArray());
        assertArrayEquals(bytes(0xC0, 0x00), new ByteSink().signed(64).toByteArray());
        assertArrayEquals(bytes(0x40), new ByteSink().signed(-64).toByteArray());
        assertArrayEquals(bytes(0xBF, 0x7F), new ByteSink().signed(-65).toByteArray());
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
                new ByteSink().signed(Long.MIN_VALUE).toByteArray());
    }

    @Test
    void fixedWidthValuesAreLittleEndian() {
        assertArrayEquals(bytes(0x00, 0x00, 0xC0, 0x7F), new ByteSink().fixed32(0x7FC00000).toByteArray());
        assertArrayEquals(bytes(0x01, 0, 0, 0, 0, 0, 0xF0, 0x7F),
                new ByteSink().fixed64(0x7FF0000000000001L).toByteArray());
    }

    @Test
    void namesAreLengthPrefixedUtf8() {
        assertArrayEquals(bytes(0x03, 'a', 0xC3, 0xA9), new ByteSink().name("aé").toByteArray());
    }
}
