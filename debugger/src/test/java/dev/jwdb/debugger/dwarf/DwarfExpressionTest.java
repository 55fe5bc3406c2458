package dev.jwdb.debugger.dwarf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DWARF expressions clang and rustc write for WebAssembly, on a machine with made-up state. */
class DwarfExpressionTest {
    /** Local i holds 100 + i, global i 200 + i, operand i 300 + i; the frame base is 0x1000; memory holds 0xAB. */
    private static final DwarfExpression.Machine MACHINE = new DwarfExpression.Machine() {
        @Override
        public long local(int index) {
            return 100 + index;
        }

        @Override
        public long global(int index) {
            return 200 + index;
        }

        @Override
        public long operand(int index) {
            return 300 + index;
        }

        @Override
        public long frameBase() {
            return 0x1000;
        }

        @Override
        public long memory(long address, int size) {
            return address == 0x1010 ? 0x2000 : 0xAB;
        }
    };

    private static DwarfExpression.Place eval(int... bytes) throws DwarfException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return DwarfExpression.evaluate(b, 4, MACHINE);
    }

    @Test
    void aWasmLocationAloneNamesTheSlotAndWithStackValueGivesItsValue() throws DwarfException {
        assertEquals(new DwarfExpression.Place.Local(4), eval(0xed, 0x00, 0x04));
        assertEquals(new DwarfExpression.Place.Global(1), eval(0xed, 0x01, 0x01));
        assertEquals(new DwarfExpression.Place.Operand(2), eval(0xed, 0x02, 0x02));
        assertEquals(new DwarfExpression.Place.Global(0x10203), eval(0xed, 0x03, 0x03, 0x02, 0x01, 0x00));
        assertEquals(new DwarfExpression.Place.Value(104), eval(0xed, 0x00, 0x04, 0x9f));
        assertEquals(new DwarfExpression.Place.Value(110), eval(0xed, 0x00, 0x04, 0x23, 0x06, 0x9f),
                "local 4 plus 6");
    }

    @Test
    void fbregIsAnAddressFromTheFrameBaseAndDerefReadsMemory() throws DwarfException {
        assertEquals(new DwarfExpression.Place.Memory(0x1058), eval(0x91, 0xd8, 0x00), "DW_OP_fbreg +88");
        assertEquals(new DwarfExpression.Place.Memory(0xff8), eval(0x91, 0x78), "DW_OP_fbreg -8");
        assertEquals(new DwarfExpression.Place.Memory(0x2004), eval(0x91, 0x10, 0x06, 0x23, 0x04),
                "the pointer at fbreg+16, plus 4");
    }

    @Test
    void constantsAndArithmetic() throws DwarfException {
        assertEquals(new DwarfExpression.Place.Value(7), eval(0x35, 0x32, 0x22, 0x9f), "lit5 + lit2");
        assertEquals(new DwarfExpression.Place.Value(-3), eval(0x32, 0x35, 0x1c, 0x9f), "lit2 - lit5");
        assertEquals(new DwarfExpression.Place.Memory(0x400), eval(0x03, 0x00, 0x04, 0x00, 0x00), "DW_OP_addr");
        assertEquals(new DwarfExpression.Place.Value(-2), eval(0x11, 0x7e, 0x9f), "consts -2");
    }

    @Test
    void piecesUnknownOperationsAndUnderflowAreRefused() {
        DwarfException piece = assertThrows(DwarfException.class, () -> eval(0xed, 0x00, 0x01, 0x93, 0x04));
        assertTrue(piece.getMessage().contains("unsupported operation 0x93"), piece.getMessage());
        assertThrows(DwarfException.class, () -> eval(0x22));
        assertThrows(DwarfException.class, () -> eval(0xed, 0x07, 0x00));
        assertThrows(DwarfException.class, () -> eval(0x91));
        assertThrows(DwarfException.class, () -> eval());
    }
}
