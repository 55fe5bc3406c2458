package dev.jwdb.engine.binary;

import dev.jwdb.engine.MalformedException;
import org.junit.jupiter.api.Test;

import static dev.jwdb.engine.binary.WasmBytes.b;
import static dev.jwdb.engine.binary.WasmBytes.cat;
import static dev.jwdb.engine.binary.WasmBytes.module;
import static dev.jwdb.engine.binary.WasmBytes.name;
import static dev.jwdb.engine.binary.WasmBytes.section;
import static dev.jwdb.engine.binary.WasmBytes.toBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/** Malformed inputs the spec scripts do not cover, or cover only by message; here the offset matters too. */
class MalformedModuleTest {
    private static final int[] TYPE_VOID = section(1, b(0x01, 0x60, 0x00, 0x00));
    private static final int[] ONE_FUNCTION = section(3, b(0x01, 0x00));

    private static MalformedException malformed(byte[] bytes) {
        return assertThrows(MalformedException.class, () -> BinaryDecoder.decode(bytes));
    }

    private static void assertMessageStarts(String expected, byte[] bytes) {
        String actual = malformed(bytes).getMessage();
        assertTrue(actual.startsWith(expected), "expected \"" + expected + "\" but got \"" + actual + "\"");
    }

    @Test
    void aWrongMagicIsReportedAtOffsetZero() {
        MalformedException e = malformed(toBytes(b(0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00)));
        assertEquals("magic header not detected", e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void aVectorDeclaringFourBillionEntriesFailsQuicklyWithoutAllocating() {
        byte[] bytes = module(section(1, b(0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
        MalformedException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> malformed(bytes));
        assertEquals("length out of bounds", e.getMessage());
    }

    @Test
    void fourBillionLocalsAreRefusedWithoutBeingExpanded() {
        byte[] bytes = module(TYPE_VOID, ONE_FUNCTION,
                section(10, b(0x01, 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B)));
        MalformedException e = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> malformed(bytes));
        assertEquals("too many locals", e.getMessage());
    }

    @Test
    void localsUpToTheLimitAreAccepted() {
        int[] count = WasmBytes.u32(FunctionBodyDecoder.MAX_LOCALS);
        int[] body = cat(b(0x01), count, b(0x7F, 0x0B));
        byte[] bytes = module(TYPE_VOID, ONE_FUNCTION, section(10, b(0x01, body.length), body));
        assertEquals(FunctionBodyDecoder.MAX_LOCALS, BinaryDecoder.decode(bytes).functions().get(0).locals().size());
    }

    @Test
    void anUnknownOpcodeIsAnIllegalOpcodeAtItsOffset() {
        byte[] bytes = module(TYPE_VOID, ONE_FUNCTION, section(10, b(0x01, 0x03, 0x00, 0x06, 0x0B)));
        MalformedException e = malformed(bytes);
        assertTrue(e.getMessage().startsWith("illegal opcode"));
        assertEquals(bytes.length - 2, e.offset());
    }

    @Test
    void anUnknownPrefixedOpcodeIsIllegalToo() {
        assertMessageStarts("illegal opcode",
                module(TYPE_VOID, ONE_FUNCTION, section(10, b(0x01, 0x04, 0x00, 0xFC, 0x12, 0x0B))));
    }

    @Test
    void elseOutsideAnIfNeedsAnEnd() {
        assertMessageStarts("END opcode expected",
                module(TYPE_VOID, ONE_FUNCTION, section(10, b(0x01, 0x05, 0x00, 0x02, 0x40, 0x05, 0x0B))));
    }

    @Test
    void aSecondElseInTheSameIfNeedsAnEnd() {
        assertMessageStarts("END opcode expected", module(TYPE_VOID, ONE_FUNCTION,
                section(10, b(0x01, 0x09, 0x00, 0x41, 0x00, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B))));
    }

    @Test
    void unknownKindsAndFlags() {
        assertMessageStarts("malformed export kind", module(section(7, b(0x01), name("x"), b(0x04, 0x00))));
        assertMessageStarts("malformed data segment kind", module(section(11, b(0x01, 0x03))));
        assertMessageStarts("malformed elements segment kind", module(section(9, b(0x01, 0x08))));
        assertMessageStarts("malformed element kind", module(section(9, b(0x01, 0x01, 0x01, 0x00))));
        assertMessageStarts("malformed value type", module(section(1, b(0x01, 0x60, 0x01, 0x40, 0x00))));
        assertMessageStarts("malformed reference type", module(section(4, b(0x01, 0x7F, 0x00, 0x00))));
    }

    @Test
    void aSectionIdBeyondTheKnownOnesIsMalformed() {
        assertMessageStarts("malformed section id", module(b(0x0D, 0x00)));
    }

    @Test
    void theDataCountSectionComesBeforeTheCodeSection() {
        assertMessageStarts("unexpected content after last section",
                module(TYPE_VOID, ONE_FUNCTION, section(10, b(0x01, 0x02, 0x00, 0x0B)), section(12, b(0x00))));
    }

    @Test
    void aCustomSectionWhoseNameOverrunsItsSizeIsAnUnexpectedEnd() {
        assertMessageStarts("unexpected end", module(b(0x00, 0x01), name("abc")));
    }
}
