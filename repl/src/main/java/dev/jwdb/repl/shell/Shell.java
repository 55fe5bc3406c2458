package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.SessionState;
import dev.jwdb.debugger.StopEvent;
import java.util.List;

/**
 * The read-dispatch loop: reads a line, finds its command in the table and runs it. Every failure becomes one
 * {@code error: } line and the loop goes on with the session as it was; nothing else is decided here.
 */
public final class Shell {
    public static final String PROMPT = "(jwdb) ";
    /** Shown while a {@code (module ...)} typed over several lines is still open. */
    public static final String CONTINUATION = "...... ";

    private final ShellContext context;
    private final CommandTable table;
    private ShellCommand repeatable;

    public Shell(ShellContext context, CommandTable table) {
        this.context = context;
        this.table = table;
        context.table(table);
        context.console().attach(new ShellCompleter(context, table), new ShellHighlighter(table));
    }

    public ShellContext context() {
        return context;
    }

    /** Reads and runs commands until the input ends or {@code quit}. */
    public void run() {
        Console console = context.console();
        while (!context.quitRequested()) {
            String line = console.readLine(prompt());
            if (line == null) {
                break;
            }
            line = completeInput(line);
            if (line == null) {
                break;
            }
            execute(line);
        }
    }

    /** Runs commands from a list without reading the console (the start-up file). */
    public void runAll(List<String> lines, String origin) {
        int number = 0;
        for (String line : lines) {
            number++;
            if (context.quitRequested()) {
                return;
            }
            execute(line, origin + ":" + number + ": ");
        }
    }

    /** Runs one command line; false when it failed (its error already printed). */
    public boolean execute(String line) {
        return execute(line, "");
    }

    private boolean execute(String line, String origin) {
        String trimmed = line.strip();
        try {
            if (trimmed.isEmpty()) {
                if (repeatable != null && context.console().interactive()) {
                    repeatable.execute(context, Args.parse(repeatable.name()));
                }
                return true;
            }
            if (trimmed.startsWith("#")) {
                return true;
            }
            if (trimmed.startsWith("(") || trimmed.startsWith(")")) {
                repeatable = null;
                new WatInput(context).execute(trimmed);
                return true;
            }
            Args args = Args.parse(trimmed);
            ShellCommand command = table.find(args.name());
            repeatable = command.repeatsOnEmptyLine() ? command : null;
            command.execute(context, args);
            return true;
        } catch (ShellError | DebugException e) {
            report(origin, e.getMessage());
        } catch (RuntimeException e) {
            // A bug in jwdb must not end the session or show a Java stack trace; name it so it can be reported.
            report(origin, "internal error: " + e);
        }
        return false;
    }

    private void report(String origin, String message) {
        context.failed();
        context.out().println(context.paint().error(origin + "error: " + message));
        context.out().flush();
    }

    /** Asks for more lines while typed WAT has open parentheses; null when the input ends inside it. */
    private String completeInput(String line) {
        StringBuilder text = new StringBuilder(line);
        while (ParenBalance.needsMore(text.toString())) {
            String more = context.console().readLine(CONTINUATION);
            if (more == null) {
                context.out().println(context.paint().error("error: input ended inside an unclosed ("));
                context.failed();
                return null;
            }
            text.append('\n').append(more);
        }
        return text.toString();
    }

    /** {@code (jwdb) }, or {@code (jwdb fib+0x12) } while a run is stopped there. */
    public String prompt() {
        DebugSession session = context.session();
        SessionState state = session.state();
        if (state != SessionState.STOPPED && state != SessionState.TRAPPED) {
            return PROMPT;
        }
        StopEvent stop = session.lastStop();
        dev.jwdb.debugger.Location at = StopLocations.of(stop);
        if (at == null) {
            return PROMPT;
        }
        return "(jwdb " + context.renderer().locations().shortForm(at) + ") ";
    }
}
