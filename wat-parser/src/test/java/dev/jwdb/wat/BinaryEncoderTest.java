package dev.jwdb.wat;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.jwdb.engine.testing.TestModule.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BinaryEncoderTest {
    private static final Instruction END = Instruction.of(Opcode.END);
    private static final List<Instruction> OFFSET_0 = List.of(Instruction.of(Opcode.I32_CONST, new Immediate.I32(0)), END);

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] withHeader(int... sections) {
        byte[] rest = bytes(sections);
        byte[] out = new byte[8 + rest.length];
        System.arraycopy(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), 0, out, 0, 8);
        System.arraycopy(rest, 0, out, 8, rest.length);
        return out;
    }

    private static List<Instruction> refFunc(int index) {
        return List.of(Instruction.of(Opcode.REF_FUNC, new Immediate.Index(index)), END);
    }

    /** The first byte of the element section's only segment: its form. */
    private static int elementFlags(ElementSegment e) {
        byte[] out = BinaryEncoder.encode(module().element(e).build());
        return out[11];
    }

    @Test
    void anEmptyModuleIsJustTheHeader() {
        assertArrayEquals(withHeader(), BinaryEncoder.encode(module().build()));
    }

    @Test
    void aSmallFunctionEncodesExactlyAsTheSpecWritesIt() {
        TestModule m = module();
        m.rawFunc(m.type(new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32))), List.of(), List.of(
                Instruction.of(Opcode.LOCAL_GET, new Immediate.Index(0)),
                Instruction.of(Opcode.LOCAL_GET, new Immediate.Index(1)),
                Instruction.of(Opcode.I32_ADD), END));
        m.export("add", ExternKind.FUNC, 0);
        assertArrayEquals(withHeader(
                0x01, 0x07, 0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F,
                0x03, 0x02, 0x01, 0x00,
                0x07, 0x07, 0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00,
                0x0A, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B),
                BinaryEncoder.encode(m.build()));
    }

    @Test
    void localsAreRunLengthEncodedInOrder() {
        TestModule m = module();
        m.rawFunc(m.type(new FuncType(List.of(), List.of())), List.of(ValType.I32, ValType.I32, ValType.F64,
                ValType.I32), List.of(END));
        byte[] out = BinaryEncoder.encode(m.build());
        byte[] code = bytes(0x0A, 0x0A, 0x01, 0x08, 0x03, 0x02, 0x7F, 0x01, 0x7C, 0x01, 0x7F, 0x0B);
        assertArrayEquals(code, java.util.Arrays.copyOfRange(out, out.length - code.length, out.length));
    }

    @Test
    void elementSegmentsUseFunctionIndicesWhenEveryItemIsARefFunc() {
        assertEquals(0, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(refFunc(1)),
                new ElementSegment.Active(0, OFFSET_0))));
        assertEquals(1, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(refFunc(1)),
                new ElementSegment.Passive())));
        assertEquals(2, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(refFunc(1)),
                new ElementSegment.Active(3, OFFSET_0))));
        assertEquals(3, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(refFunc(1)),
                new ElementSegment.Declarative())));
    }

    @Test
    void elementSegmentsFallBackToExpressionsForNullsAndExternrefs() {
        List<Instruction> nullFunc = List.of(Instruction.of(Opcode.REF_NULL, new Immediate.Ref(ValType.FUNCREF)), END);
        List<Instruction> nullExtern = List.of(Instruction.of(Opcode.REF_NULL, new Immediate.Ref(ValType.EXTERNREF)), END);
        assertEquals(4, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(refFunc(1), nullFunc),
                new ElementSegment.Active(0, OFFSET_0))));
        assertEquals(5, elementFlags(new ElementSegment(ValType.EXTERNREF, List.of(nullExtern),
                new ElementSegment.Passive())));
        assertEquals(6, elementFlags(new ElementSegment(ValType.EXTERNREF, List.of(nullExtern),
                new ElementSegment.Active(0, OFFSET_0))));
        assertEquals(7, elementFlags(new ElementSegment(ValType.FUNCREF, List.of(nullFunc),
                new ElementSegment.Declarative())));
    }

    @Test
    void dataSegmentsNameTheirMemoryOnlyWhenItIsNotZero() {
        TestModule m = module()
                .data(new DataSegment(bytes('h', 'i'), new DataSegment.Active(0, OFFSET_0)))
                .data(new DataSegment(bytes(), new DataSegment.Passive()))
                .data(new DataSegment(bytes(0x2A), new DataSegment.Active(1, OFFSET_0)))
                .dataCount(3);
        assertArrayEquals(withHeader(
                0x0C, 0x01, 0x03,
                0x0B, 0x11, 0x03,
                0x00, 0x41, 0x00, 0x0B, 0x02, 'h', 'i',
                0x01, 0x00,
                0x02, 0x01, 0x41, 0x00, 0x0B, 0x01, 0x2A),
                BinaryEncoder.encode(m.build()));
    }

    @Test
    void customSectionsGoBackAfterTheSectionTheyFollowedEvenIfItIsNowEmpty() {
        TestModule m = module();
        m.type(new FuncType(List.of(), List.of()));
        m.custom(new CustomSection("late", bytes(0x01), 11))
                .custom(new CustomSection("early", bytes(), 0))
                .custom(new CustomSection("after-imports", bytes(), 2));
        byte[] out = BinaryEncoder.encode(m.build());
        assertArrayEquals(withHeader(
                0x00, 0x06, 0x05, 'e', 'a', 'r', 'l', 'y',
                0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
                0x00, 0x0E, 0x0D, 'a', 'f', 't', 'e', 'r', '-', 'i', 'm', 'p', 'o', 'r', 't', 's',
                0x00, 0x06, 0x04, 'l', 'a', 't', 'e', 0x01), out);
        Module back = BinaryDecoder.decode(out);
        assertEquals(List.of(0, 1, 1), back.customSections().stream().map(CustomSection::after).toList());
    }

    @Test
    void namesBecomeANameSectionAtTheEndInIndexOrder() {
        Names names = new Names("demo", Map.of(2, "b", 0, "a"), Map.of(0, Map.of(0, "x")), Map.of(1, "sp"));
        byte[] out = BinaryEncoder.encode(module().custom(new CustomSection("producers", bytes(), 0)).names(names)
                .build());
        assertArrayEquals(withHeader(
                0x00, 0x0A, 0x09, 'p', 'r', 'o', 'd', 'u', 'c', 'e', 'r', 's',
                0x00, 0x24, 0x04, 'n', 'a', 'm', 'e',
                0x00, 0x05, 0x04, 'd', 'e', 'm', 'o',
                0x01, 0x07, 0x02, 0x00, 0x01, 'a', 0x02, 0x01, 'b',
                0x02, 0x06, 0x01, 0x00, 0x01, 0x00, 0x01, 'x',
                0x07, 0x05, 0x01, 0x01, 0x02, 's', 'p'), out);
        assertEquals(names, BinaryDecoder.decode(out).names());
    }

    @Test
    void aSecondRawNameSectionStaysSecondAcrossRoundTrips() {
        Names names = new Names(null, Map.of(0, "main"), Map.of(), Map.of());
        byte[] out = BinaryEncoder.encode(module().names(names)
                .custom(new CustomSection("name", bytes(0x00, 0x04, 0x03, 'r', 'a', 'w'), 0)).build());
        Module back = BinaryDecoder.decode(out);
        assertEquals(names, back.names());
        assertEquals("name", back.customSections().get(0).name());
        assertArrayEquals(out, BinaryEncoder.encode(back));
    }
}
