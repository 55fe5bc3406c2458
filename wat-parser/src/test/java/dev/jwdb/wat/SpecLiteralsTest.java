package dev.jwdb.wat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the literal parsers against the expectations written in the official spec scripts: each rounding case of
 * const.wast, the named constants of the literal tests, every malformed-literal assertion, the integer-to-float
 * conversions (which round exactly as parsing the integer's decimal text must), and the UTF-8 name tests.
 */
class SpecLiteralsTest {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ROUNDING_CASE = Pattern.compile(
            "\\(module \\(func \\(export \"f\"\\) \\(result (f32|f64)\\) \\(f(?:32|64)\\.const (\\S+)\\)\\)\\)\\s*"
                    + "\\(assert_return \\(invoke \"f\"\\) \\(f(?:32|64)\\.const (\\S+)\\)\\)");
    private static final Pattern MALFORMED_CONST = Pattern.compile(
            "\\(assert_malformed\\s*\\(module quote \"[^\"]*\\((i32|i64|f32|f64)\\.const ([^)\\s]+)\\)[^\"]*\"\\)\\s*"
                    + "\"([^\"]*)\"");
    private static final Pattern EXPORTED_CONST = Pattern.compile(
            "\\(func \\(export \"([^\"]+)\"\\) \\(result \\w+\\) (?:\\(return |\\(\\w+\\.reinterpret_\\w+ )?"
                    + "\\((i32|i64|f32|f64)\\.const (\\S+?)\\)\\)");
    private static final Pattern EXPECTED_RESULT = Pattern.compile(
            "\\(assert_return \\(invoke \"([^\"]+)\"\\) \\((i32|i64|f32|f64)\\.const (\\S+?)\\)\\)");
    private static final Pattern CONVERSION = Pattern.compile(
            "\\(assert_return \\(invoke \"(f32|f64)\\.convert_(i32|i64)_([su])\" \\((?:i32|i64)\\.const (\\S+)\\)\\) "
                    + "\\((?:f32|f64)\\.const (\\S+)\\)\\)");

    private static String script(String name) throws IOException {
        Path dir = Path.of(System.getProperty("jwdb.spec.dir", "../../shared/spec"), "wasm-2.0");
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static long floatBits(String type, String token) {
        return type.equals("f32") ? Literals.parseF32Bits(token) & 0xFFFFFFFFL : Literals.parseF64Bits(token);
    }

    private static long anyBits(String type, String token) {
        return switch (type) {
            case "i32" -> Literals.parseI32(token) & 0xFFFFFFFFL;
            case "i64" -> Literals.parseI64(token);
            default -> floatBits(type, token);
        };
    }

    @Test
    void everyRoundingCaseOfConstWastGivesTheExpectedBits() throws IOException {
        Matcher m = ROUNDING_CASE.matcher(script("const.wast"));
        int cases = 0;
        while (m.find()) {
            String type = m.group(1);
            assertEquals(floatBits(type, m.group(3)), floatBits(type, m.group(2)), m.group());
            cases++;
        }
        assertTrue(cases >= 300, "only " + cases + " rounding cases found");
    }

    @Test
    void everyMalformedLiteralIsRejectedWithTheSpecMessage() throws IOException {
        int cases = 0;
        for (String file : List.of("const.wast", "int_literals.wast", "float_literals.wast")) {
            Matcher m = MALFORMED_CONST.matcher(script(file));
            while (m.find()) {
                String type = m.group(1);
                String token = m.group(2);
                String expected = m.group(3);
                NumberFormatException e = assertThrows(NumberFormatException.class, () -> anyBits(type, token),
                        file + ": " + type + ".const " + token);
                assertTrue(e.getMessage().startsWith(expected), file + ": " + token + " gave " + e.getMessage());
                cases++;
            }
        }
        assertTrue(cases > 150, "only " + cases + " malformed cases found");
    }

    @Test
    void constantsAcceptedByConstWastParse() throws IOException {
        Matcher m = Pattern.compile("^\\(module \\(func \\((i32|i64|f32|f64)\\.const (\\S+)\\) drop\\)\\)$",
                Pattern.MULTILINE).matcher(script("const.wast"));
        int cases = 0;
        while (m.find()) {
            anyBits(m.group(1), m.group(2));
            cases++;
        }
        assertTrue(cases > 60, "only " + cases + " accepted constants found");
    }

    @Test
    void literalTestsReturnTheExpectedBits() throws IOException {
        int cases = 0;
        for (String file : List.of("int_literals.wast", "float_literals.wast")) {
            String text = script(file);
            Map<String, String[]> constants = new HashMap<>();
            Matcher definition = EXPORTED_CONST.matcher(text);
            while (definition.find()) {
                constants.put(definition.group(1), new String[] {definition.group(2), definition.group(3)});
            }
            Matcher expectation = EXPECTED_RESULT.matcher(text);
            while (expectation.find()) {
                String[] literal = constants.get(expectation.group(1));
                if (literal == null) {
                    continue;
                }
                long expected = anyBits(expectation.group(2), expectation.group(3));
                assertEquals(expected, anyBits(literal[0], literal[1]), file + ": " + expectation.group(1));
                cases++;
            }
        }
        assertTrue(cases > 120, "only " + cases + " named constants checked");
    }

    @Test
    void integerToFloatConversionsRoundLikeTheIntegersDecimalText() throws IOException {
        Matcher m = CONVERSION.matcher(script("conversions.wast"));
        int cases = 0;
        while (m.find()) {
            String target = m.group(1);
            boolean unsigned = m.group(3).equals("u");
            String decimal = m.group(2).equals("i32")
                    ? unsigned ? Integer.toUnsignedString(Literals.parseI32(m.group(4)))
                    : Integer.toString(Literals.parseI32(m.group(4)))
                    : unsigned ? Long.toUnsignedString(Literals.parseI64(m.group(4)))
                    : Long.toString(Literals.parseI64(m.group(4)));
            assertEquals(floatBits(target, m.group(5)), floatBits(target, decimal), m.group());
            cases++;
        }
        assertTrue(cases > 50, "only " + cases + " conversions found");
    }

    @Test
    void invalidUtf8NamesAreMalformed() throws IOException {
        Matcher m = Pattern.compile("\\(assert_malformed \\(module quote (\"(?:[^\"\\\\]|\\\\.)*\")\\) "
                + "\"malformed UTF-8 encoding\"\\)").matcher(script("utf8-invalid-encoding.wast"));
        int cases = 0;
        while (m.find()) {
            String moduleText = new String(Literals.parseString(m.group(1)), StandardCharsets.UTF_8);
            List<String> names = strings(moduleText);
            assertEquals(1, names.size(), moduleText);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Literals.parseName(names.get(0)), moduleText);
            assertTrue(e.getMessage().startsWith("malformed UTF-8 encoding"), e.getMessage());
            cases++;
        }
        assertTrue(cases > 170, "only " + cases + " invalid encodings found");
    }

    @Test
    void everyNameInNamesWastIsValid() throws IOException {
        Matcher m = Pattern.compile("\\((?:export|invoke) (\"(?:[^\"\\\\]|\\\\.)*\")").matcher(script("names.wast"));
        int cases = 0;
        while (m.find()) {
            try {
                Literals.parseName(m.group(1));
            } catch (IllegalArgumentException e) {
                fail(m.group(1) + ": " + e.getMessage());
            }
            cases++;
        }
        assertTrue(cases > 400, "only " + cases + " names found");
    }

    @Test
    void escapedAndLiteralSpellingsOfANameAgree() {
        assertEquals(Literals.parseName("\"\\u{1F600}\""), Literals.parseName("\"\ud83d\ude00\""));
        assertEquals(Literals.parseName("\"\\ef\\bb\\bf\""), Literals.parseName("\"\\u{feff}\""));
    }

    private static List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
