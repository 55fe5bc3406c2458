package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.SourceVariable;
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
                "EXPR: $local or local N, $global or global N, i32[ADDR] (also i64, f32, f64, u8...),\n"
                        + "numbers, + - * / %, comparisons == != < <= > >=, && || !, parentheses.\n"
                        + "/x prints an integer in hex, /d signed, /u unsigned; for a v128, its lanes.\n"
                        + "A v128 shows as lanes: v128:i32x4 [1 2 3 4]. /SHAPE picks the lanes for once\n"
                        + "(i8x16 i16x8 i32x4 i64x2 f32x4 f64x2); set v128 SHAPE changes them everywhere.\n"
                        + "Examples:  print $n    print $n * 2 + 1    print/x i32[$p + 4]    print/f32x4 $v\n"
                        + "In a binary with DWARF (-g), print NAME shows the source variable NAME in scope.");
    }

    static List<ShellCommand> commands() {
        return List.of(new Print());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.rest().isEmpty()) {
            throw new ShellError("usage: " + synopsis());
        }
        String suffix = args.suffix();
        LaneShape shape = LaneShape.of(suffix);
        if (shape == null && !List.of("", "x", "d", "u").contains(suffix)) {
            throw new ShellError("print: unknown format /" + suffix
                    + " (expected /x, /d, /u or a lane shape: /i8x16 /i16x8 /i32x4 /i64x2 /f32x4 /f64x2)");
        }
        Guard.module(context);
        String variable = sourceVariable(context, args.rest().strip(), suffix);
        if (variable != null) {
            context.out().println(context.paint().value(variable));
            return;
        }
        Value v = context.session().evaluate(args.rest());
        context.out().println(context.paint().value(format(context, v, suffix, shape)));
    }

    /**
     * The value of the source program's variable {@code name} in the selected frame (a binary with DWARF), or null
     * when {@code name} is no such variable: then it is an expression as usual.
     */
    private static String sourceVariable(ShellContext context, String name, String suffix) {
        if (!suffix.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*") || !context.session().sourceLevel()) {
            return null;
        }
        try {
            for (SourceVariable v : context.session().sourceVariables()) {
                if (v.name().equals(name)) {
                    return v.value();
                }
            }
        } catch (DebugException e) {
            // not stopped, or no variables to read: an expression after all
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
        List<String> out = new ArrayList<>(Candidates.locals(context));
        out.addAll(Candidates.globals(context).stream().filter(g -> g.startsWith("$")).toList());
        out.add("global");
        out.add("local");
        return Completion.words(out);
    }
}
