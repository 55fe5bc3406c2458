package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.engine.runtime.Value;
import java.nio.charset.StandardCharsets;

/**
 * WAT typed at the prompt: a {@code (module ...)} becomes the session's module, anything else in parentheses is
 * folded instructions to evaluate.
 */
public final class WatInput {
    private final ShellContext context;

    public WatInput(ShellContext context) {
        this.context = context;
    }

    public void execute(String text) throws ShellError, DebugException {
        if (ParenBalance.open(text) < 0) {
            throw new ShellError("unbalanced parentheses: a ) closes nothing");
        }
        if (isModule(text)) {
            define(text);
            return;
        }
        for (Value v : context.evaluator().evaluate(text)) {
            context.out().println(context.renderer().value(v));
        }
    }

    /** Makes {@code text} the session's module, named {@code input-N.wat} in locations. */
    public void define(String text) throws DebugException {
        String name = context.nextInputName();
        context.session().load(name, text.getBytes(StandardCharsets.UTF_8));
        context.out().println(ModuleSummary.of(context.session(), name));
    }

    static boolean isModule(String text) {
        String t = text.strip();
        if (!t.startsWith("(")) {
            return false;
        }
        t = t.substring(1).stripLeading();
        return t.startsWith("module") && (t.length() == 6 || !Character.isLetterOrDigit(t.charAt(6))
                && t.charAt(6) != '_' && t.charAt(6) != '.');
    }
}
