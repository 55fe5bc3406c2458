package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfException;
import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;
import dev.jwdb.debugger.dwarf.RustTypes;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.jwdb.debugger.dwarf.RustTypes.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rust values shown from hand-made memory: what the scores sample does not reach. */
class RustValuesTest {
    private static final DwarfType U8 = RustTypes.base("u8", 1, DwarfType.ATE_UNSIGNED);
    private static final DwarfType U32 = RustTypes.base("u32", 4, DwarfType.ATE_UNSIGNED);
    private static final DwarfType USIZE = RustTypes.base("usize", 4, DwarfType.ATE_UNSIGNED);
    private static final DwarfType STR = RustTypes.struct("&str", 8, member("data_ptr", RustTypes.pointer("*const u8",
            U8), 0), member("length", USIZE, 4));

    private final ByteBuffer memory = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    private final RustValues values = new RustValues(new RustValues.Memory() {
        @Override
        public byte[] bytes(long address, int size) throws DwarfException {
            if (address < 0 || address + size > memory.capacity()) {
                throw new DwarfException("out of memory");
            }
            return Arrays.copyOfRange(memory.array(), (int) address, (int) address + size);
        }

        @Override
        public long slot(DwarfExpression.Place place) {
            return ((DwarfExpression.Place.Value) place).bits();
        }
    });

    private String at(DwarfType type, long address) throws DwarfException {
        return values.format(type, new DwarfExpression.Place.Memory(address));
    }

    /** A &str at 0 for {@code bytes} put at 0x100. */
    private void str(byte[] bytes) {
        memory.putInt(0, 0x100).putInt(4, bytes.length);
        memory.put(0x100, bytes);
    }

    @Test
    void stringsAreEscapedAsDebugEscapesThemAndLongOnesCut() throws DwarfException {
        str("tab\t \"quoted\" é \u001b".getBytes(StandardCharsets.UTF_8));
        assertEquals("\"tab\\t \\\"quoted\\\" é \\u{1b}\"", at(STR, 0));
        byte[] long300 = ("é".repeat(150)).getBytes(StandardCharsets.UTF_8);
        str(long300);
        // 200 bytes are 100 é: the cut falls between two characters
        assertEquals("\"" + "é".repeat(100) + "\"... (300 bytes)", at(STR, 0));
        str(("x" + "é".repeat(150)).getBytes(StandardCharsets.UTF_8));
        assertEquals("\"x" + "é".repeat(99) + "\"... (301 bytes)", at(STR, 0), "not half an é");
        str(new byte[] {'a', (byte) 0xff});
        assertEquals("<2 bytes at 0x100 that are not UTF-8>", at(STR, 0));
        memory.putInt(0, 0x10_0000).putInt(4, 3);
        assertEquals("<a string of 3 bytes at 0x100000, unreadable>", at(STR, 0));
    }

    @Test
    void scalarsAsRustWritesThem() throws DwarfException {
        memory.putInt(0, 0x1F600);
        assertEquals("'\uD83D\uDE00'", at(RustTypes.base("char", 4, DwarfType.ATE_UTF), 0));
        memory.putInt(0, 0x110000);
        assertEquals("<invalid char 0x110000>", at(RustTypes.base("char", 4, DwarfType.ATE_UTF), 0));
        memory.put(0, (byte) 2);
        assertEquals("<invalid bool 2>", at(RustTypes.base("bool", 1, DwarfType.ATE_BOOLEAN), 0));
        memory.putLong(0, -1).putLong(8, Long.MAX_VALUE);
        assertEquals("170141183460469231731687303715884105727", at(RustTypes.base("i128", 16,
                DwarfType.ATE_SIGNED), 0));
        memory.putDouble(0, 1e20);
        assertEquals("1e20", at(RustTypes.base("f64", 8, DwarfType.ATE_FLOAT), 0));
        memory.putFloat(0, 2.5f);
        assertEquals("2.5", at(RustTypes.base("f32", 4, DwarfType.ATE_FLOAT), 0));
        memory.put(0, (byte) -3);
        assertEquals("-3", at(RustTypes.base("i8", 1, DwarfType.ATE_SIGNED), 0));
        assertEquals("()", at(RustTypes.base("()", 0, DwarfType.ATE_UNSIGNED), 0));
    }

    @Test
    void tuplesUnitStructsArraysAndRawPointers() throws DwarfException {
        memory.putInt(0, 7).putInt(4, 8);
        DwarfType pair = RustTypes.struct("(u32, u32)", 8, member("__0", U32, 0), member("__1", U32, 4));
        assertEquals("(7, 8)", at(pair, 0));
        assertEquals("(7,)", at(RustTypes.struct("(u32,)", 4, member("__0", U32, 0)), 0));
        assertEquals("Meters(7)", at(RustTypes.struct("Meters", 4, member("__0", U32, 0)), 0));
        assertEquals("PhantomData", at(RustTypes.struct("PhantomData<u32>", 0), 0));
        assertEquals("[7, 8]", at(RustTypes.array(U32, 2), 0));
        assertEquals("0x7", at(RustTypes.pointer("*const u32", U32), 0), "a raw pointer is an address");
        memory.putInt(0, 0x200).putInt(0x200, 99);
        assertEquals("&99", at(RustTypes.pointer("&u32", U32), 0));
        assertEquals("&mut 99", at(RustTypes.pointer("&mut u32", U32), 0));
        DwarfType vtable = RustTypes.pointer("&[usize; 3]", RustTypes.array(USIZE, 3));
        assertEquals("&mut dyn core::fmt::Write at 0x200", at(RustTypes.struct("&mut dyn core::fmt::Write", 8,
                member("pointer", RustTypes.pointer("*mut u8", U8), 0), member("vtable", vtable, 4)), 0));
    }

    @Test
    void typesThatContainThemselvesEnd() throws DwarfException {
        // corrupted DWARF can make an array its own element: nesting and the number of values shown are bounded
        DwarfType[] array = new DwarfType[1];
        array[0] = RustTypes.arrayOf(() -> array[0], 20);
        String shown = at(array[0], 0);
        assertTrue(shown.startsWith("[[[[[[..], [..], "), shown);
        assertTrue(shown.length() < 10_000, shown.length() + " characters");
        assertTrue(shown.endsWith("[..], ..], ..], ..], ..], ..]"), shown.substring(shown.length() - 60));
    }

    @Test
    void slicesShowTwentyElementsAndAnEnumWithoutAVariantSaysSo() throws DwarfException {
        DwarfType slice = RustTypes.struct("&[u8]", 8, member("data_ptr", RustTypes.pointer("*const u8", U8), 0),
                member("length", USIZE, 4));
        memory.putInt(0, 0x100).putInt(4, 25);
        for (int i = 0; i < 25; i++) {
            memory.put(0x100 + i, (byte) i);
        }
        assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, ... (25 in all)]",
                at(slice, 0));
        DwarfType.Member tag = member(null, U8, 0);
        DwarfType shape = RustTypes.enumeration("Shape", 8, tag,
                new DwarfType.Variant(0L, member("Dot", RustTypes.struct("Dot", 8), 0)),
                new DwarfType.Variant(1L, member("Square", RustTypes.struct("Square", 8, member("side", U32, 4)), 0)));
        memory.put(0x300, (byte) 1).putInt(0x304, 3);
        assertEquals("Square { side: 3 }", at(shape, 0x300));
        memory.put(0x300, (byte) 0);
        assertEquals("Dot", at(shape, 0x300));
        memory.put(0x300, (byte) 9);
        assertEquals("<Shape with no variant for discriminant 9>", at(shape, 0x300));
    }
}
