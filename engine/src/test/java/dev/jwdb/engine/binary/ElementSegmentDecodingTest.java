package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jwdb.engine.binary.WasmBytes.b;
import static dev.jwdb.engine.binary.WasmBytes.module;
import static dev.jwdb.engine.binary.WasmBytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The eight element segment encodings all land in one shape: a mode, a type and constant-expression items. */
class ElementSegmentDecodingTest {
    private static final int[] OFFSET_7 = b(0x41, 0x07, 0x0B);

    private static ElementSegment decodeOne(int... segment) {
        return BinaryDecoder.decode(module(section(9, b(0x01), segment))).elements().get(0);
    }

    private static String items(ElementSegment e) {
        return e.init().stream()
                .map(item -> item.stream().map(Instruction::toString).toList().toString())
                .toList().toString();
    }

    @Test
    void form0IsActiveOnTable0WithFunctionIndicesAsRefFuncExpressions() {
        ElementSegment e = decodeOne(WasmBytes.cat(b(0x00), OFFSET_7, b(0x02, 0x05, 0x06)));
        ElementSegment.Active mode = assertInstanceOf(ElementSegment.Active.class, e.mode());
        assertEquals(0, mode.table());
        assertEquals(new Immediate.I32(7), mode.offset().get(0).immediate());
        assertEquals(ValType.FUNCREF, e.type());
        assertEquals(List.of(Opcode.REF_FUNC, Opcode.END), e.init().get(1).stream().map(Instruction::opcode).toList());
        assertEquals(6, e.init().get(1).get(0).index());
    }

    @Test
    void form1IsPassiveWithAnElementKind() {
        ElementSegment e = decodeOne(0x01, 0x00, 0x01, 0x03);
        assertInstanceOf(ElementSegment.Passive.class, e.mode());
        assertEquals(1, e.init().size());
    }

    @Test
    void form2NamesItsTable() {
        ElementSegment e = decodeOne(WasmBytes.cat(b(0x02, 0x04), OFFSET_7, b(0x00, 0x01, 0x09)));
        assertEquals(4, assertInstanceOf(ElementSegment.Active.class, e.mode()).table());
        assertEquals(9, e.init().get(0).get(0).index());
    }

    @Test
    void form3IsDeclarative() {
        assertInstanceOf(ElementSegment.Declarative.class, decodeOne(0x03, 0x00, 0x00).mode());
    }

    @Test
    void form4HasExpressionItemsForTable0() {
        ElementSegment e = decodeOne(WasmBytes.cat(b(0x04), OFFSET_7, b(0x02, 0xD2, 0x01, 0x0B, 0xD0, 0x70, 0x0B)));
        assertEquals(ValType.FUNCREF, e.type());
        assertEquals(0, assertInstanceOf(ElementSegment.Active.class, e.mode()).table());
        assertEquals("[[ref.func Index[index=1], end], [ref.null Ref[type=funcref], end]]", items(e));
    }

    @Test
    void form5IsPassiveWithAReferenceType() {
        ElementSegment e = decodeOne(0x05, 0x6F, 0x01, 0xD0, 0x6F, 0x0B);
        assertInstanceOf(ElementSegment.Passive.class, e.mode());
        assertEquals(ValType.EXTERNREF, e.type());
    }

    @Test
    void form6NamesItsTableAndType() {
        ElementSegment e = decodeOne(WasmBytes.cat(b(0x06, 0x02), OFFSET_7, b(0x6F, 0x00)));
        assertEquals(2, assertInstanceOf(ElementSegment.Active.class, e.mode()).table());
        assertEquals(ValType.EXTERNREF, e.type());
    }

    @Test
    void form7IsDeclarativeWithExpressions() {
        ElementSegment e = decodeOne(0x07, 0x70, 0x01, 0x23, 0x00, 0x0B);
        assertInstanceOf(ElementSegment.Declarative.class, e.mode());
        assertEquals(Opcode.GLOBAL_GET, e.init().get(0).get(0).opcode());
    }
}
