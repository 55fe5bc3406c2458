package dev.jwdb.wat;

import dev.jwdb.engine.model.Module;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deep nesting in text is refused with a syntax error instead of overflowing the Java stack. */
class NestingLimitTest {
    private static String flat(int depth) {
        return "(module (func " + "block ".repeat(depth) + "end ".repeat(depth) + "))";
    }

    private static String folded(int depth) {
        return "(module (func " + "(block ".repeat(depth) + ")".repeat(depth) + "))";
    }

    @Test
    void hundredThousandNestedFlatBlocksAreASyntaxErrorAtTheFirstBlockTooDeep() {
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> Wat.parseModule(flat(100_000), "deep.wat"));
        assertEquals("nesting too deep (more than 1000 nested blocks or parentheses)", e.reason());
        // "(module (func " is two levels, so block number 999 is the 1001st level; each "block " is 6 columns.
        assertEquals(1, e.line());
        assertEquals(15 + 998 * 6, e.column());
    }

    @Test
    void hundredThousandNestedFoldedBlocksAreASyntaxError() {
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> Wat.parseModule(folded(100_000), "deep.wat"));
        assertEquals("nesting too deep (more than 1000 nested blocks or parentheses)", e.reason());
    }

    @Test
    void scriptsAreBoundedToo() {
        String script = "(assert_invalid " + folded(5_000) + " \"type mismatch\")";
        assertThrows(WatSyntaxException.class, () -> Wat.parseScript(script, "deep.wast"));
    }

    /** The limit is only useful if everything below it parses, even on a thread with half the default stack. */
    @Test
    void nestingJustUnderTheLimitParsesOnA512KiBStack() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Module> flat = new AtomicReference<>();
        AtomicReference<Module> folded = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                flat.set(Wat.parseModule(flat(998), "flat.wat"));
                folded.set(Wat.parseModule(folded(998), "folded.wat"));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertNull(failure.get());
        // 998 blocks, 998 ends and the function's end.
        assertEquals(998 * 2 + 1, flat.get().functions().get(0).body().size());
        assertEquals(998 * 2 + 1, folded.get().functions().get(0).body().size());
    }
}
