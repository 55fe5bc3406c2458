package dev.jwdb.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 8: v128 values read as lanes everywhere the shell shows a value, in a shape the user picks. */
class ShellV128Test {
    private static final String LANES = Path.of("src", "test", "resources", "lanes.wat").toAbsolutePath().toString();

    private static void contains(ShellSession.Transcript t, String... expected) {
        for (String e : expected) {
            assertTrue(t.text().contains(e), "missing \"" + e + "\" in:\n" + t);
        }
        assertFalse(t.text().contains("Exception"), t.toString());
        assertFalse(t.text().contains("internal error"), t.toString());
    }

    @Test
    void localsOperandsGlobalsAndResultsShowLanes() {
        ShellSession.Transcript t = ShellSession.run(LANES,
                "break lanes.wat:17", "invoke go", "info locals", "info stack", "info globals", "print $b",
                "continue", "delete 2", "invoke mix \"i32x4 1 2 3 -1\" 0", "invoke mix \"i32x4 1 2 3\" 0",
                "invoke mix \"i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\" 0");
        contains(t,
                "$a = v128:i32x4 [1 1 1 1]\n$n = i32:9\n$b = v128:i32x4 [1 2 3 4]\n$m = i32:5",
                "[0] i32:9\n[1] v128:i32x4 [2 3 4 5]",
                "global 0 $g (mut) = v128:i32x4 [10 20 30 40]\nglobal 1 $k = i32:7",
                "(jwdb mix+0x15) print $b\nv128:i32x4 [1 2 3 4]",
                "continue\nv128:i32x4 [12 23 34 45]",
                "invoke mix \"i32x4 1 2 3 -1\" 0\nv128:i32x4 [14 27 40 48]",
                "error: \"i32x4 1 2 3\" is not a v128: write a shape and its lanes",
                "v128:i32x4 [15 29 43 52]");
    }

    @Test
    void setV128ChangesTheShapeEverywhereAndPrintPicksOneForOnce() {
        ShellSession.Transcript t = ShellSession.run(LANES,
                "break lanes.wat:17", "invoke go",
                "print/i8x16 $b", "print/x $b", "print/f32x4 $a", "print/i64x2 $n",
                "set v128 i16x8", "info locals", "print $a", "set v128 f64x2x", "set v128",
                "set local $a = \"i32x4 -1 0 0 7\"", "set v128 i32x4", "print/u $a", "print $a + 1", "print $n + 1");
        contains(t,
                "v128:i8x16 [1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0]",
                "print/x $b\nv128:i32x4 [0x1 0x2 0x3 0x4]",
                "v128:f32x4 [1e-45 1e-45 1e-45 1e-45]",
                "error: print/i64x2: i32:9 is not a v128",
                "v128 values are shown as i16x8",
                "$a = v128:i16x8 [1 0 1 0 1 0 1 0]",
                "error: set v128: unknown shape \"f64x2x\"",
                "error: usage: set v128 SHAPE (i8x16 i16x8 i32x4 i64x2 f32x4 f64x2); v128 values are shown as i16x8",
                "print/u $a\nv128:i32x4 [4294967295 0 0 7]",
                "error: a v128 cannot be computed with",
                "print $n + 1\ni32:10");
    }

    @Test
    void examineReadsMemoryAsLanes() {
        ShellSession.Transcript t = ShellSession.run(LANES,
                "invoke go", "x/v 16", "x/2vb 0", "x/vfw 16", "x/vxg 16", "x/4xw 16", "x/vs 16", "x/vfh 16",
                "x/v 65535", "set v128 i64x2", "x/v 16", "x/4 16");
        contains(t,
                "x/v 16\n0x00000010:  i32x4 [1 2 3 4]",
                "x/2vb 0\n0x00000000:  i8x16 [0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0]\n"
                        + "0x00000010:  i8x16 [1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0]",
                "x/vfw 16\n0x00000010:  f32x4 [1e-45 3e-45 4e-45 6e-45]",
                "x/vxg 16\n0x00000010:  i64x2 [0x200000001 0x400000003]",
                "x/4xw 16\n0x00000010:  0x00000001  0x00000002  0x00000003  0x00000004",
                "error: x: v reads lanes of numbers; it does not combine with s",
                "error: x: float lanes are 4 (w) or 8 (g) bytes, not 2",
                "x/v 65535\nerror: 0xffff..0x1000f is out of bounds",
                "x/v 16\n0x00000010:  i64x2 [8589934593 17179869187]",
                // x/v is for once: plain x goes on in the last scalar format
                "x/4 16\n0x00000010:  0x00000001  0x00000002  0x00000003  0x00000004");
    }

    @Test
    void helpExplainsTheShapes() {
        ShellSession.Transcript t = ShellSession.run(null, "help x", "help print", "help set");
        contains(t, "x/2vfw $p", "print/f32x4 $v", "set v128 f32x4");
    }
}
