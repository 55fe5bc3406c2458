package dev.jwdb.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.CommandTable;
import dev.jwdb.repl.shell.ShellError;
import dev.jwdb.repl.shell.commands.ShellCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the shell's own command parser under fuzzing. Valid command lines (numbers, addresses, expressions,
 * quotes, suffixes, WAT) are mutated; each mutant must give at most one {@code error:} line, no Java exception or
 * stack trace, within the time bound, and leave the shell answering the next command. The session is stopped at a
 * breakpoint now and then so that the frame commands have a frame to work on. Longer:
 * {@code -Dtest=ShellCommandFuzzTest -Djwdb.fuzz.iterations=N} (and {@code -Djwdb.fuzz.seed=S}; a failure names the
 * seed of its line).
 */
class ShellCommandFuzzTest {
    /** A module with a bit of everything the commands look at: memory, a table, globals, a v128 local. */
    static final String MODULE = "(module (memory 1) (data (i32.const 16) \"hello\\00\")"
            + " (global $g (mut i32) (i32.const 3)) (global $v (mut v128) (v128.const i32x4 1 2 3 4))"
            + " (table 2 funcref) (elem (i32.const 0) $add)"
            + " (func $add (export \"add\") (param $a i32) (param $b i32) (result i32) (local $x v128)"
            + "   (i32.add (local.get $a) (local.get $b)))"
            + " (func $twice (export \"twice\") (param $n i32) (result i32)"
            + "   (call $add (local.get $n) (local.get $n))))";

    static final List<String> SEEDS = List.of(
            "break add", "break $add if $a == 2", "break @0x10", "break input-1.wat:1", "b twice",
            "delete 2", "disable 2 3", "enable", "info break", "info locals", "info stack", "info globals",
            "info tables", "info memory", "info functions", "bt", "frame 1", "up", "down", "list", "disas twice",
            "x/4xw 16", "x/s 16", "x/8ub 0x10", "x/2fg $a", "x/2vfw 16", "x/vb 0", "x 16",
            "print $a + 1", "print/x global 0", "print/u i32[16]", "print ($a * 2 + 1) % 3 == 1 && !(local 0 != 1)",
            "print/f32x4 $x", "p $v", "print f64[8] / 0.5",
            "set local $a = 5", "set global $g 7", "set mem 16 i32 -1", "set local $x \"i32x4 1 2 3 4\"",
            "set v128 i8x16", "set v128 i32x4",
            "watch 0x10:4 write", "watch 16 read", "watch global $g", "catch wasi fd_write", "catch trap",
            "catch denied", "grant env A=\"b c\"", "grant dir /tmp::/data ro", "grant clock", "grant random",
            "revoke env A", "revoke clock", "grants", "retry", "trace wasi on", "trace wasi off", "log",
            "invoke add 1 2", "invoke twice 0x7fffffff", "call add -1 1", "stepi", "si 3", "step", "next 2",
            "finish", "continue", "c", "kill", "run", "help", "help x", "h set",
            "(i32.add (i32.const 1) (i32.const 2))", "(i32.div_s (i32.const 1) (i32.const 0))",
            "(f64.mul (f64.const 1.5) (f64.const 2)) (i64.const 7)", "wat (module (func (export \"one\")))",
            "load /nonexistent/file.wasm", "load /tmp");

    static final List<String> TOKENS = List.of(
            "0", "-1", "1", "4294967295", "4294967296", "-2147483649", "18446744073709551615",
            "18446744073709551616", "0x", "0x_", "_", "0xffffffffffffffffff", "9".repeat(40), "1e999", "-0", "nan",
            "inf", "-inf", "0.5", "@", "@0", "@-1", "@0xffffffff", "65535", "65536", "0x10:4", ":", "0:0", "0:-1",
            "16:99999999999", "input-1.wat:99999999999", ":1", "$", "$$", "$a", "$a+", "$nope", "(", ")", "((", "))",
            "i32[", "i32[0]", "i32[-1]", "f64[65535]", "u8[65536]", "global", "local", "local 99", "global -1",
            "==", "&&", "||", "!", "/", "%", "1/0", "1%0", "-", "--", "!!", "\"", "\"\"", "\"a b", "a\"b\"c", "\\",
            "\\\"", "if", "=", "::", "ro", "read", "write", "on", "off", "", "\t", "\u0000", "\u00e9", "\ud83d\ude00",
            "\ud800", "x/", "/", "//", "/x", "/0", "/999999999999", "/v", "/vfh", "/i8x16", "v128", "i32x4",
            "\"i32x4 1 2 3\"", "\"f64x2 nan -0\"", "(module", "(;", ";)", ";;", "(i32.const", "env", "dir", "clock");

