package dev.jwdb.debugger;

import java.util.function.Function;

/**
 * What one expression may hold, in either language ({@link Expression}, {@link CExpression}): parsing and evaluating
 * recurse once per operator of a chain and per level of nesting, so a typed or fuzzed expression is bounded here
 * instead of exhausting the stack.
 */
final class ExpressionLimits {
    /** Parentheses, brackets and unary operators inside each other. */
    static final int MAX_NESTING = 100;
    /** Binary and unary operators in all. */
    static final int MAX_OPERATORS = 1000;

    private final Function<String, DebugException> error;
    private int nesting;
    private int operators;

    /** {@code error} makes the parser's error for a limit reached, from what was reached. */
    ExpressionLimits(Function<String, DebugException> error) {
        this.error = error;
    }

    /** Counts one more operator. */
    void operator() throws DebugException {
        if (++operators > MAX_OPERATORS) {
            throw error.apply("more than " + MAX_OPERATORS + " operators");
        }
    }

    /** Goes one level deeper; {@link #leave} comes back. */
    void enter() throws DebugException {
        if (++nesting > MAX_NESTING) {
            throw error.apply("nested more than " + MAX_NESTING + " deep");
        }
    }

    void leave() {
        nesting--;
    }
}
