package dev.jwdb.repl.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jline.nativ.CLibrary;
import org.jline.nativ.JLineNativeLoader;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;

/**
 * A person at a terminal, through JLine: line editing, history in {@code ~/.jwdb_history}, Tab completion from the
 * command table, WAT highlighting, and {@code (module ...)} input that goes on over several lines until its
 * parentheses balance. Ctrl-C at the prompt discards the line; while a guest runs, it interrupts the guest.
 */
public final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final PrintWriter out;
    private final Path history;
    private LineReader reader;
    private boolean prompted;
    private ShellCompleter completer;
    private ShellHighlighter highlighter;

    private TerminalConsole(Terminal terminal, Path history) {
        this.terminal = terminal;
        this.history = history;
        this.out = new PrintWriter(terminal.writer(), true);
    }

    /** The process's terminal (a dumb one when the streams are not a terminal, e.g. piped input). */
    public static TerminalConsole system(Path history) throws IOException {
        // dumb(true): piped input gets a dumb terminal quietly, without JLine's warning on stderr.
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).name("jwdb").provider(provider())
                .nativeSignals(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        return new TerminalConsole(terminal, history);
    }

    /**
     * JNI when its native part works here, else exec (which runs {@code stty}). Naming one provider matters for
     * start-up: given a list, JLine loads and probes every provider it knows, and probing exec starts a process.
     * The JNI provider itself does not fail when its library is missing (it reports no terminal, and JLine would
     * make a dumb one), hence the check of the library here.
     */
    private static String provider() {
        try {
            JLineNativeLoader.initialize();
            CLibrary.isatty(0);
            return "jni";
        } catch (Throwable e) {
            // no native library for this platform, or it cannot be loaded: JLine's portable provider
            return "exec";
        }
    }

    @Override
    public void attach(ShellCompleter completer, ShellHighlighter highlighter) {
        this.completer = completer;
        this.highlighter = highlighter;
    }

    /** Builds the line editor ahead of the first prompt (the shell does this while the module loads). */
    @Override
    public void prepare() {
        reader();
    }

    private LineReader reader() {
        if (reader == null) {
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("jwdb")
                    .parser(new WatAwareParser())
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, Shell.CONTINUATION)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_TAB, false);
            if (completer != null) {
                builder.completer(this::complete);
            }
            if (highlighter != null) {
                builder.highlighter(new org.jline.reader.Highlighter() {
                    @Override
                    public AttributedString highlight(LineReader reader, String buffer) {
                        return colour() ? highlighter.highlight(buffer) : new AttributedString(buffer);
                    }

                    @Override
                    public void setErrorPattern(java.util.regex.Pattern errorPattern) {
                    }

                    @Override
                    public void setErrorIndex(int errorIndex) {
                    }
                });
            }
            reader = builder.build();
        }
        return reader;
    }

    private void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        for (Completion c : completer.complete(before)) {
            candidates.add(new Candidate(c.value(), c.value(), null, null, null, null, c.complete()));
        }
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                prompted = true;
                return reader().readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C at the prompt: the line typed so far is dropped, the session is untouched.
                continue;
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public boolean colour() {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    @Override
    public Registration onInterrupt(Runnable onInterrupt) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        return () -> terminal.handle(Terminal.Signal.INT, previous);
    }

    @Override
    public void close() {
        try {
            if (prompted) {
                reader.getHistory().save();
            }
            terminal.close();
        } catch (IOException e) {
            // Leaving: a history that cannot be saved is not worth an error on the way out.
        }
    }

    /** Tells JLine that a {@code (module ...)} with open parentheses goes on on the next line. */
    private static final class WatAwareParser extends DefaultParser {
        WatAwareParser() {
            setEscapeChars(new char[0]);
            setQuoteChars(new char[] {'"'});
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && ParenBalance.needsMore(line)) {
                throw new EOFError(-1, -1, "unclosed (", ")");
            }
            return super.parse(line, cursor, context);
        }
    }
}
