package dev.jwdb.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Inputs that the shell fuzzing (robustness: ShellSurvivalTest, ShellCommandFuzzTest) or its review found to crash
 * the shell or to give an internal error, each now answered with one clear error and the session going on.
 */
class ShellFuzzFindingsTest {
    private static final String FIB = ShellSession.sample("wat/fib.wat");

    private static void answered(ShellSession.Transcript t, String... expected) {
        for (String e : expected) {
            assertTrue(t.text().contains(e), "missing \"" + e + "\" in:\n" + t);
        }
        assertFalse(t.text().contains("internal error"), t.toString());
        assertFalse(t.text().contains("Exception"), t.toString());
        assertTrue(t.text().endsWith("(jwdb) invoke fib 10\ni32:55\n"), t.toString());
    }

    @Test
    void loadingADeviceIsRefusedInsteadOfReadUntilMemoryRunsOut() {
        answered(ShellSession.run(FIB, "load /dev/zero", "invoke fib 10"),
                "(jwdb) load /dev/zero\nerror: load: /dev/zero is not a regular file\n");
    }

    @Test
    void aFileNameWithANulCharacterIsRefused() {
        answered(ShellSession.run(FIB, "load a\u0000b.wasm", "break a\u0000b.wat:3", "invoke fib 10"),
                "error: load: not a file name: Nul character not allowed",
                "error: no source file a\u0000b.wat");
    }

    @Test
    void setWithOnlyAnEqualsSignGivesTheUsage() {
        answered(ShellSession.run(FIB, "set =", "invoke fib 10"), "(jwdb) set =\nerror: usage: set local NAME");
    }

    @Test
    void expressionsTooDeepForTheStackAreRefused() {
        answered(ShellSession.run(FIB, "print " + "(".repeat(50_000) + "1", "print " + "-".repeat(50_000) + "1",
                "x/x " + "i32[".repeat(50_000), "break fib if " + "!".repeat(50_000) + "1", "invoke fib 10"),
                "nested more than 100 deep");
    }
}
