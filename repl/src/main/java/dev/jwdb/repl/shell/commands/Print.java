package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.SessionState;
import dev.jwdb.debugger.SourceVariable;
import dev.jwdb.debugger.SourceValue;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.V128Format;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import dev.jwdb.repl.shell.StopRenderer;
import java.util.ArrayList;
import java.util.List;

/** {@code print EXPR} and {@code print/x EXPR}: a value of the selected frame, a global or memory. */
final class Print extends BasicCommand {
    Print() {
        super(List.of("print", "p"), "print[/x|/d|/u|/SHAPE] EXPR", "evaluate an expression over the selected frame",
                "In a binary with DWARF (-g), EXPR is C, over the variables in scope in the selected frame and\n"
                        + "the program's globals and enumerators: names, s.min, p->min, a[i], *p, &x, + - * / % << >>\n"
                        + "& | ^ ~, == != < <= > >=, && || !, ?:, parentheses, 42 0x2a 'a' 1.5, casts to numbers and\n"
                        + "pointers ((char) x, (long *) p, (struct stats *) p, typedef names), sizeof, and gdb's x@n\n"
                        + "(the n values from x on: *argv@argc), with C's integer promotions and signedness (int\n"
                        + "and long are 32 bits). The value shows by its type: 3, 97 'a', 0x11610 \"42\",\n"
                        + "{count = 1, min = 3, ...}, {1, 2, 3}, 0x1 <close>. /x shows every integer, character and\n"
                        + "pointer in hex (a float as its bits), /d signed, /u unsigned. Not C here: assignments,\n"
                        + "++ and --, function calls, strings, long double, bit fields.\n"
                        + "Otherwise, and whenever it uses these forms, EXPR is Wasm-level: $local or local N,\n"
                        + "$global or global N, i32[ADDR] (also i64, f32, f64, u8...), numbers, + - * / %,\n"
                        + "comparisons == != < <= > >=, && || !, parentheses; values are typed (i32:3).\n"
                        + "/x prints an integer in hex, /d signed, /u unsigned; for a v128, its lanes.\n"
                        + "A v128 shows as lanes: v128:i32x4 [1 2 3 4]. /SHAPE picks the lanes for once\n"
                        + "(i8x16 i16x8 i32x4 i64x2 f32x4 f64x2); set v128 SHAPE changes them everywhere.\n"
                        + "Examples:  print s->min    print/x argv[1][0]    print *s    print $n * 2 + 1\n"
                        + "           print/x i32[$p + 4]    print/f32x4 $v");
    }

    static List<ShellCommand> commands() {
        return List.of(new Print(), new Display(), new Undisplay());
    }

