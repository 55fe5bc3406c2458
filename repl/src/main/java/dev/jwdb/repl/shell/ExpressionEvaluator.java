package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.WatSyntaxException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates folded instructions typed at the prompt, such as {@code (i32.add (i32.const 1) (i32.const 2))}: they
 * become the body of a function in a module of their own (with one page of memory, so loads and stores work), run
 * under a debug session of their own so that Ctrl-C stops a loop and the user's module is left alone.
 *
 * <p>The function's result types are found by the validator: each top-level expression is tried with each value
 * type as its result (and with none), and the one the validator accepts is its type. That needs no type rules of
 * its own, and it is exactly as strict as the validator.
 */
public final class ExpressionEvaluator {
    private static final List<String> CANDIDATES = List.of("", "i32", "i64", "f32", "f64", "v128", "funcref",
            "externref");
    private static final String SOURCE = "expression";

    private final ShellContext context;
    private DebugSession session;

    ExpressionEvaluator(ShellContext context) {
        this.context = context;
    }

    /** The results of evaluating {@code text}, in order. */
    public List<Value> evaluate(String text) throws ShellError, DebugException {
        List<String> expressions = topLevel(text);
        List<String> results = new ArrayList<>();
        for (String expression : expressions) {
            String type = typeOf(expression);
            if (!type.isEmpty()) {
                results.add(type);
            }
        }
        String module = wrap(text, String.join(" ", results));
        if (session == null) {
            session = new DebugSession(new GuestStdio(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream()));
        }
        session.load(SOURCE, module.getBytes(StandardCharsets.UTF_8));
        DebugSession on = session;
        StopEvent stop = context.runQuietly(on, () -> on.invoke("eval", List.of()));
        if (stop instanceof StopEvent.Finished finished) {
            return finished.results();
        }
        on.kill();
        if (stop instanceof StopEvent.Trapped trap) {
            throw new ShellError("trap: " + trap.message());
        }
        if (stop instanceof StopEvent.Interrupted) {
            throw new ShellError("interrupted; the expression was abandoned");
        }
        throw new ShellError("the expression stopped before it finished");
    }

    /** The one result type (or "" for none) with which {@code expression} validates. */
    private String typeOf(String expression) throws ShellError {
        String preferred = preferredError(expression);
        String firstError = null;
        String preferredError = null;
        for (String candidate : CANDIDATES) {
            Module module = parse(wrap(expression, candidate));
            try {
                Validator.validate(module);
                return candidate;
            } catch (InvalidException e) {
                if (firstError == null) {
                    firstError = e.getMessage();
                }
                if (candidate.equals(preferred)) {
                    preferredError = e.getMessage();
                }
            }
        }
        String message = preferredError != null ? preferredError : firstError;
        // The validator's position is in the wrapping module, which the user never saw.
        throw new ShellError("invalid expression: " + message.replaceFirst(" at func \\d+ line \\d+:\\d+$", ""));
    }

    /** The type an expression most likely has, by its outer instruction ({@code (i32.add ...)}: i32), whose
     * validation error is the one worth showing when no type fits. */
    private static String preferredError(String expression) {
        String head = expression.strip();
        if (head.startsWith("(")) {
            head = head.substring(1).strip();
        }
        int dot = head.indexOf('.');
        return dot > 0 && CANDIDATES.contains(head.substring(0, dot)) ? head.substring(0, dot) : "";
    }

    private static Module parse(String module) throws ShellError {
        try {
            return Wat.parseModule(module, SOURCE);
        } catch (WatSyntaxException e) {
            // The expression is on the wrapper's second line, starting at its first column.
            throw new ShellError(e.reason() + " (at column " + e.column() + (e.line() > 2 ? " of line "
                    + (e.line() - 1) : "") + ")");
        } catch (WasmException e) {
            throw new ShellError(e.getMessage());
        }
    }

    private static String wrap(String body, String results) {
        String result = results.isEmpty() ? "" : " (result " + results + ")";
        return "(module (memory 1) (func (export \"eval\")" + result + "\n" + body + "\n))";
    }

    /** The top-level parenthesised expressions of {@code text}; text outside parentheses stays with its neighbour. */
    static List<String> topLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                i = end;
            } else if (c == '(') {
                if (depth == 0) {
                    start = i;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && start >= 0) {
                    out.add(text.substring(start, i + 1));
                    start = -1;
                }
            }
        }
        if (out.isEmpty()) {
            out.add(text);
        }
        return out;
    }
}
