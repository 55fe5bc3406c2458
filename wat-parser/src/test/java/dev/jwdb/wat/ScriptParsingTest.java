package dev.jwdb.wat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.wat.script.Action;
import dev.jwdb.wat.script.Command;
import dev.jwdb.wat.script.Expected;
import dev.jwdb.wat.script.ModuleSource;
import dev.jwdb.wat.script.Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .wast scripts become commands in order, each knowing its line. */
class ScriptParsingTest {
    private static List<Command> commands(String text) {
        return Wat.parseScript(text, "t.wast").commands();
    }

    @Test
    void aModuleTheTextFormatRejectsFailsOnlyWhenItIsBuilt() {
        List<Command> commands = commands("""
                (module $good (func (export "f") (result i32) (i32.const 1)))
                (module $bad (func (call $missing)))
                (assert_return (invoke $good "f") (i32.const 1))
                """);
        assertEquals(3, commands.size());
        Command.ModuleCommand good = assertInstanceOf(Command.ModuleCommand.class, commands.get(0));
        assertEquals("$good", good.id());
        ModuleSource.Text goodSource = assertInstanceOf(ModuleSource.Text.class, good.source());
        assertEquals("good", goodSource.build().get().names().module());
        ModuleSource.Text bad = (ModuleSource.Text) ((Command.ModuleCommand) commands.get(1)).source();
        WatSyntaxException e = assertThrows(WatSyntaxException.class, () -> bad.build().get());
        assertTrue(e.reason().startsWith("unknown function"), e.reason());
        assertEquals(2, e.line());
    }

    @Test
    void commandsKnowTheLineOfTheirOpeningParenthesis() {
        List<Command> commands = commands("""
                ;; header

                (module)
                  (assert_trap
                    (invoke "f")
                    "unreachable")
                """);
        assertEquals(List.of(3, 4), commands.stream().map(Command::line).toList());
    }

    @Test
    void binaryAndQuotedModulesKeepTheirConcatenatedStrings() {
        List<Command> commands = commands("""
                (module binary "\\00asm" "\\01\\00\\00\\00")
                (assert_malformed (module quote "(func" " (nop))" "(bogus)") "unknown operator")
                """);
        ModuleSource.Binary binary = assertInstanceOf(ModuleSource.Binary.class,
                ((Command.ModuleCommand) commands.get(0)).source());
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, binary.bytes());
        Command.AssertMalformed malformed = assertInstanceOf(Command.AssertMalformed.class, commands.get(1));
        assertEquals("(func (nop))(bogus)", ((ModuleSource.Quote) malformed.module()).text());
        assertEquals("unknown operator", malformed.message());
    }

    @Test
    void actionsCarryTypedArguments() {
        Command.ActionCommand command = (Command.ActionCommand) commands(
                "(invoke $m \"run\" (i32.const -1) (i64.const 0x10) (f32.const -0.0) (f64.const inf) "
                        + "(ref.null func) (ref.null extern) (ref.extern 7))").get(0);
        Action.Invoke invoke = assertInstanceOf(Action.Invoke.class, command.action());
        assertEquals("$m", invoke.moduleId());
        assertEquals("run", invoke.name());
        assertEquals(List.of(Value.i32(-1), Value.i64(16), Value.f32Bits(0x80000000),
                Value.f64(Double.POSITIVE_INFINITY), Value.nullRef(ValType.FUNCREF), Value.nullRef(ValType.EXTERNREF),
                Value.ref(ValType.EXTERNREF, 7)), invoke.args());
        Command.ActionCommand get = (Command.ActionCommand) commands("(get \"g\")").get(0);
        assertEquals(new Action.Get(null, "g"), get.action());
    }

    @Test
    void expectedResultsIncludeNanPatternsAndReferences() {
        Command.AssertReturn r = (Command.AssertReturn) commands("""
                (assert_return (invoke "f")
                  (f32.const nan:canonical) (f64.const nan:arithmetic) (i32.const 3)
                  (ref.null extern) (ref.extern 2) (ref.extern) (ref.func))
                """).get(0);
        assertEquals(List.of(new Expected.CanonicalNan(ValType.F32), new Expected.ArithmeticNan(ValType.F64),
                new Expected.Exact(Value.i32(3)), new Expected.Exact(Value.nullRef(ValType.EXTERNREF)),
                new Expected.Exact(Value.ref(ValType.EXTERNREF, 2)), new Expected.AnyRef(ValType.EXTERNREF),
                new Expected.AnyRef(ValType.FUNCREF)), r.expected());
    }

    @Test
    void everyAssertionKind() {
        List<Command> commands = commands("""
                (register "M" $m)
                (assert_trap (module (func $f unreachable) (start $f)) "unreachable")
                (assert_exhaustion (invoke "loop") "call stack exhausted")
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
                (assert_uninstantiable (module (func $f unreachable) (start $f)) "unreachable")
                """);
        assertEquals(new Command.Register(1, "M", "$m"), commands.get(0));
        Command.AssertTrap trap = assertInstanceOf(Command.AssertTrap.class, commands.get(1));
        assertNull(trap.action());
        assertInstanceOf(ModuleSource.Text.class, trap.module());
        assertInstanceOf(Command.AssertExhaustion.class, commands.get(2));
        assertInstanceOf(Command.AssertInvalid.class, commands.get(3));
        assertInstanceOf(Command.AssertUnlinkable.class, commands.get(4));
        assertEquals("unreachable", ((Command.AssertUninstantiable) commands.get(5)).message());
    }

    @Test
    void aScriptOfBareFieldsIsOneModule() {
        List<Command> commands = commands("(func) (memory 0) (func (export \"f\"))");
        ModuleSource.Text text = (ModuleSource.Text) ((Command.ModuleCommand) commands.get(0)).source();
        assertEquals(2, text.build().get().functions().size());
    }

    @Test
    void aScriptLevelSyntaxErrorFailsTheWholeScript() {
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> Wat.parseScript("(module)\n(assert_return (invoke \"f\" (i32.const 1.5)))", "t.wast"));
        assertEquals(2, e.line());
    }

    @Test
    void theLargestSpecScriptParsesQuickly() throws Exception {
        Path file = SpecCorpusTest.specDir().resolve("memory_copy.wast");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file));
        String text = Files.readString(file);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Script script = Wat.parseScript(text, "memory_copy.wast");
            for (Command c : script.commands()) {
                if (c instanceof Command.ModuleCommand m && m.source() instanceof ModuleSource.Text t) {
                    t.build().get();
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 2_000_000_000L, "warm parse took " + best / 1_000_000 + " ms");
    }
}
