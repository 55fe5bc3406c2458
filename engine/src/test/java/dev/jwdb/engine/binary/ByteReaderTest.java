package dev.jwdb.engine.binary;

import dev.jwdb.engine.MalformedException;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.binary.WasmBytes.toBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteReaderTest {
    private static ByteReader reader(int... bytes) {
        return new ByteReader(toBytes(bytes));
    }

    private static void assertMalformed(String message, Runnable read) {
        MalformedException e = assertThrows(MalformedException.class, read::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void unsignedAcceptsPaddedEncodingsUpToFiveBytes() {
        assertEquals(2, reader(0x82, 0x80, 0x80, 0x80, 0x00).u32());
        assertEquals(0xFFFFFFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).unsigned(32));
    }

    @Test
    void unsignedRejectsASixthByte() {
        assertMalformed("integer representation too long", () -> reader(0x82, 0x80, 0x80, 0x80, 0x80, 0x00).u32());
    }

    @Test
    void unsignedRejectsBitsBeyond32() {
        assertMalformed("integer too large", () -> reader(0x80, 0x80, 0x80, 0x80, 0x10).u32());
    }

    @Test
    void signed32SignExtendsAndChecksTheUnusedBitsOfTheLastByte() {
        assertEquals(-1, reader(0x7F).s32());
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).s32());
        assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).s32());
        assertMalformed("integer too large", () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x4F).s32());
        assertMalformed("integer too large", () -> reader(0x80, 0x80, 0x80, 0x80, 0x08).s32());
    }

    @Test
    void signed64ReachesBothExtremes() {
        assertEquals(Long.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).s64());
        assertEquals(Long.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).s64());
        assertMalformed("integer too large",
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).s64());
        assertMalformed("integer representation too long",
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s64());
    }

    @Test
    void signed33HoldsEveryU32TypeIndex() {
        assertEquals(0xFFFFFFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s33());
        assertEquals(-64, reader(0x40).s33());
    }

    @Test
    void aCountLargerThanTheRestOfTheModuleIsRefusedBeforeAnythingIsRead() {
        assertMalformed("length out of bounds", () -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00).count());
    }

    @Test
    void readingPastTheEndIsAnUnexpectedEnd() {
        assertMalformed("unexpected end of section or function", () -> reader(0x80).u32());
        assertMalformed("unexpected end of section or function", () -> reader(0x01).bytes(2));
    }

    @Test
    void namesMustBeStrictUtf8() {
        assertEquals("é", reader(0x02, 0xC3, 0xA9).name());
        // Overlong encoding of '/', and a UTF-16 surrogate encoded directly.
        assertMalformed("malformed UTF-8 encoding", () -> reader(0x02, 0xC0, 0xAF).name());
        assertMalformed("malformed UTF-8 encoding", () -> reader(0x03, 0xED, 0xA0, 0x80).name());
        assertMalformed("malformed UTF-8 encoding", () -> reader(0x04, 0xF4, 0x90, 0x80, 0x80).name());
    }
}
