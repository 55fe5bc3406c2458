package dev.jwdb.debugger.dwarf;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Line programs written by hand, run through the reader: each opcode kind, both header layouts, and damage. */
class DebugLineReaderTest {
    private static final int[] STANDARD_LENGTHS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

    /** A unit: its initial length (32- or 64-bit), version, then {@code afterVersion} and the header length. */
    private static byte[] unit(int version, boolean dwarf64, byte[] beforeHeaderLength, byte[] header,
                               byte[] program) {
        Bytes body = new Bytes().u16(version).bytes(beforeHeaderLength);
        if (dwarf64) {
            body.u64(header.length);
        } else {
            body.u32(header.length);
        }
        body.bytes(header).bytes(program);
        byte[] b = body.toArray();
        Bytes unit = new Bytes();
        if (dwarf64) {
            unit.u32(0xFFFF_FFFFL).u64(b.length);
        } else {
            unit.u32(b.length);
        }
        return unit.bytes(b).toArray();
    }

    private static Bytes standardLengths(Bytes b, int... lengths) {
        for (int l : lengths) {
            b.u8(l);
        }
        return b;
    }

    /** A version 4 header: line_base -5, line_range 14, opcode_base 13; two include directories, three files. */
    private static byte[] headerV4() {
        Bytes h = new Bytes().u8(1, 1, 1).u8(-5 & 0xFF, 14, 13);
        standardLengths(h, STANDARD_LENGTHS);
        h.cstring("src").cstring("/usr/include").u8(0);
        h.cstring("a.c").uleb(1).uleb(0).uleb(0);
        h.cstring("stdio.h").uleb(2).uleb(0).uleb(0);
        h.cstring("b.c").uleb(0).uleb(7).uleb(100);
        return h.u8(0).toArray();
    }

    /** Every standard opcode, special opcodes, and the extended ones (a vendor's included, skipped). */
    private static byte[] programV4() {
        return new Bytes()
                .u8(0, 5, 2).u32(0x100)           // DW_LNE_set_address 0x100
                .u8(3).sleb(9)                     // advance_line +9 -> 10
                .u8(1)                             // copy: row 0x100 line 10
                .u8(5).uleb(5)                     // set_column 5
                .u8(10)                            // set_prologue_end
                .u8(13 + 6 + 14 * 3)               // special: address +3, line +1: row 0x103 line 11
                .u8(6)                             // negate_stmt -> false
                .u8(2).uleb(0x20)                  // advance_pc 0x20 -> 0x123
                .u8(3).sleb(-2)                    // advance_line -2 -> 9
                .u8(1)                             // copy: row 0x123 line 9, not a statement
                .u8(6)                             // negate_stmt -> true
                .u8(4).uleb(2)                     // set_file 2 (stdio.h)
                .u8(8)                             // const_add_pc: (255 - 13) / 14 = 17 -> 0x134
                .u8(7)                             // set_basic_block
                .u8(12).uleb(3)                    // set_isa 3
                .u8(0, 2, 4, 4)                    // DW_LNE_set_discriminator 4
                .u8(11)                            // set_epilogue_begin
                .u8(13 + 5)                        // special: address +0, line +0: row 0x134
                .u8(9).u16(0x100)                  // fixed_advance_pc 0x100 -> 0x234
                .u8(0, 10, 3).cstring("gen.c").uleb(1).uleb(0).uleb(0) // DW_LNE_define_file: file 4
                .u8(4).uleb(4)                     // set_file 4
                .u8(0, 4, 0x80, 0xAA, 0xBB, 0xCC)  // a vendor's extended opcode, skipped by its length
                .u8(13 + 8 + 14)                   // special: address +1, line +3: row 0x235 line 12
                .u8(2).uleb(2)                     // advance_pc 2 -> 0x237
                .u8(0, 1, 1)                       // end_sequence: row 0x237, then the registers reset
                .u8(0, 5, 2).u32(0x400)
                .u8(13 + 5)                        // special: row 0x400 line 1 file 1 column 0
                .u8(2).uleb(1)
                .u8(0, 1, 1)
                .toArray();
    }

    private static DebugSections sections(byte[] line) {
        DebugSections s = new DebugSections();
        s.add(".debug_line", line);
        return s;
    }

    private static final List<LineRow> ROWS_V4 = List.of(
            new LineRow(0x100, 1, 10, 0, true, false, false, false, 0),
            new LineRow(0x103, 1, 11, 5, true, true, false, false, 0),
            new LineRow(0x123, 1, 9, 5, false, false, false, false, 0),
            new LineRow(0x134, 2, 9, 5, true, false, true, false, 4),
            new LineRow(0x235, 4, 12, 5, true, false, false, false, 0),
            new LineRow(0x237, 4, 12, 5, true, false, false, true, 0),
            new LineRow(0x400, 1, 1, 0, true, false, false, false, 0),
            new LineRow(0x401, 1, 1, 0, true, false, false, true, 0));

