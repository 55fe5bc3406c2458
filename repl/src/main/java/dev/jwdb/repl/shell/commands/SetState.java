package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.MemoryFormat;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.ArrayList;
import java.util.List;

/** {@code set local}, {@code set global}, {@code set mem}: change the program's state while it is stopped. */
final class SetState extends BasicCommand {
    private static final String USAGE = "set local NAME [=] VALUE | set global NAME [=] VALUE | set mem ADDR TYPE VALUE";

    SetState() {
        super(List.of("set"), USAGE, "change a local, a global or memory",
                "set local $n = 5          a local of the selected frame, by $name or index\n"
                        + "set global $counter 0     a mutable global, by $name, export name or index\n"
                        + "set mem 0x1000 i32 42     memory; TYPE is i8 u8 i16 u16 i32 u32 i64 u64 f32 f64\n"
                        + "Values are parsed by the type: 10, -1, 0xff, 1.5, nan, inf.");
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
        String what = words.get(0);
        switch (what) {
            case "local": {
                expect(words, 3);
                Guard.frames(context);
                context.session().setLocal(words.get(1), words.get(2));
                context.out().println(words.get(1) + " = " + words.get(2));
                break;
            }
            case "global": {
                expect(words, 3);
                Guard.module(context);
                context.session().setGlobal(words.get(1), words.get(2));
                context.out().println("global " + words.get(1) + " = " + words.get(2));
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
            default:
                throw new ShellError("set: expected local, global or mem, got \"" + what + "\"");
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
            return Completion.words("local", "global", "mem");
        }
        if (before.size() == 1) {
            return switch (before.get(0)) {
                case "local" -> Completion.words(Candidates.locals(context));
                case "global" -> Completion.words(Candidates.globals(context));
                default -> List.of();
            };
        }
        if (before.size() == 2 && before.get(0).startsWith("mem")) {
            return Completion.words("i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64");
        }
        return List.of();
    }
}