    /** {@code display[/FMT] EXPR}: print EXPR after every stop; without EXPR, show them all now. */
    static final class Display extends BasicCommand {
        Display() {
            super(List.of("display"), "display[/x|/d|/u|/SHAPE] [EXPR]", "show an expression after every stop",
                    "EXPR and the formats are print's. Each display gets a number and is shown, as N: EXPR = VALUE,\n"
                            + "whenever the program stops (and at once, when it is stopped). A display that cannot\n"
                            + "be evaluated at a stop (a local of another function) says why in its line.\n"
                            + "display alone shows them all; undisplay N removes one; info display lists them.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            String expression = args.rest().strip();
            if (expression.isEmpty()) {
                if (!args.suffix().isEmpty()) {
                    throw new ShellError("usage: " + synopsis() + " (a format needs an expression)");
                }
                context.showDisplays(context.displays());
                return;
            }
            checkFormat(args.suffix());
            String suffix = args.suffix();
            String text = suffix.isEmpty() ? expression : "/" + suffix + " " + expression;
            ShellContext.DisplayValue value = () -> valueText(context, suffix, expression);
            SessionState state = context.session().state();
            if (state == SessionState.STOPPED || state == SessionState.TRAPPED) {
                // as gdb does, an expression that means nothing where the program is stopped is not kept
                String now = value.compute();
                ShellContext.Display d = context.addDisplay(text, value);
                context.out().println(d.id() + ": " + text + " = " + context.paint().value(now));
            } else {
                ShellContext.Display d = context.addDisplay(text, value);
                context.out().println(d.id() + ": " + text + " (shown when the program stops)");
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return Completion.words(Candidates.locals(context));
        }
    }

    /** {@code undisplay [N...]}. */
    static final class Undisplay extends BasicCommand {
        Undisplay() {
            super(List.of("undisplay"), "undisplay [N...]", "stop showing displays",
                    "Without N, removes every display. N is the number display shows.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            List<Integer> ids = new ArrayList<>();
            if (args.isEmpty()) {
                context.displays().forEach(d -> ids.add(d.id()));
            }
            for (String w : args.words()) {
                ids.add(Numbers.parseInt(w, "display number"));
            }
            for (int id : ids) {
                if (!context.removeDisplay(id)) {
                    throw new ShellError("no display number " + id);
                }
            }
            context.out().println(ids.isEmpty() ? "no displays" : "removed display " + ids.stream()
                    .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            List<String> ids = new ArrayList<>();
            context.displays().forEach(d -> ids.add(String.valueOf(d.id())));
            return Completion.words(ids);
        }
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.rest().isEmpty()) {
            throw new ShellError("usage: " + synopsis());
        }
        Guard.module(context);
        context.out().println(context.paint().value(valueText(context, args.suffix(), args.rest().strip())));
    }

    /** Checks the format {@code /suffix} before any expression is evaluated with it. */
    static void checkFormat(String suffix) throws ShellError {
        if (LaneShape.of(suffix) == null && !List.of("", "x", "d", "u").contains(suffix)) {
            throw new ShellError("print: unknown format /" + suffix
                    + " (expected /x, /d, /u or a lane shape: /i8x16 /i16x8 /i32x4 /i64x2 /f32x4 /f64x2)");
        }
    }

    /** {@code expression}'s value as print shows it with format {@code /suffix} ("" for none), unpainted. */
    static String valueText(ShellContext context, String suffix, String expression) throws ShellError,
            DebugException {
        checkFormat(suffix);
        LaneShape shape = LaneShape.of(suffix);
        if (context.session().isSourceExpression(expression)) {
            if (shape != null) {
                throw new ShellError("print/" + suffix + ": lane shapes are for Wasm v128 values; " + expression
                        + " is C");
            }
            String variable = suffix.isEmpty() ? variableAsInfoLocalsShowsIt(context, expression) : null;
            if (variable != null) {
                return variable;
            }
            SourceValue v;
            try {
                v = context.session().evaluateSource(expression, switch (suffix) {
                    case "x" -> SourceValue.Radix.HEX;
                    case "d" -> SourceValue.Radix.SIGNED;
                    case "u" -> SourceValue.Radix.UNSIGNED;
                    default -> SourceValue.Radix.NATURAL;
                });
            } catch (DebugException e) {
                throw new ShellError("print: " + e.getMessage());
            }
            return v.text();
        }
        return format(context, context.session().evaluate(expression), suffix, shape);
    }

    /**
     * A variable in scope named {@code name}, shown as {@code info locals} shows it (for Rust, as {@code {:?}} writes
     * it; for C the same text the C expression gives), or null when {@code name} is not one.
     */
    private static String variableAsInfoLocalsShowsIt(ShellContext context, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        try {
            for (SourceVariable v : context.session().sourceVariables()) {
                if (v.name().equals(name)) {
                    return v.value();
                }
            }
        } catch (DebugException e) {
            // not stopped in a frame: an expression over the globals after all
        }
        return null;
    }

    private static String format(ShellContext context, Value v, String suffix, LaneShape shape) throws ShellError {
        if (v.type() == ValType.V128) {
            V128Format.Radix radix = switch (suffix) {
                case "x" -> V128Format.Radix.HEX;
                case "u" -> V128Format.Radix.UNSIGNED;
                default -> V128Format.Radix.SIGNED;
            };
            return StopRenderer.text(v, shape != null ? shape : context.v128Shape(), radix);
        }
        if (shape != null) {
            throw new ShellError("print/" + suffix + ": " + v + " is not a v128");
        }
        if (suffix.isEmpty()) {
            return v.toString();
        }
        boolean i32 = v.type() == ValType.I32;
        if (!i32 && v.type() != ValType.I64) {
            throw new ShellError("print/" + suffix + ": " + v + " is not an integer");
        }
        long bits = i32 ? Integer.toUnsignedLong(v.asI32()) : v.asI64();
        String prefix = v.type().text() + ":";
        return switch (suffix) {
            case "x" -> prefix + "0x" + Long.toHexString(bits);
            case "u" -> prefix + (i32 ? Long.toString(bits) : Long.toUnsignedString(bits));
            default -> prefix + (i32 ? Integer.toString(v.asI32()) : Long.toString(v.asI64()));
        };
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        List<String> out = new ArrayList<>(Candidates.sourceVariables(context));
        out.addAll(Candidates.locals(context));
        out.addAll(Candidates.globals(context).stream().filter(g -> g.startsWith("$")).toList());
        out.add("global");
        out.add("local");
        return Completion.words(out);
    }
}
