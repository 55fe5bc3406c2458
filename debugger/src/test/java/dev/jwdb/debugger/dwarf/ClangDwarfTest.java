package dev.jwdb.debugger.dwarf;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.CustomSection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DWARF clang writes for samples/debug-info/stats.c, as DWARF 4 (stats.wasm) and DWARF 5 (stats-dwarf5.wasm):
 * the same program, so the same rows, whichever way the tables are laid out.
 */
class ClangDwarfTest {
    private static final Path DIR = Path.of("..", "samples", "debug-info");

    private static DebugSections sections(String file) throws IOException {
        DebugSections s = new DebugSections();
        for (CustomSection c : BinaryDecoder.decode(Files.readAllBytes(DIR.resolve(file))).customSections()) {
            s.add(c.name(), c.content());
        }
        return s;
    }

    private static CompileUnit statsUnit(DebugSections s) throws DwarfException {
        return DebugInfoReader.compileUnits(s).stream().filter(u -> "stats.c".equals(u.name())).findFirst()
                .orElseThrow();
    }

    /** The rows of stats.c's line program, without the file register, which DWARF 5 counts from 0. */
    private static List<String> statsRows(String file) throws IOException, DwarfException {
        DebugSections s = sections(file);
        LineProgram p = DebugLineReader.read(s, statsUnit(s).stmtList());
        return p.rows().stream().map(r -> String.format("0x%x %d:%d%s%s%s", r.address(), r.line(), r.column(),
                r.isStmt() ? " stmt" : "", r.prologueEnd() ? " prologue_end" : "", r.endSequence() ? " end" : ""))
                .toList();
    }

    @Test
    void theCompileUnitsNameTheirFileDirectoryAndLineProgram() throws Exception {
        DebugSections v4 = sections("stats.wasm");
        List<CompileUnit> units = DebugInfoReader.compileUnits(v4);
        assertEquals("./libc-bottom-half/crt/crt1-command.c", units.get(0).name());
        assertEquals("./build", units.get(0).compDir());
        assertEquals(new CompileUnit(0x55, 4, "stats.c", ".", 0x66, "Debian clang version 14.0.6", 0x0c),
                statsUnit(v4));
        assertEquals("c", statsUnit(v4).languageName(), "C99 is c, as gdb says");
        // DWARF 5 names them by index into .debug_str_offsets
        CompileUnit v5 = statsUnit(sections("stats-dwarf5.wasm"));
        assertEquals(5, v5.version());
        assertEquals(".", v5.compDir());
        assertEquals("Debian clang version 14.0.6", v5.producer(), "a string by index");
    }

    @Test
    void bothVersionsGiveStatsCTheSameRows() throws Exception {
        List<String> rows = statsRows("stats.wasm");
        assertEquals(List.of("0x1f 28:0 stmt", "0x63 29:18 stmt prologue_end", "0x90 30:14 stmt", "0x9b 30:21"),
                rows.subList(0, 4));
        assertEquals("0x3f8 26:1 stmt end", rows.get(rows.size() - 1));
        assertEquals(rows, statsRows("stats-dwarf5.wasm"));
    }

    @Test
    void dwarf5RecordsTheMd5OfTheCommittedSource() throws Exception {
        DebugSections s = sections("stats-dwarf5.wasm");
        LineProgram p = DebugLineReader.read(s, statsUnit(s).stmtList());
        assertEquals("stats.c", p.file(0).path());
        assertEquals(".", p.compDir());
        byte[] md5 = MessageDigest.getInstance("MD5").digest(Files.readAllBytes(DIR.resolve("stats.c")));
        assertArrayEquals(md5, p.file(0).md5(), "stats-dwarf5.wasm was built from this stats.c");
    }
}
