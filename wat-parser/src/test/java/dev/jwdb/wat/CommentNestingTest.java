package dev.jwdb.wat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

/** Block comments and annotations nest, are skipped in linear time, and say so when left open. */
class CommentNestingTest {
    private static String reason(String text) {
        return assertThrows(WatSyntaxException.class, () -> Wat.parseModule(text, "c.wat")).reason();
    }

    @Test
    void aCommentWhoseInnerCommentClosesButItselfDoesNotIsUnclosed() {
        // The old recursive lexer rule let the first ";)" end both, and the module parsed.
        WatSyntaxException e = assertThrows(WatSyntaxException.class,
                () -> Wat.parseModule("(module\n  (; (; ;) )", "c.wat"));
        assertEquals("unclosed comment", e.reason());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertEquals("unclosed comment", reason("(module) (;"));
        assertEquals("unclosed annotation", reason("(module (@name (x \")\")"));
    }

    @Test
    void deeplyNestedCommentsAndAnnotationsAreSkippedQuickly() {
        // 10000 levels of either took seconds to minutes before; 200000 must now take well under one.
        int depth = 200_000;
        String comments = "(module " + "(; ".repeat(depth) + ";) ".repeat(depth) + "(func))";
        String annotation = "(module (@deep " + "(".repeat(depth) + ")".repeat(depth) + ") (func))";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(1, Wat.parseModule(comments, "c.wat").functions().size());
            assertEquals(1, Wat.parseModule(annotation, "a.wat").functions().size());
        });
    }
}
