package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.jwdb.debugger.Sessions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C expressions over samples/debug-info/stats.wasm (stats.c built with clang -g -O0, wasi-libc with its DWARF):
 * members through pointers, indexing, dereference, address-of, C's arithmetic on wasm32, casts, the global
 * variables of the C library, breakpoint conditions in C, and an error that says what went wrong for each misuse.
 */
class SourceExpressionTest {
    private static final Path DIR = SourceLevelTest.DIR;

    private static DebugSession stats(Path module, String... args) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        s.load(module);
        List<String> argv = new ArrayList<>(List.of("stats.wasm"));
        argv.addAll(List.of(args));
        s.arguments(argv);
        return s;
    }

    /** Stopped in add on line 24 for the first value (3): add's s points to main's struct {0, 3, 3, 0}. */
    private static DebugSession inAdd(Path module) throws DebugException {
        DebugSession s = stats(module, "3", "1");
        s.breakAt("stats.c:24", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        return s;
    }

    private static String print(DebugSession s, String expression) throws DebugException {
        assertTrue(s.isSourceExpression(expression), expression);
        return s.evaluateSource(expression, SourceValue.Radix.NATURAL).text();
    }

    private static String error(DebugSession s, String expression) {
        return assertThrows(DebugException.class, () -> s.evaluateSource(expression, SourceValue.Radix.NATURAL),
                expression).getMessage();
    }

    @Test
    void membersIndexingDereferenceAndAddressesReadTheProgramAsCDoes() throws DebugException {
        for (String module : List.of("stats.wasm", "stats-dwarf5.wasm")) {
            DebugSession s = inAdd(DIR.resolve(module));
            assertEquals("3", print(s, "s->min"), module);
            assertEquals("{count = 0, min = 3, max = 3, sum = 0}", print(s, "*s"));
            assertEquals("3", print(s, "(*s).max"));
            assertEquals("9", print(s, "s->min + value * 2"));
            assertEquals("struct stats *", s.evaluateSource("s", SourceValue.Radix.NATURAL).type());
            assertEquals("long", s.evaluateSource("s->sum", SourceValue.Radix.NATURAL).type());
            String pointer = print(s, "s");
            assertEquals(pointer, print(s, "&s->count"), "count is the first member");
            assertEquals(Long.decode(pointer) + 4, Long.decode(print(s, "&s->min")), "min follows the int count");
            assertEquals("3", print(s, "s[0].min"), "a pointer indexes as an array");
            assertEquals("3", print(s, "0[s].max"), "and C allows the index first");
            // main's frame: the struct itself, argv's strings
            s.up();
            assertEquals("{count = 0, min = 3, max = 3, sum = 0}", print(s, "s"));
            assertEquals(pointer, print(s, "&s"), "add's s points at main's s");
            assertEquals("1", print(s, "&s.max - &s.min"), "pointers subtract in elements");
            assertEquals("4", print(s, "(char *)&s.max - (char *)&s.min"));
            assertTrue(print(s, "argv[1]").matches("0x[0-9a-f]+ \"3\""), print(s, "argv[1]"));
            assertEquals("51 '3'", print(s, "argv[1][0]"));
            assertEquals("49 '1'", print(s, "*argv[2]"));
            assertEquals("0 '\\000'", print(s, "*end"), "end points at the NUL after \"3\"");
            assertEquals("1", print(s, "*end == '\\0' && i < argc"));
            assertEquals("\"stat\"", print(s, "argv[0][0]@4"), "gdb's @: four chars from argv[0] on");
            assertTrue(print(s, "*argv@argc").matches("\\{0x[0-9a-f]+ \"stats.wasm\", 0x[0-9a-f]+ \"3\", 0x[0-9a-f]+"
                    + " \"1\"}"), print(s, "*argv@argc"));
            assertEquals("2", print(s, "i + 1"));
        }
    }

    @Test
    void arithmeticFollowsCsPromotionsAndSignednessOnWasm32() throws DebugException {
        DebugSession s = inAdd(DIR.resolve("stats.wasm"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("-1u", "4294967295");
        cases.put("2147483647 + 1", "-2147483648");          // int wraps
        cases.put("2147483648", "2147483648");               // too big for int and long: long long
        cases.put("-1 < 0u", "0");                            // -1 becomes unsigned
        cases.put("(long long)-1 < 0u", "1");                 // unsigned int fits in long long
        cases.put("-1 < (unsigned char)1", "1");              // the char is promoted to int
        cases.put("7 / 2", "3");
        cases.put("-7 / 2", "-3");
        cases.put("-7 % 3", "-1");
        cases.put("0xffffffffu / 2", "2147483647");
        cases.put("7.0 / 2", "3.5");
        cases.put("1.5f * 2", "3.0");
        cases.put("'a' + 1", "98");
        cases.put("'a'", "97 'a'");
        cases.put("'\\n'", "10 '\\n'");
        cases.put("1 << 31", "-2147483648");
        cases.put("0xffffffffu >> 4", "268435455");
        cases.put("-16 >> 2", "-4");
        cases.put("~0", "-1");
        cases.put("6 & 3 | 8 ^ 1", "11");
        cases.put("(unsigned char)300", "44 ','");
        cases.put("(short)70000", "4464");
        cases.put("(int)3.9", "3");
        cases.put("(double)value / 2", "1.5");
        cases.put("1.0 / 0", "inf");
        cases.put("-1.0f / 0", "-inf");
        cases.put("0.0 / 0 == 0.0 / 0", "0");
        cases.put("(_Bool)value", "true");
        cases.put("sizeof(long)", "4");
        cases.put("sizeof(long long)", "8");
        cases.put("sizeof(struct stats)", "16");
        cases.put("sizeof s", "4");
        cases.put("sizeof *s", "16");
        cases.put("!s", "0");
        cases.put("s && value", "1");
        cases.put("value > 2 ? 10 : 20", "10");
        cases.put("(size_t) -1", "4294967295");               // a typedef of wasi-libc's: a cast, not a subtraction
        cases.put("s->count == 0 || value < s->min", "1");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), print(s, c.getKey()), c.getKey());
        }
    }

    @Test
    void hexSignedAndUnsignedFormatsApplyToEveryNumberOfAValue() throws DebugException {
        DebugSession s = inAdd(DIR.resolve("stats.wasm"));
        assertEquals("{count = 0x0, min = 0x3, max = 0x3, sum = 0x0}", s.evaluateSource("*s",
                SourceValue.Radix.HEX).text());
        assertEquals("0xffffffff", s.evaluateSource("-1", SourceValue.Radix.HEX).text());
        assertEquals("-1", s.evaluateSource("0xffffffffu", SourceValue.Radix.SIGNED).text());
        assertEquals("4294967295", s.evaluateSource("-1", SourceValue.Radix.UNSIGNED).text());
        assertEquals("0x61", s.evaluateSource("'a'", SourceValue.Radix.HEX).text());
        assertEquals("0x3ff8000000000000", s.evaluateSource("1.5", SourceValue.Radix.HEX).text(), "a float's bits");
        s.up();
        String pointer = s.evaluateSource("argv[1]", SourceValue.Radix.HEX).text();
        assertTrue(pointer.matches("0x[0-9a-f]+"), "a char * in hex has no string: " + pointer);
        assertEquals("{0x73, 0x74, 0x61}", s.evaluateSource("argv[0][0]@3", SourceValue.Radix.HEX).text());
    }

    @Test
    void eachMisuseIsOneLineThatSaysWhatTheOperandIs() throws DebugException {
        DebugSession s = inAdd(DIR.resolve("stats.wasm"));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("s.min", ". needs a struct or union, s is struct stats * (use s->min)");
        cases.put("value->x", "-> needs a pointer to a struct, value is long");
        cases.put("s->nope", "struct stats has no member named nope");
        cases.put("*(int *)0xfffffff0", "cannot read 4 bytes at 0xfffffff0 (outside memory)");
        cases.put("*(struct stats *)0xfffffff8", "cannot read 16 bytes at 0xfffffff8 (outside memory)");
        // a member's offset is added as a load's offset is, past 32 bits
        cases.put("((struct stats *)-4)->max", "cannot read 4 bytes at 0x100000004 (outside memory)");
        cases.put("nope", "no variable \"nope\" in scope here");
        cases.put("*value", "* needs a pointer, value is long");
        cases.put("value[1]", "[] needs an array or a pointer, value is long");
        cases.put("s[s]", "an index must be an integer, s is struct stats *");
        cases.put("*(void *)s", "* cannot read through a void *: cast it first, as in *(int *)(void *)s");
        cases.put("s + s", "+ cannot add two pointers, s and s");
        cases.put("*s + 1", "+ needs numbers, *s is struct stats");
        cases.put("value % 1.5", "% needs integers, 1.5 is double");
        cases.put("value / 0", "division by zero");
        cases.put("&3", "& cannot take the address of 3: it is a value, not in memory");
        cases.put("(struct nope *)s", "no type named struct nope in the program");
        cases.put("(struct stats)value", "cannot cast to struct stats: only to numbers and pointers");
        cases.put("*s ? 1 : 2", "*s is struct stats: only numbers and pointers are true or false");
        cases.put("value = 3", "bad expression \"value = 3\": = is not supported: expressions read the program,"
                + " they do not change it");
        cases.put("value++", "bad expression \"value++\": ++ is not supported: expressions read the program, they"
                + " do not change it");
        cases.put("add(s, 1)", "bad expression \"add(s, 1)\": function calls are not supported");
        cases.put("\"abc\"", "bad expression \"\"abc\"\": strings are not supported");
        cases.put("value +", "bad expression \"value +\": an operand is missing at the end");
        cases.put("(value", "bad expression \"(value\": a ) is missing at the end");
        cases.put("value # 2", "bad expression \"value # 2\": unexpected \"#\"");
        cases.put("99999999999999999999", "bad expression \"99999999999999999999\": 99999999999999999999 is too"
                + " large for any integer type");
        cases.put("(long double)1", "long double is not supported");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), error(s, c.getKey()), c.getKey());
        }
        assertTrue(error(s, "s[100000000]").startsWith("cannot read 16 bytes at 0x"), error(s, "s[100000000]"));
        // wasi-libc's __main_void has no DWARF: only the globals are there
        s.selectFrame(2);
        assertEquals("no global variable \"argc\", and DWARF describes no variables in $__main_void",
                error(s, "argc"));
        assertEquals("2", print(s, "stderr->fd"));
    }

    @Test
    void deepOrLongInputIsRefusedBeforeItCanExhaustTheStack() throws DebugException {
        DebugSession s = inAdd(DIR.resolve("stats.wasm"));
        assertTrue(error(s, "(".repeat(20_000) + "1").endsWith("nested more than 100 deep"));
        assertTrue(error(s, "- ".repeat(20_000) + "1").endsWith("nested more than 100 deep"));
        assertTrue(error(s, "1" + "+1".repeat(2000)).endsWith("more than 1000 operators"));
        assertTrue(error(s, "s" + "[0]".repeat(500)).contains("more than 100 [], . or -> in a row"));
        assertEquals("1000", print(s, "1" + "+1".repeat(999)), "as many operators as allowed evaluate");
        assertEquals("-1", print(s, "- ".repeat(99) + "1"));
    }

    @Test
    void anyTokenSoupIsAValueOrADebugExceptionNeverAnotherException() throws DebugException {
        DebugSession s = inAdd(DIR.resolve("stats.wasm"));
        List<String> tokens = List.of("s", "value", "->", ".", "[", "]", "(", ")", "*", "&", "+", "-", "/", "%", "0",
                "1", "-1", "0xfffffff0", "'a'", "'\\x'", "\"x\"", "sizeof", "struct", "stats", "int", "char", "long",
                "unsigned", "void", "?", ":", "@", "==", "<", "&&", "||", "!", "~", "<<", ">>", "min", "count", "1.5",
                "FILE", "size_t", "stderr", "errno", "LLPRE", "=", "++", "argc", "1e999", "0x", "08", "_Bool", "double");
        java.util.Random random = new java.util.Random(42);
        int values = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                b.append(tokens.get(random.nextInt(tokens.size()))).append(random.nextBoolean() ? " " : "");
            }
            String expression = b.toString();
            for (SourceValue.Radix radix : SourceValue.Radix.values()) {
                try {
                    assertNotNull(s.evaluateSource(expression, radix).text());
                    values++;
                } catch (DebugException e) {
                    assertFalse(e.getMessage().isBlank(), expression);
                } catch (RuntimeException e) {
                    throw new AssertionError(expression + " (" + radix + "): " + e, e);
                }
            }
        }
        assertTrue(values > 200, "some of them are values: " + values);
    }

    @Test
    void theCLibrarysGlobalsReadBeforeTheProgramRunsAndAfter() throws DebugException {
        DebugSession s = stats(DIR.resolve("stats.wasm"), "99999999999999999999");
        // no frame yet: the globals alone, in the initial image of memory
        assertEquals("2", print(s, "stderr->fd"));
        assertEquals("1", print(s, "__stdout_FILE.fd"));
        assertEquals(print(s, "stderr"), print(s, "&__stderr_FILE"));
        assertTrue(print(s, "*stderr").contains("fd = 2, "), print(s, "*stderr"));
        // a function pointer is an index into table 0: shown with the function it calls
        assertEquals("0x1 <__stdio_close>", print(s, "stderr->close"));
        assertEquals("0x1", s.evaluateSource("stderr->close", SourceValue.Radix.HEX).text());
        assertEquals("2", print(s, "((FILE *)stderr)->fd"), "FILE is wasi-libc's typedef");
        assertEquals("stdout is optimized out here", error(s, "stdout"), "wasm-ld discarded it (address -1)");
        // vfprintf.c's enum { BARE, LPRE, LLPRE, ... }: an enumerator shows as its name, and computes as a number
        assertEquals("LLPRE", print(s, "LLPRE"));
        assertEquals("3", print(s, "LLPRE + 1"));
        assertEquals("1", print(s, "LLPRE == 2"));
        assertEquals("no global variable \"value\" (the program is not stopped: only globals are in scope)",
                error(s, "value"));
        // strtol of a number too large sets errno to ERANGE (68 in WASI): errno is thread-local, at its address
        s.breakAt("stats.c:33", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("68", print(s, "errno"));
        assertEquals("2147483647", print(s, "value"), "strtol's LONG_MAX on wasm32");
    }

    @Test
    void variablesInWasmLocalsHaveNoAddress() throws DebugException {
        // wasi-libc is built with -O2: strtol's base is a Wasm local, by its location list
        DebugSession s = stats(DIR.resolve("stats.wasm"), "42");
        s.breakAt("strtol", null);
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("10", print(s, "base"));
        assertEquals("20", print(s, "base * 2"));
        assertEquals("52 '4'", print(s, "*s"));
        assertTrue(error(s, "&base").startsWith("& cannot take the address of base: it is "), error(s, "&base"));
    }

    @Test
    void conditionsInCStopOnlyWhenTheyHoldAndNamesAreCheckedWhereTheBreakpointIs() throws DebugException {
        DebugSession s = stats(DIR.resolve("stats.wasm"), "3", "1", "4", "5");
        StopPoint.Breakpoint big = s.breakAt("stats.c:24", "value > 3");
        assertEquals("value > 3", big.condition());
        List<String> seen = new ArrayList<>();
        for (StopEvent e = s.run(); e instanceof StopEvent.BreakpointHit hit; e = s.resume()) {
            assertNull(hit.conditionError());
            seen.add(print(s, "value"));
        }
        assertEquals(List.of("4", "5"), seen);

        DebugSession third = stats(DIR.resolve("stats.wasm"), "3", "1", "4", "5");
        third.breakAt("add", "s->count == 2");
        expect(StopEvent.BreakpointHit.class, third.run());
        assertEquals("4", print(third, "value"), "the third value finds two counted");
        expect(StopEvent.Finished.class, third.resume());

        DebugException typo = assertThrows(DebugException.class, () -> s.breakAt("stats.c:24", "vlue > 3"));
        assertEquals("no variable \"vlue\" in scope at stats.c:24", typo.getMessage());
        assertThrows(DebugException.class, () -> s.breakAt("stats.c:24", "value >"));
        // a global is known everywhere; main's argc is not known in add
        s.breakAt("stats.c:24", "stderr->fd == 2");
        assertThrows(DebugException.class, () -> s.breakAt("stats.c:24", "argc > 1"));
    }

    @Test
    void aConditionThatCannotBeEvaluatedStopsAndSaysWhy() throws DebugException {
        DebugSession s = stats(DIR.resolve("stats.wasm"), "3");
        s.breakAt("stats.c:24", "*(int *)(value - 4) == 1");
        StopEvent.BreakpointHit hit = expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("cannot read 4 bytes at 0xffffffff (outside memory)", hit.conditionError());
    }

    @Test
    void theWasmFormsKeepTheirMeaningInAModuleWithDwarf() throws DebugException {
        DebugSession s = stats(DIR.resolve("stats.wasm"), "3", "1", "4");
        // at -O0 add keeps its parameters in Wasm locals 0 and 1 before storing them
        s.breakAt("add", "local 1 == 4");
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("4", print(s, "value"));
        assertFalse(s.isSourceExpression("local 1"));
        assertFalse(s.isSourceExpression("$__stack_pointer - 16"));
        assertFalse(s.isSourceExpression("i32[local 0 + 4]"));
        assertEquals("i32:4", s.evaluate("local 1").toString());
        assertEquals(print(s, "s->min"), Integer.toString(s.evaluate("i32[local 0 + 4]").asI32()));
        assertTrue(s.isSourceExpression("local1 + global2"), "names that merely start so are C");
    }

    @Test
    void aConditionSetBeforeTheModuleIsLoadedIsReadInTheModulesLanguage() throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        StopPoint.Breakpoint pending = s.breakAt("stats.c:24", "value == 4");
        assertTrue(pending.pending());
        assertThrows(DebugException.class, () -> s.breakAt("stats.c:24", "value = 4"), "neither C nor Wasm");
        s.load(DIR.resolve("stats.wasm"));
        s.arguments(List.of("stats.wasm", "3", "4"));
        expect(StopEvent.BreakpointHit.class, s.run());
        assertEquals("4", print(s, "value"));
    }

    @Test
    void aModuleWithoutDwarfKeepsTheWasmLanguageOnly() throws DebugException {
        DebugSession s = Sessions.fib();
        assertFalse(s.isSourceExpression("1 + 2"));
        assertEquals("i32:3", s.evaluate("1 + 2").toString());
        DebugException e = assertThrows(DebugException.class, () -> s.evaluateSource("1 + 2",
                SourceValue.Radix.NATURAL));
        assertTrue(e.getMessage().startsWith("C expressions need the module's DWARF variables"), e.getMessage());
        StopPoint.Breakpoint b = s.breakAt("$fib", "$n == 2");
        assertNotNull(b.condition());
    }
}
