package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.jwdb.engine.binary.WasmBytes.b;
import static dev.jwdb.engine.binary.WasmBytes.module;
import static dev.jwdb.engine.binary.WasmBytes.name;
import static dev.jwdb.engine.binary.WasmBytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameSectionDecoderTest {
    private static int[] subsection(int id, int[]... content) {
        return section(id, content);
    }

    @Test
    void moduleFunctionLocalAndGlobalNamesAreDecodedAndTheSectionIsNotKeptRaw() {
        Module m = BinaryDecoder.decode(module(section(0, name("name"),
                subsection(0, name("demo")),
                subsection(1, b(0x02, 0x00), name("main"), b(0x03), name("helper")),
                subsection(2, b(0x01, 0x00, 0x02, 0x00), name("argc"), b(0x01), name("argv")),
                subsection(4, b(0x01, 0x00), name("skipped type name")),
                subsection(7, b(0x01, 0x00), name("__stack_pointer")))));
        Names n = m.names();
        assertEquals("demo", n.module());
        assertEquals(Map.of(0, "main", 3, "helper"), n.functions());
        assertEquals("argv", n.local(0, 1));
        assertEquals("__stack_pointer", n.global(0));
        assertTrue(m.customSections().isEmpty());
    }

    @Test
    void aNameSectionThatDoesNotDecodeIsKeptAsARawCustomSection() {
        int[] badUtf8 = subsection(1, b(0x01, 0x00, 0x01, 0xFF));
        Module m = BinaryDecoder.decode(module(section(0, name("name"), badUtf8)));
        assertTrue(m.names().isEmpty());
        assertEquals("name", m.customSections().get(0).name());
        assertEquals(badUtf8.length, m.customSections().get(0).content().length);
    }

    @Test
    void subsectionsOutOfOrderMakeTheSectionUndecodable() {
        Module m = BinaryDecoder.decode(module(section(0, name("name"),
                subsection(1, b(0x00)), subsection(0, name("late")))));
        assertTrue(m.names().isEmpty());
        assertEquals(1, m.customSections().size());
    }
}
