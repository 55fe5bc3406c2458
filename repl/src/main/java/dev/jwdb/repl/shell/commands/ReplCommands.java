package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ParenBalance;
import dev.jwdb.repl.shell.PathCompletion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import dev.jwdb.repl.shell.WatInput;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** {@code invoke}, {@code load}, {@code wat}: using jwdb as a REPL, without a program to start. */
final class ReplCommands {
    private ReplCommands() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Invoke(), new Load(), new Wat());
    }

    static final class Invoke extends BasicCommand {
        Invoke() {
            super(List.of("invoke", "call"), "invoke FUNC [ARGS...]", "call an exported function and print its results",
                    "ARGS are parsed by the function's parameter types: 10, -1, 0xff, 1.5, nan, inf.\n"
                            + "It runs under the debugger: breakpoints, watchpoints and catch points stop it.\n"
                            + "On a new instance the module's start function and _initialize (if exported) run\n"
                            + "first, under the debugger too.\n"
                            + "Example:  invoke fib 10   prints   i32:55");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            if (args.isEmpty()) {
                throw new ShellError("usage: " + synopsis());
            }
            Guard.module(context);
            List<String> values = args.words().subList(1, args.size());
            context.startedProgram(false);
            context.runGuest(() -> context.session().invoke(args.word(0), values));
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? Completion.words(Candidates.exports(context)) : List.of();
        }
    }

    static final class Load extends BasicCommand {
        Load() {
            super(List.of("load"), "load FILE", "load a module (.wasm or .wat), replacing the current one",
                    "Breakpoints are kept and set again in the new module where they match.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            args.expect(1, 1, "load FILE");
            Path file;
            try {
                file = Path.of(args.word(0));
            } catch (InvalidPathException e) {
                throw new ShellError("load: not a file name: " + e.getReason());
            }
            if (!Files.exists(file)) {
                throw new ShellError("load: no such file " + args.word(0));
            }
            if (Files.isDirectory(file)) {
                throw new ShellError("load: " + args.word(0) + " is a directory");
            }
            if (!Files.isRegularFile(file)) {
                throw new ShellError("load: " + args.word(0) + " is not a regular file");
            }
            context.session().load(file);
            context.out().println(dev.jwdb.repl.shell.ModuleSummary.of(context.session(), args.word(0)));
            for (String note : context.session().loadNotes()) {
                context.out().println("note: " + note);
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            return before.isEmpty() ? PathCompletion.complete(partial, false) : List.of();
        }
    }

    static final class Wat extends BasicCommand {
        Wat() {
            super(List.of("wat"), "wat (module ...)", "define a module from WAT text typed at the prompt",
                    "A line starting with (module does the same; it may go on over several lines until\n"
                            + "its parentheses balance. Other parenthesised input is evaluated:\n"
                            + "  (i32.add (i32.const 1) (i32.const 2))   prints   i32:3");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError, DebugException {
            String text = args.rest();
            if (text.isEmpty()) {
                throw new ShellError("usage: wat (module ...)  (or type the (module ...) directly)");
            }
            if (ParenBalance.open(text) != 0 || !text.startsWith("(")) {
                throw new ShellError("wat: expected one (module ...) with balanced parentheses");
            }
            new WatInput(context).define(text);
        }
    }
}
