package dev.jwdb.wat.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwdb.engine.exec.FunctionCompiler;
import dev.jwdb.engine.exec.Op;
import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.Wat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec suite twice more, every function compiled as the debugger compiles it: {@code instrumented} for breakpoints
 * and stepping (unfused: one code per Wasm instruction, exact operand stack, a CHECK before every instruction, and the
 * watched forms of loads, stores and global.set), and {@code watched} for watchpoints alone (fused, with the watched
 * forms). Nothing is armed and nothing watched, so every command must give what the plain code gives.
 * {@code -Djwdb.compile=unfused} runs {@link SpecScriptsTest} unfused without the debugging ops.
 */
class InstrumentedSpecScriptsTest {
    @TestFactory
    Stream<DynamicNode> wasm20Instrumented() throws Throwable {
        return compiledAs("instrumented", Op.CHECK);
    }

    @TestFactory
    Stream<DynamicNode> wasm20Watched() throws Throwable {
        return compiledAs("watched", Op.STORE_WATCHED);
    }

    /** The suite with {@link FunctionCompiler#MODE_PROPERTY} set to {@code mode} while each command runs. */
    private static Stream<DynamicNode> compiledAs(String mode, int firstOpOfAStore) throws Throwable {
        // make sure the mode takes effect: the scripts' functions compile when first called, inside the commands
        Module m = Wat.parseModule("(module (memory 1) (func (param i32 i32) (i32.store (local.get 0) (local.get 1))))", "check.wat");
        withMode(mode, () -> assertEquals(firstOpOfAStore, FunctionCompiler.compile(m, 0, m.types()).code()[0]));
        return under(mode, new SpecScriptsTest().wasm20());
    }

    private static Stream<DynamicNode> under(String mode, Stream<? extends DynamicNode> nodes) {
        return nodes.map(node -> {
            if (node instanceof DynamicContainer c) {
                return DynamicContainer.dynamicContainer(c.getDisplayName(), c.getTestSourceUri().orElse(null),
                        under(mode, c.getChildren()));
            }
            DynamicTest t = (DynamicTest) node;
            return DynamicTest.dynamicTest(t.getDisplayName(), t.getTestSourceUri().orElse(null),
                    () -> withMode(mode, t.getExecutable()));
        });
    }

    private static void withMode(String mode, org.junit.jupiter.api.function.Executable run) throws Throwable {
        String previous = System.setProperty(FunctionCompiler.MODE_PROPERTY, mode);
        try {
            run.execute();
        } finally {
            if (previous == null) {
                System.clearProperty(FunctionCompiler.MODE_PROPERTY);
            } else {
                System.setProperty(FunctionCompiler.MODE_PROPERTY, previous);
            }
        }
    }
}
