package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import java.util.List;

/**
 * One entry of the command table: its names, its help and how it completes its arguments. The shell loop only
 * looks commands up and calls {@link #execute}; everything a command knows lives in its class.
 */
public interface ShellCommand {
    /** The name first, then its short forms ({@code continue}, {@code c}). */
    List<String> names();

    /** The command with its arguments, as {@code help} lists it: {@code break FUNC|$id|@OFFSET|FILE:LINE [if COND]}. */
    String synopsis();

    /** One line for the {@code help} table. */
    String summary();

    /** What {@code help CMD} adds below the synopsis: forms, examples, defaults. */
    String details();

    void execute(ShellContext context, Args args) throws ShellError, DebugException;

    /**
     * Candidates for the word being typed ({@code partial}, which file names need), given the words before it (the
     * command's own name excluded). The console filters them by what is typed so far.
     */
    default List<Completion> complete(ShellContext context, List<String> before, String partial) {
        return List.of();
    }

    /** Whether an empty line repeats this command (gdb does so for the steps). */
    default boolean repeatsOnEmptyLine() {
        return false;
    }

    default String name() {
        return names().get(0);
    }
}
