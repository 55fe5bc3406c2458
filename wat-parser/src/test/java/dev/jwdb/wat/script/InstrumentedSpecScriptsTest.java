package dev.jwdb.wat.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwdb.engine.exec.FunctionCompiler;
import dev.jwdb.engine.exec.Op;
import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.Wat;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec suite once more, every function compiled the way the debugger compiles it for breakpoints and
 * watchpoints: unfused (one code per Wasm instruction, exact operand stack) with a CHECK before every instruction
 * and the watched forms of loads, stores and global.set. Nothing is armed and nothing watched, so every command must
 * give what the plain, fused code gives. {@code -Djwdb.compile=unfused} runs {@link SpecScriptsTest} unfused without
 * the debugging ops.
 */
class InstrumentedSpecScriptsTest {
    private static String previous;

    @BeforeAll
    static void compileInstrumented() {
        previous = System.setProperty(FunctionCompiler.MODE_PROPERTY, "instrumented");
    }

    @AfterAll
    static void restore() {
        if (previous == null) {
            System.clearProperty(FunctionCompiler.MODE_PROPERTY);
        } else {
            System.setProperty(FunctionCompiler.MODE_PROPERTY, previous);
        }
    }

    @TestFactory
    Stream<DynamicNode> wasm20Instrumented() throws IOException {
        // the instantiations in the scripts compile this way too: make sure the property took effect
        Module m = Wat.parseModule("(module (func (nop)))", "check.wat");
        assertEquals(Op.CHECK, FunctionCompiler.compile(m, 0, m.types()).code()[0]);
        return new SpecScriptsTest().wasm20();
    }
}
