package dev.jwdb.debugger;

/**
 * A step in progress and when it is done, judged at each pause before an instruction. Depths count frames from the
 * outermost (0), as the engine does.
 */
final class Step {
    enum Kind {
        INSTRUCTION, LINE, OVER, OUT
    }

    final Kind kind;
    private final boolean byLine;
    /** Whether lines are DWARF's, made of statements: returning to a caller at a statement's start ends a line step. */
    private final boolean statements;
    private int depth;
    private int line;
    /** The host calls made before the step, to tell whether the stepped instruction called one. */
    final long callsBefore;

    Step(Kind kind, boolean byLine, boolean statements, int depth, int line, long callsBefore) {
        this.kind = kind;
        this.byLine = byLine;
        this.statements = statements;
        this.depth = depth;
        this.line = line;
        this.callsBefore = callsBefore;
    }

    /**
     * The step as it goes on when the outermost frame returned and the run's next call begins (the start function
     * returned, {@code _start} comes next): a finish, which that return completed, stops at the next call's first
     * instruction, as it would in a caller; the other kinds go on unchanged, the next call at the same depth.
     */
    Step intoNextCall(long calls) {
        return kind == Kind.OUT ? new Step(Kind.INSTRUCTION, false, false, 0, 0, calls) : this;
    }

    /** Frames up to this depth pause at every instruction while the step runs. */
    int pauseDepth() {
        return switch (kind) {
            case INSTRUCTION, LINE -> Integer.MAX_VALUE;
            case OVER -> depth;
            case OUT -> depth - 1;
        };
    }

    /** Whether calls must pause in the callee: every function then needs its checks. */
    boolean entersCalls() {
        return kind == Kind.INSTRUCTION || kind == Kind.LINE;
    }

    /**
     * Whether a pause at depth {@code at} on source line {@code atLine} (0 when unknown) ends the step;
     * {@code mayStop} says whether a line step may stop before that instruction at all (with DWARF, only at the
     * start of a statement, past the prologue). Returning into a caller mid-line (after its call) keeps going until
     * that caller reaches a new line, as gdb does; returning to the start of a statement (the call ended the line)
     * stops there.
     */
    boolean done(int at, int atLine, boolean mayStop) {
        switch (kind) {
            case INSTRUCTION:
                return true;
            case OUT:
                return at < depth;
            default:
                if (!byLine) {
                    return kind == Kind.LINE || at <= depth;
                }
                if (at > depth) {
                    return kind == Kind.LINE && mayStop;
                }
                if (at < depth) {
                    depth = at;
                    line = atLine;
                    return statements && mayStop && atLine != 0;
                }
                return mayStop && atLine != 0 && atLine != line;
        }
    }
}
