package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.Frame;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/** {@code bt}, {@code frame N}, {@code up}, {@code down}: the call stack and which frame the inspection reads. */
final class Frames {
    private Frames() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Backtrace(), new Select(), new Move(true), new Move(false));
    }

    static final class Backtrace extends BasicCommand {
        Backtrace() {
            super(List.of("bt", "backtrace", "where"), "bt", "list the live frames, innermost first",
                    "Frame 0 is where the program stopped; each caller shows the call it waits in.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 0, "bt");
            Guard.frames(context);
            int selected = context.session().selectedFrame().number();
            for (Frame f : context.session().backtrace()) {
                context.out().println((f.number() == selected ? "* " : "  ") + context.renderer().frameLine(f));
            }
        }
    }

    static final class Select extends BasicCommand {
        Select() {
            super(List.of("frame", "f"), "frame [N]", "select frame N (or show the selected one)",
                    "info locals, info stack, print, list and disas read the selected frame.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 1, "frame [N]");
            Guard.frames(context);
            Frame f = args.isEmpty() ? context.session().selectedFrame()
                    : context.session().selectFrame(Numbers.parseInt(args.word(0), "frame number"));
            show(context, f);
        }
    }

    static final class Move extends BasicCommand {
        private final boolean up;

        Move(boolean up) {
            super(List.of(up ? "up" : "down"), up ? "up" : "down",
                    up ? "select the caller of the selected frame" : "select the callee of the selected frame",
                    up ? "Moves one frame outwards (towards _start)." : "Moves one frame inwards (towards frame 0).");
            this.up = up;
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(0, 0, name());
            Guard.frames(context);
            show(context, up ? context.session().up() : context.session().down());
        }
    }

    private static void show(ShellContext context, Frame f) {
        context.out().println(context.renderer().frameLine(f));
        context.renderer().window(f.location());
    }
}
