package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * DWARF that cannot be read never stops a module from loading: the section is ignored with a one-line note, and the
 * module debugs at the Wasm level (or, when only {@code .debug_info} is bad, with lines all the same).
 */
class CorruptDwarfTest {
    private static final Path DIR = Path.of("..", "samples", "debug-info");

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** {@code wasm} with custom section {@code name}'s content changed ({@code change} returning null drops it). */
    static byte[] withSection(byte[] wasm, String name, UnaryOperator<byte[]> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wasm, 0, 8);
        int at = 8;
        boolean found = false;
        while (at < wasm.length) {
            int start = at;
            int id = wasm[at++] & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = wasm[at++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            int contentStart = at;
            at += (int) size;
            if (id == 0) {
                int nameLength = wasm[contentStart]; // the debug section names are shorter than 128 bytes
                String n = new String(wasm, contentStart + 1, nameLength, StandardCharsets.UTF_8);
                if (n.equals(name)) {
                    found = true;
                    byte[] content = change.apply(Arrays.copyOfRange(wasm, contentStart + 1 + nameLength, at));
                    if (content != null) {
                        ByteArrayOutputStream payload = new ByteArrayOutputStream();
                        payload.write(nameLength);
                        payload.writeBytes(name.getBytes(StandardCharsets.UTF_8));
                        payload.writeBytes(content);
                        out.write(0);
                        leb(out, payload.size());
                        out.writeBytes(payload.toByteArray());
                    }
                    continue;
                }
            }
            out.write(wasm, start, at - start);
        }
        assertTrue(found, "the module has no " + name);
        return out.toByteArray();
    }

    private static void leb(ByteArrayOutputStream out, long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    private static byte[] module(String file) throws IOException {
        return Files.readAllBytes(DIR.resolve(file));
    }

    private DebugSession load(byte[] wasm) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]), stdout,
                new ByteArrayOutputStream()));
        // named as if beside stats.c, so that the source is found when the lines are read
        s.load(DIR.resolve("stats.wasm").toString(), wasm);
        s.arguments(List.of("stats.wasm", "3", "1", "4"));
        return s;
    }

    /** The module still runs, and stops where a Wasm-level breakpoint says. */
    private void debugsAtTheWasmLevel(DebugSession s) throws DebugException {
        assertFalse(s.sourceLevel());
        assertTrue(assertThrows(DebugException.class, () -> s.breakAt("stats.c:24", null)).getMessage()
                .endsWith("is a binary module: it has no source lines"));
        Location add = s.breakAt("add", null).locations().get(0);
        assertEquals(0, add.instruction());
        assertFalse(add.hasLine());
        expect(StopEvent.BreakpointHit.class, s.run());
        s.delete(s.stopPoints().get(0).id());
        expect(StopEvent.Finished.class, s.resume());
        assertEquals("count 3, min 1, max 4, mean 2.67\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTruncatedLineTableIsIgnoredWithOneNote() throws Exception {
        DebugSession s = load(withSection(module("stats.wasm"), ".debug_line", c -> Arrays.copyOf(c, c.length / 2)));
        assertEquals(1, s.loadNotes().size(), s.loadNotes().toString());
        String note = s.loadNotes().get(0);
        assertTrue(note.startsWith("ignoring .debug_line: .debug_line at 0x"), note);
        assertTrue(note.endsWith("(debugging at the Wasm level)"), note);
        debugsAtTheWasmLevel(s);
    }

    @Test
    void aLineTableOfAnUnknownVersionIsIgnored() throws Exception {
        DebugSession s = load(withSection(module("stats.wasm"), ".debug_line", c -> {
            c[4] = 99; // the first unit's version, after its 32-bit length
            return c;
        }));
        assertEquals(List.of("ignoring .debug_line: .debug_line at 0x6: unsupported line table version 99 (jwdb"
                + " reads versions 2 to 5) (debugging at the Wasm level)"), s.loadNotes());
        debugsAtTheWasmLevel(s);
    }

    @Test
    void aMissingStringSectionIsNamedInTheNote() throws Exception {
        DebugSession s = load(withSection(module("stats-dwarf5.wasm"), ".debug_line_str", c -> null));
        assertEquals(1, s.loadNotes().size());
        assertTrue(s.loadNotes().get(0).contains("the module has no .debug_line_str"), s.loadNotes().get(0));
        debugsAtTheWasmLevel(s);
    }

    @Test
    void aBadDebugInfoCostsOnlyTheCompilationDirectory() throws Exception {
        DebugSession s = load(withSection(module("stats.wasm"), ".debug_abbrev", c -> Arrays.copyOf(c, 3)));
        assertEquals(1, s.loadNotes().size(), s.loadNotes().toString());
        assertTrue(s.loadNotes().get(0).startsWith("ignoring .debug_info: "), s.loadNotes().get(0));
        assertTrue(s.sourceLevel());
        Location at = s.breakAt("stats.c:24", null).locations().get(0);
        assertEquals("    s->sum += value;", s.source(at).line(24), "found next to the module");
        expect(StopEvent.BreakpointHit.class, s.run());
        DebugException variables = assertThrows(DebugException.class, s::sourceVariables);
        assertTrue(variables.getMessage().startsWith("cannot read the variables"), variables.getMessage());
    }

    /**
     * Random damage to each DWARF section of both builds: loading never fails, each section costs at most one note,
     * and locations, line breakpoints and steps answer or refuse with a {@link DebugException}.
     */
    @Test
    void damagedSectionsNeverBreakLoadingOrLocations() throws Exception {
        Random random = new Random(7);
        List<String> sections = List.of(".debug_line", ".debug_info", ".debug_abbrev", ".debug_str",
                ".debug_line_str", ".debug_str_offsets");
        byte[][] modules = {module("stats.wasm"), module("stats-dwarf5.wasm")};
        for (int i = 0; i < 120; i++) {
            byte[] wasm = modules[i % 2];
            String name = sections.get(random.nextInt(i % 2 == 0 ? 4 : sections.size()));
            byte[] damaged = withSection(wasm, name, c -> {
                if (random.nextInt(4) == 0) {
                    return Arrays.copyOf(c, random.nextInt(c.length));
                }
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                }
                return c;
            });
            String what = "iteration " + i + ", " + name;
            try {
                DebugSession s = load(damaged);
                assertTrue(s.loadNotes().size() <= 2, what + ": " + s.loadNotes());
                for (String spec : List.of("stats.c:24", "add", "main", "stats.c:30")) {
                    try {
                        s.breakAt(spec, null);
                    } catch (DebugException e) {
                        // refused: fine
                    }
                }
                for (int f = 0; f < s.functionNames().size(); f += 7) {
                    try {
                        s.disassemble(s.functionNames().get(f));
                    } catch (DebugException e) {
                        // an import
                    }
                }
                StopEvent e = s.run();
                for (int steps = 0; steps < 5 && (e instanceof StopEvent.BreakpointHit
                        || e instanceof StopEvent.StepDone); steps++) {
                    s.backtrace();
                    try {
                        s.sourceVariables();
                    } catch (DebugException refused) {
                        // said why: fine
                    }
                    e = s.stepOver();
                }
            } catch (DebugException e) {
                fail(what + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                fail(what + ": " + e, e);
            }
        }
    }
}
