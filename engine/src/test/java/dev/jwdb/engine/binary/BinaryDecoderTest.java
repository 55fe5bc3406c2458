package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.engine.binary.WasmBytes.b;
import static dev.jwdb.engine.binary.WasmBytes.module;
import static dev.jwdb.engine.binary.WasmBytes.name;
import static dev.jwdb.engine.binary.WasmBytes.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryDecoderTest {
    private static final int[] TYPE_VOID = section(1, b(0x01, 0x60, 0x00, 0x00));
    private static final int[] ONE_FUNCTION = section(3, b(0x01, 0x00));

    private static List<Opcode> opcodes(List<Instruction> body) {
        return body.stream().map(Instruction::opcode).toList();
    }

    @Test
    void anEmptyModuleHasNoStartAndNoDataCount() {
        Module m = BinaryDecoder.decode(module());
        assertTrue(m.types().isEmpty() && m.functions().isEmpty() && m.customSections().isEmpty());
        assertEquals(-1, m.start());
        assertEquals(-1, m.dataCount());
        assertTrue(m.names().isEmpty());
    }

    @Test
    void functionsPairTypeIndicesWithBodiesAndKnowTheirOffsets() {
        byte[] bytes = module(
                section(1, b(0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F)),
                ONE_FUNCTION,
                section(7, b(0x01), name("add"), b(0x00, 0x00)),
                section(10, b(0x01, 0x09, 0x01, 0x02, 0x7E, 0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B)));
        Module m = BinaryDecoder.decode(bytes);

        assertEquals(List.of(new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32))), m.types());
        assertEquals("add", m.exports().get(0).name());
        assertEquals(ExternKind.FUNC, m.exports().get(0).kind());
        Function f = m.functions().get(0);
        assertEquals(0, f.typeIndex());
        assertEquals(List.of(ValType.I64, ValType.I64), f.locals());
        assertEquals(List.of(Opcode.LOCAL_GET, Opcode.LOCAL_GET, Opcode.I32_ADD, Opcode.END), opcodes(f.body()));
        assertEquals(1, f.body().get(1).index());
        // The code section is the last 13 bytes: id, size, count, then the body's size field.
        int codeStart = bytes.length - 13;
        assertEquals(codeStart + 3, f.bodyOffset());
        assertEquals(codeStart + 7, f.body().get(0).offset());
        assertEquals(bytes.length - 1, f.body().get(3).offset());
    }

    @Test
    void importsOfEveryKind() {
        Module m = BinaryDecoder.decode(module(TYPE_VOID, section(2, b(0x04),
                name("env"), name("f"), b(0x00, 0x00),
                name("env"), name("t"), b(0x01, 0x70, 0x01, 0x01, 0x0A),
                name("env"), name("m"), b(0x02, 0x00, 0x02),
                name("env"), name("g"), b(0x03, 0x7E, 0x01))));
        assertEquals(new ImportDesc.Func(0), m.imports().get(0).desc());
        assertEquals(new ImportDesc.Table(new TableType(ValType.FUNCREF, new Limits(1, 10))), m.imports().get(1).desc());
        assertEquals(new Limits(2, Limits.NO_MAX), ((ImportDesc.Memory) m.imports().get(2).desc()).type().limits());
        assertEquals(new ImportDesc.Global(new GlobalType(ValType.I64, true)), m.imports().get(3).desc());
        assertEquals("env", m.imports().get(3).module());
        assertEquals("g", m.imports().get(3).name());
    }

    @Test
    void tablesMemoriesGlobalsAndStart() {
        Module m = BinaryDecoder.decode(module(TYPE_VOID, ONE_FUNCTION,
                section(4, b(0x01, 0x6F, 0x00, 0x03)),
                section(5, b(0x01, 0x01, 0x01, 0x80, 0x80, 0x04)),
                section(6, b(0x01, 0x7D, 0x00, 0x43, 0x00, 0x00, 0xC0, 0x7F, 0x0B)),
                section(8, b(0x00)),
                section(10, b(0x01, 0x02, 0x00, 0x0B))));
        assertEquals(new TableType(ValType.EXTERNREF, new Limits(3, Limits.NO_MAX)), m.tables().get(0));
        assertEquals(new Limits(1, 65536), m.memories().get(0).limits());
        assertEquals(new GlobalType(ValType.F32, false), m.globals().get(0).type());
        assertEquals(new Immediate.F32(0x7FC00000), m.globals().get(0).init().get(0).immediate());
        assertEquals(0, m.start());
    }

    @Test
    void nanPayloadsOfFloatConstantsAreKeptBitForBit() {
        Module m = BinaryDecoder.decode(module(
                section(6, b(0x01, 0x7C, 0x00, 0x44, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x7F, 0x0B))));
        assertEquals(new Immediate.F64(0x7FF0000000000001L), m.globals().get(0).init().get(0).immediate());
    }

    @Test
    void controlAndMemoryInstructionsCarryTheirImmediates() {
        Module m = BinaryDecoder.decode(module(TYPE_VOID, ONE_FUNCTION, section(5, b(0x01, 0x00, 0x01)),
                section(10, b(0x01, 0x1C, 0x00,
                        0x02, 0x40,                    // block
                        0x03, 0x7F,                    // loop (result i32)
                        0x41, 0x00, 0x0E, 0x02, 0x00, 0x01, 0x02, // br_table 0 1 2
                        0x0B,
                        0x04, 0x00,                    // if (type 0)
                        0x05,
                        0x0B,
                        0x0B,
                        0x41, 0x00, 0x29, 0x03, 0x10,  // i64.load align=8 offset=16
                        0x1A,
                        0x3F, 0x00, 0x1A,              // memory.size
                        0x0B))));
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.Block(BlockType.EMPTY), body.get(0).immediate());
        assertEquals(new Immediate.Block(new BlockType.Value(ValType.I32)), body.get(1).immediate());
        Immediate.BrTable table = (Immediate.BrTable) body.get(3).immediate();
        assertArrayEquals(new int[] {0, 1}, table.labels());
        assertEquals(2, table.defaultLabel());
        assertEquals(new Immediate.Block(new BlockType.TypeIndex(0)), body.get(5).immediate());
        assertEquals(Opcode.ELSE, body.get(6).opcode());
        assertEquals(new Immediate.MemArg(3, 16, 0), body.get(10).immediate());
        assertEquals(new Immediate.Index(0), body.get(12).immediate());
        assertEquals(Opcode.END, body.get(body.size() - 1).opcode());
    }

    @Test
    void prefixedInstructionsDecodeTheirIndexPairsInBinaryOrder() {
        Module m = BinaryDecoder.decode(module(TYPE_VOID, ONE_FUNCTION, section(12, b(0x01)),
                section(10, b(0x01, 0x1A, 0x00,
                        0x11, 0x00, 0x01,              // call_indirect type 0 table 1
                        0xFC, 0x08, 0x00, 0x00,        // memory.init 0
                        0xFC, 0x0A, 0x00, 0x00,        // memory.copy
                        0xFC, 0x0C, 0x02, 0x03,        // table.init elem 2 table 3
                        0xFC, 0x0E, 0x04, 0x05,        // table.copy 4 <- 5
                        0xFC, 0x09, 0x00,              // data.drop 0
                        0xFC, 0x05,                    // i64.trunc_sat_f32_u
                        0x0B)),
                section(11, b(0x01, 0x01, 0x00))));
        List<Instruction> body = m.functions().get(0).body();
        assertEquals(new Immediate.TwoIndex(0, 1), body.get(0).immediate());
        assertEquals(new Immediate.TwoIndex(0, 0), body.get(1).immediate());
        assertEquals(Opcode.MEMORY_COPY, body.get(2).opcode());
        assertEquals(new Immediate.TwoIndex(2, 3), body.get(3).immediate());
        assertEquals(new Immediate.TwoIndex(4, 5), body.get(4).immediate());
        assertEquals(Opcode.DATA_DROP, body.get(5).opcode());
        assertEquals(Opcode.I64_TRUNC_SAT_F32_U, body.get(6).opcode());
        assertEquals(1, m.dataCount());
    }

    @Test
    void dataSegmentsInAllThreeForms() {
        Module m = BinaryDecoder.decode(module(section(5, b(0x01, 0x00, 0x01)), section(11, b(0x03,
                0x00, 0x41, 0x08, 0x0B, 0x02, 0x68, 0x69,
                0x01, 0x01, 0x21,
                0x02, 0x01, 0x41, 0x00, 0x0B, 0x00))));
        DataSegment.Active first = (DataSegment.Active) m.data().get(0).mode();
        assertEquals(0, first.memory());
        assertEquals(new Immediate.I32(8), first.offset().get(0).immediate());
        assertArrayEquals("hi".getBytes(), m.data().get(0).init());
        assertTrue(m.data().get(1).mode() instanceof DataSegment.Passive);
        assertArrayEquals(new byte[] {0x21}, m.data().get(1).init());
        assertEquals(1, ((DataSegment.Active) m.data().get(2).mode()).memory());
    }

    @Test
    void customSectionsRememberWhichSectionTheyFollow() {
        Module m = BinaryDecoder.decode(module(
                section(0, name("first"), b(0x01, 0x02)),
                TYPE_VOID,
                section(0, name("second")),
                section(0, name("third"), b(0xFF))));
        List<CustomSection> customs = m.customSections();
        assertEquals(List.of("first", "second", "third"), customs.stream().map(CustomSection::name).toList());
        assertEquals(List.of(0, 1, 1), customs.stream().map(CustomSection::after).toList());
        assertArrayEquals(new byte[] {0x01, 0x02}, customs.get(0).content());
        assertEquals(0, customs.get(1).content().length);
    }
}