    @Test
    void aVersion4ProgramGivesTheRowsOfEachOpcode() throws DwarfException {
        List<LineProgram> units = DebugLineReader.readAll(sections(unit(4, false, new byte[0], headerV4(),
                programV4())));
        assertEquals(1, units.size());
        LineProgram p = units.get(0);
        assertEquals(4, p.version());
        assertEquals(ROWS_V4, p.rows());
        assertNull(p.compDir());
        assertEquals("src/a.c", p.file(1).path());
        assertEquals("/usr/include/stdio.h", p.file(2).path());
        assertEquals("b.c", p.file(3).path(), "directory 0 is the compilation directory");
        assertEquals(100, p.file(3).size());
        assertEquals("src/gen.c", p.file(4).path(), "added by DW_LNE_define_file");
        assertNull(p.file(0), "file numbers start at 1 before DWARF 5");
    }

    @Test
    void sixtyFourBitDwarfReadsTheSameProgram() throws DwarfException {
        List<LineProgram> units = DebugLineReader.readAll(sections(unit(4, true, new byte[0], headerV4(),
                programV4())));
        assertEquals(ROWS_V4, units.get(0).rows());
    }

    @Test
    void version3HasNoMaximumOperationsField() throws DwarfException {
        byte[] v4 = headerV4();
        byte[] v3 = new byte[v4.length - 1];
        v3[0] = v4[0];
        System.arraycopy(v4, 2, v3, 1, v4.length - 2);
        assertEquals(ROWS_V4, DebugLineReader.readAll(sections(unit(3, false, new byte[0], v3, programV4())))
                .get(0).rows());
    }

    private static final byte[] MD5_MAIN = new byte[16];
    private static final byte[] MD5_UTIL = new byte[16];

    static {
        Arrays.fill(MD5_MAIN, (byte) 0x11);
        for (int i = 0; i < 16; i++) {
            MD5_UTIL[i] = (byte) (0xF0 + i);
        }
    }

    /**
     * Version 5: directories by {@code line_strp}; files by path ({@code string}), directory index
     * ({@code udata}), MD5 ({@code data16}) and a vendor content type ({@code strp}, read and dropped);
     * default_is_stmt false, line_base -3, line_range 12, and a 13th standard opcode with two operands.
     */
    private static byte[] unitV5() {
        Bytes h = new Bytes().u8(1, 1, 0).u8(-3 & 0xFF, 12, 14);
        standardLengths(h, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 2);
        h.u8(1).uleb(1).uleb(0x1f);                       // directory format: path as line_strp
        h.uleb(2).u32(0).u32(7);                          // "/build", "include"
        h.u8(4).uleb(1).uleb(0x08).uleb(2).uleb(0x0f).uleb(5).uleb(0x1e).uleb(0x2001).uleb(0x0e);
        h.uleb(2);
        h.cstring("main.c").uleb(0).bytes(MD5_MAIN).u32(0);
        h.cstring("util.h").uleb(1).bytes(MD5_UTIL).u32(0);
        byte[] program = new Bytes()
                .u8(0, 5, 2).u32(0x10)
                .u8(1)                              // row 0x10, file 1 (util.h), line 1, not a statement
                .u8(4).uleb(0)                      // set_file 0 (main.c)
                .u8(13).uleb(0x81).uleb(5)          // opcode 13: unknown, its two operands skipped
                .u8(14 + 5 + 12 * 4)                // special: address +4, line +2: row 0x14 line 3
                .u8(2).uleb(1)
                .u8(0, 1, 1)
                .toArray();
        return unit(5, false, new byte[] {4, 0}, h.toArray(), program);
    }

    private static DebugSections sectionsV5(byte[] line) {
        DebugSections s = sections(line);
        s.add(".debug_line_str", new Bytes().cstring("/build").cstring("include").toArray());
        s.add(".debug_str", new Bytes().cstring("int main(void) {}").toArray());
        return s;
    }

    @Test
    void aVersion5HeaderIsReadByItsEntryFormats() throws DwarfException {
        LineProgram p = DebugLineReader.readAll(sectionsV5(unitV5())).get(0);
        assertEquals(5, p.version());
        assertEquals("/build", p.compDir(), "directory 0 is the compilation directory, written out");
        assertEquals(0, p.firstFile());
        assertEquals("main.c", p.file(0).path());
        assertEquals("include/util.h", p.file(1).path());
        assertArrayEquals(MD5_MAIN, p.file(0).md5());
        assertArrayEquals(MD5_UTIL, p.file(1).md5());
        assertEquals(List.of(
                new LineRow(0x10, 1, 1, 0, false, false, false, false, 0),
                new LineRow(0x14, 0, 3, 0, false, false, false, false, 0),
                new LineRow(0x15, 0, 3, 0, false, false, false, true, 0)), p.rows());
    }

