package dev.jwdb.repl;

import static dev.jwdb.repl.JwdbRun.jwdb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.repl.JwdbRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What start-up does to be quick (README, "Start-up") changes nothing a user sees: the module read ahead is the one
 * the command line names, and its errors come as before; the command line without its subcommands parses the same.
 */
class StartupTest {
    @TempDir
    Path dir;

    private static final Path FIB = Path.of("..", "samples", "wat", "fib.wat");

    /** As Main.main does: the read ahead starts before the command line is parsed. */
    private static Result jwdbReadingAhead(String... args) {
        ReadAhead.guess(args);
        try {
            return jwdb(args);
        } finally {
            assertFalse(ReadAhead.pending(), "the shell took the read ahead, or dropped it for another file");
        }
    }

    @Test
    void theFileGuessedIsTheShellsFirstModuleArgument() {
        assertEquals("app.wasm", ReadAhead.guessFile(new String[] {"app.wasm"}));
        assertEquals("app.wat", ReadAhead.guessFile(new String[] {"--dir", "x::/y", "-n", "app.wat", "other.wasm"}));
        assertEquals("a.wasm", ReadAhead.guessFile(new String[] {"-x", "info functions", "a.wasm", "arg.wat"}));
        assertNull(ReadAhead.guessFile(new String[] {}));
        assertNull(ReadAhead.guessFile(new String[] {"--nx"}));
        assertNull(ReadAhead.guessFile(new String[] {"program"}));
        for (String subcommand : Main.SUBCOMMANDS) {
            assertNull(ReadAhead.guessFile(new String[] {subcommand, "a.wasm"}), subcommand);
        }
    }

    @Test
    void aModuleReadAheadIsTheOneLoaded() {
        Result r = jwdbReadingAhead("--nx", "-x", "info functions", FIB.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("(jwdb) info functions\n   0  $fib\n   1  $fib_iter\n", r.out());
    }

    @Test
    void aWrongGuessIsDroppedAndTheNamedFileLoaded() throws IOException {
        // -x takes "a.wat" as its command here, so the guess is wrong; FILE is fib.wat.
        Path decoy = Files.writeString(dir.resolve("a.wat"), "(module (func $decoy))");
        Result r = jwdbReadingAhead("--nx", "-x", decoy.toString(), "-x", "info functions", FIB.toString());
        assertTrue(r.out().endsWith("(jwdb) info functions\n   0  $fib\n   1  $fib_iter\n"), r.out());
    }

    @Test
    void aModuleThatDoesNotLoadIsReportedBeforeAnyCommandRunsAsWithoutTheReadAhead() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.wat"), "(module (func (result i32) (f32.const 1)))\n");
        Result r = jwdbReadingAhead("--nx", "-x", "info functions", invalid.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("jwdb: " + invalid + ": type mismatch"), r.err());
        assertEquals(jwdb("--nx", "-x", "info functions", invalid.toString()), r);

        Path missing = dir.resolve("missing.wasm");
        Result m = jwdbReadingAhead("--nx", "-x", "info functions", missing.toString());
        assertEquals(2, m.status());
        assertEquals("", m.out());
        assertTrue(m.err().startsWith("jwdb: cannot read " + missing), m.err());
        assertEquals(jwdb("--nx", "-x", "info functions", missing.toString()), m);
    }

    @Test
    void theSubcommandsBuiltOnDemandAreExactlyTheListedOnes() {
        assertEquals(Main.SUBCOMMANDS,
                new ArrayList<>(Main.commandLine(GuestStdio.system(), true).getSubcommands().keySet()));
        assertTrue(Main.commandLine(GuestStdio.system(), false).getSubcommands().isEmpty());
    }

    @Test
    void subcommandsAreBuiltWhenAnArgumentNamesOneOrMayAskForHelp() {
        assertFalse(Main.needsSubcommands("app.wasm"));
        assertFalse(Main.needsSubcommands("--dir", "a::/b", "-n", "-x", "info functions", "app.wasm", "--version"));
        assertFalse(Main.needsSubcommands("-V"));
        for (String subcommand : Main.SUBCOMMANDS) {
            assertTrue(Main.needsSubcommands(subcommand, "a.wasm"), subcommand);
            assertTrue(Main.needsSubcommands("--nx", subcommand, "a.wasm"), subcommand);
            assertTrue(Main.needsSubcommands("-x", subcommand, "a.wasm"), subcommand);
        }
        assertTrue(Main.needsSubcommands("--help"));
        assertTrue(Main.needsSubcommands("-h"));
        assertTrue(Main.needsSubcommands("-nh"));
    }

    @Test
    void theHelpListsEverySubcommand() {
        Result r = jwdb("--help");
        assertEquals(0, r.status(), r.err());
        List<String> missing = new ArrayList<>();
        for (String subcommand : Main.SUBCOMMANDS) {
            if (!r.out().contains("\n  " + subcommand + " ")) {
                missing.add(subcommand);
            }
        }
        assertEquals(List.of(), missing, r.out());
    }

    @Test
    void aSubcommandNameAfterTheShellsOptionsIsStillTheSubcommand() throws IOException {
        Path wat = Files.writeString(dir.resolve("m.wat"), "(module)");
        Result r = jwdb("--nx", "wat2wasm", wat.toString(), "-o", dir.resolve("m.wasm").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(dir.resolve("m.wasm")));
    }
}
