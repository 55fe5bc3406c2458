package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.GlobalVariable;
import dev.jwdb.debugger.Local;
import dev.jwdb.debugger.MemoryFormat;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.ArrayList;
import java.util.List;

/** {@code set local}, {@code set global}, {@code set mem}: change the program's state while it is stopped. */
final class SetState extends BasicCommand {
    private static final String USAGE = "set local NAME [=] VALUE | set global NAME [=] VALUE | set mem ADDR TYPE VALUE"
            + " | set v128 SHAPE";
    private static final String SHAPES = "i8x16 i16x8 i32x4 i64x2 f32x4 f64x2";

    SetState() {
        super(List.of("set"), USAGE, "change a local, a global or memory; how v128 values are shown",
                "set local $n = 5          a local of the selected frame, by $name or index\n"
                        + "set global $counter 0     a mutable global, by $name, export name or index\n"
                        + "set mem 0x1000 i32 42     memory; TYPE is i8 u8 i16 u16 i32 u32 i64 u64 f32 f64\n"
                        + "set v128 f32x4            show v128 values as lanes of this shape (i32x4 at first):\n"
                        + "                          " + SHAPES + "\n"
                        + "Values are parsed by the type: 10, -1, 0xff, 1.5, nan, inf; a v128 as its shape and\n"
                        + "lanes in quotes: set local $v \"i32x4 1 2 3 4\".");
    }

    static List<ShellCommand> commands() {
        return List.of(new SetState());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.isEmpty()) {
            throw new ShellError("usage: " + USAGE);
        }
        List<String> words = new ArrayList<>(args.words());
        words.remove("=");
        if (words.isEmpty()) {
            throw new ShellError("usage: " + USAGE);
        }
        String what = words.get(0);
        switch (what) {
            case "local": {
                expect(words, 3);
                Guard.frames(context);
                Local l = context.session().setLocal(words.get(1), words.get(2));
                context.out().println(l.label() + " = " + context.renderer().value(l.value()));
                break;
            }
            case "global": {
                expect(words, 3);
                Guard.module(context);
                GlobalVariable g = context.session().setGlobal(words.get(1), words.get(2));
                context.out().println(g.label() + " = " + context.renderer().value(g.value()));
                break;
            }
            case "mem":
            case "memory": {
                expect(words, 4);
                Guard.module(context);
                long address = Numbers.parse(words.get(1), "address");
                MemoryFormat format = MemoryFormat.named(words.get(2));
                if (format == null) {
                    throw new ShellError("set mem: unknown type \"" + words.get(2)
                            + "\" (i8 u8 i16 u16 i32 u32 i64 u64 f32 f64)");
                }
                context.session().writeMemory(address, format, words.get(3));
                context.out().println(String.format("0x%08x <- %s %s", address, format.name().toLowerCase(),
                        words.get(3)));
                break;
            }
            case "v128": {
                if (words.size() != 2) {
                    throw new ShellError("usage: set v128 SHAPE (" + SHAPES + "); v128 values are shown as "
                            + context.v128Shape().text());
                }
                LaneShape shape = LaneShape.of(words.get(1));
                if (shape == null) {
                    throw new ShellError("set v128: unknown shape \"" + words.get(1) + "\" (" + SHAPES + ")");
                }
                context.v128Shape(shape);
                context.out().println("v128 values are shown as " + shape.text());
                break;
            }
            default:
                throw new ShellError("set: expected local, global, mem or v128, got \"" + what + "\"");
        }
    }

    private static void expect(List<String> words, int count) throws ShellError {
        if (words.size() != count) {
            throw new ShellError("usage: " + USAGE);
        }
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        if (before.isEmpty()) {
            return Completion.words("local", "global", "mem", "v128");
        }
        if (before.size() == 1) {
            return switch (before.get(0)) {
                case "local" -> Completion.words(Candidates.locals(context));
                case "global" -> Completion.words(Candidates.globals(context));
                case "v128" -> Completion.words(SHAPES.split(" "));
                default -> List.of();
            };
        }
        if (before.size() == 2 && before.get(0).startsWith("mem")) {
            return Completion.words("i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64");
        }
        return List.of();
    }
}