    @Test
    void version5PathsMayBeStrpStringsWithADataDirectoryIndex() throws DwarfException {
        Bytes h = new Bytes().u8(1, 1, 1).u8(-5 & 0xFF, 14, 13);
        standardLengths(h, STANDARD_LENGTHS);
        h.u8(1).uleb(1).uleb(0x08).uleb(1).cstring("/src");
        h.u8(2).uleb(1).uleb(0x0e).uleb(2).uleb(0x0b).uleb(1).u32(4).u8(0);
        byte[] unit = unit(5, false, new byte[] {4, 0}, h.toArray(), new Bytes().u8(0, 1, 1).toArray());
        LineProgram p = DebugLineReader.readAll(sectionsV5(unit)).get(0);
        assertEquals("main(void) {}", p.file(0).path(), "the strp offset 4 points into .debug_str");
        assertEquals(List.of(new LineRow(0, 1, 1, 0, true, false, false, true, 0)), p.rows());
    }

    @Test
    void unitsFollowOneAnotherAndCanBeReadByOffset() throws DwarfException {
        byte[] first = unit(4, false, new byte[0], headerV4(), programV4());
        byte[] second = unitV5();
        byte[] both = new Bytes().bytes(first).bytes(second).toArray();
        List<LineProgram> units = DebugLineReader.readAll(sectionsV5(both));
        assertEquals(List.of(0L, (long) first.length), units.stream().map(LineProgram::offset).toList());
        assertEquals(units.get(1).rows(), DebugLineReader.read(sectionsV5(both), first.length).rows());
    }

    @Test
    void unknownVersionsAndImpossibleHeadersAreRefusedWithWhere() {
        DwarfException v6 = assertThrows(DwarfException.class, () -> DebugLineReader.readAll(
                sections(unit(6, false, new byte[0], headerV4(), programV4()))));
        assertEquals(".debug_line at 0x6: unsupported line table version 6 (jwdb reads versions 2 to 5)",
                v6.getMessage());
        byte[] zeroRange = headerV4();
        zeroRange[4] = 0;
        DwarfException range = assertThrows(DwarfException.class, () -> DebugLineReader.readAll(
                sections(unit(4, false, new byte[0], zeroRange, programV4()))));
        assertTrue(range.getMessage().endsWith("line_range is 0"), range.getMessage());
    }

    @Test
    void aStringOutsideItsSectionIsRefused() {
        DebugSections s = sections(unitV5());
        s.add(".debug_line_str", new Bytes().cstring("/build").toArray());
        DwarfException e = assertThrows(DwarfException.class, () -> DebugLineReader.readAll(s));
        assertTrue(e.getMessage().contains("string offset 0x7 is outside"), e.getMessage());
    }

    /**
     * A unit cut anywhere, its length made to fit the cut (so the reader cannot tell from the length alone), or not
     * (so the length runs past the data): a {@link DwarfException}, or the rows before the cut; never another
     * exception.
     */
    @Test
    void aTruncatedUnitIsRefusedOrReadUpToTheCut() {
        for (byte[] whole : List.of(unit(4, false, new byte[0], headerV4(), programV4()), unitV5())) {
            for (int cut = 1; cut < whole.length; cut++) {
                byte[] asIs = Arrays.copyOf(whole, cut);
                assertThrows(DwarfException.class, () -> DebugLineReader.readAll(sectionsV5(asIs)), "cut " + cut);
                if (cut >= 4) {
                    byte[] fitted = asIs.clone();
                    long length = cut - 4;
                    for (int i = 0; i < 4; i++) {
                        fitted[i] = (byte) (length >>> 8 * i);
                    }
                    readsOrRefuses(fitted, "fitted cut " + cut);
                }
            }
        }
    }

    @Test
    void corruptedBytesAreRefusedOrReadNeverCrash() {
        Random random = new Random(42);
        byte[][] wholes = {unit(4, false, new byte[0], headerV4(), programV4()), unitV5()};
        for (int i = 0; i < 20_000; i++) {
            byte[] b = wholes[i % 2].clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            readsOrRefuses(b, "iteration " + i);
        }
    }

    private static void readsOrRefuses(byte[] line, String what) {
        try {
            DebugLineReader.readAll(sectionsV5(line));
        } catch (DwarfException e) {
            assertTrue(e.getMessage().startsWith(".debug_line") || e.getMessage().startsWith(".debug_str")
                    || e.getMessage().startsWith(".debug_line_str"), e.getMessage());
        } catch (RuntimeException | Error e) {
            fail(what + ": " + e, e);
        }
    }
}
