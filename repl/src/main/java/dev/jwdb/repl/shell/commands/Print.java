package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.ArrayList;
import java.util.List;

/** {@code print EXPR} and {@code print/x EXPR}: a value of the selected frame, a global or memory. */
final class Print extends BasicCommand {
    Print() {
        super(List.of("print", "p"), "print[/x|/d|/u] EXPR", "evaluate an expression over the selected frame",
                "EXPR: $local or local N, $global or global N, i32[ADDR] (also i64, f32, f64, u8...),\n"
                        + "numbers, + - * / % & | ^ << >>, comparisons == != < <= > >=, parentheses.\n"
                        + "/x prints an integer in hex, /d signed, /u unsigned.\n"
                        + "Examples:  print $n    print $n * 2 + 1    print/x i32[$p + 4]    print global 0");
    }

    static List<ShellCommand> commands() {
        return List.of(new Print());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.rest().isEmpty()) {
            throw new ShellError("usage: " + synopsis());
        }
        if (!List.of("", "x", "d", "u").contains(args.suffix())) {
            throw new ShellError("print: unknown format /" + args.suffix() + " (expected /x, /d or /u)");
        }
        Guard.module(context);
        Value v = context.session().evaluate(args.rest());
        context.out().println(context.paint().value(format(v, args.suffix())));
    }

    private static String format(Value v, String suffix) throws ShellError {
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