    @Test
    void mutatedCommandLinesGiveAtMostOneErrorAndTheShellAnswers() {
        long seed = Fuzzing.seed();
        int iterations = Fuzzing.iterations(1500);
        CommandTable table = ShellCommands.table();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        try (ShellDriver shell = new ShellDriver(ShellSurvivalTest.BOUND_MILLIS)) {
            for (int i = 0; i < iterations && problems.size() < 20; i++) {
                if (i % 100 == 0) {
                    stopInAdd(shell);
                }
                String line = mutant(new Random(seed + i));
                if (quits(table, line)) {
                    continue;
                }
                sent++;
                String answer = shell.send(line);
                String why = ShellDriver.crashSign(answer);
                long errors = answer.lines().filter(l -> l.contains("error:")).count();
                if (why == null && errors > 1) {
                    why = errors + " error lines";
                }
                if (why != null) {
                    problems.add(Fuzzing.replay("ShellCommandFuzzTest", seed + i) + ": " + ShellDriver.abbreviate(line)
                            + " " + why + ":\n" + answer);
                }
                String help = shell.send("help x");
                if (!help.startsWith("usage: x/NFU ADDR")) {
                    problems.add("after " + ShellDriver.abbreviate(line) + ", help x answered: " + help);
                }
            }
            shell.send("kill");
            shell.send("delete");
            assertTrue(shell.send(MODULE).startsWith("loaded input-"));
            assertEquals("i32:42\n", shell.send("invoke add 2 40"));
        }
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) in " + sent + " command lines:\n"
                + String.join("\n", problems));
    }

    /** A known state: the module defined again, stopped at a breakpoint in add called from twice. */
    private static void stopInAdd(ShellDriver shell) {
        shell.send("kill");
        shell.send("delete");
        assertTrue(shell.send(MODULE).startsWith("loaded input-"));
        shell.send("break add");
        String stop = shell.send("invoke twice 21");
        assertTrue(stop.startsWith("Breakpoint "), stop);
    }

    /** Whether the line would end the session ({@code quit}, {@code q}, {@code exit}): not what is tested here. */
    static boolean quits(CommandTable table, String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("(") || t.startsWith("#")) {
            return false;
        }
        try {
            return table.find(Args.parse(t).name()).name().equals("quit");
        } catch (ShellError | RuntimeException e) {
            return false;
        }
    }

    static String mutant(Random r) {
        String line = SEEDS.get(r.nextInt(SEEDS.size()));
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            line = mutate(r, line);
        }
        return line;
    }

    private static String token(Random r) {
        return TOKENS.get(r.nextInt(TOKENS.size()));
    }

    private static String mutate(Random r, String line) {
        List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
        int at = r.nextInt(words.size());
        switch (r.nextInt(10)) {
            case 0 -> words.set(at, token(r));
            case 1 -> words.add(at, token(r));
            case 2 -> {
                if (words.size() > 1) {
                    words.remove(at);
                }
            }
            case 3 -> words.add(at, String.join(" ", java.util.Collections.nCopies(1 + r.nextInt(3000), token(r))));
            case 4 -> {
                return line.substring(0, r.nextInt(line.length() + 1));
            }
            case 5 -> {
                int p = r.nextInt(line.length() + 1);
                return line.substring(0, p) + token(r) + line.substring(p);
            }
            case 6 -> {
                String other = SEEDS.get(r.nextInt(SEEDS.size()));
                return line.substring(0, r.nextInt(line.length() + 1)) + other.substring(r.nextInt(other.length()));
            }
            case 7 -> {
                StringBuilder suffix = new StringBuilder("/");
                for (int k = r.nextInt(6); k > 0; k--) {
                    String letters = "0123456789xdufcsvbhwg/8x16";
                    suffix.append(letters.charAt(r.nextInt(letters.length())));
                }
                words.set(0, words.get(0) + suffix);
            }
            case 8 -> {
                String repeated = List.of("(", "-", "!", "1", "$a", "a", "\"", "(;", "[", "+").get(r.nextInt(10));
                int n = List.of(10, 1000, 20_000).get(r.nextInt(3));
                int p = r.nextInt(line.length() + 1);
                return line.substring(0, p) + repeated.repeat(n) + line.substring(p);
            }
            default -> {
                String chars = " ()\"$@:=/\\;-+*%!<>[]\t\u0000";
                char c = chars.charAt(r.nextInt(chars.length()));
                int p = r.nextInt(line.length() + 1);
                return line.substring(0, p) + c + line.substring(p);
            }
        }
        return String.join(" ", words);
    }
}
