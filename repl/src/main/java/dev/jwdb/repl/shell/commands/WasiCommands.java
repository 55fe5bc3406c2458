package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.HostCall;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import dev.jwdb.repl.shell.StopRenderer;
import java.io.PrintWriter;
import java.util.List;

/** {@code trace wasi on|off} and {@code log}: what the program asked of the host. */
final class WasiCommands {
    private WasiCommands() {
    }

    static List<ShellCommand> commands() {
        return List.of(new Trace(), new Log());
    }

    static final class Trace extends BasicCommand {
        Trace() {
            super(List.of("trace"), "trace wasi on|off", "print every WASI call as it returns",
                    "Each call with its arguments and result, then the capability decisions it made,\n"
                            + "e.g.  wasi: path_open(3, 1, 1024, 13, 9, ...) = 76\n"
                            + "        denied path_open \"/logs/app.log\" (create, write): no grant covers /logs");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            args.expect(2, 2, "trace wasi on|off");
            if (!args.word(0).equals("wasi")) {
                throw new ShellError("trace: only WASI calls can be traced: trace wasi on|off");
            }
            switch (args.word(1)) {
                case "on" -> {
                    PrintWriter out = context.out();
                    context.traceWasi(call -> print(out, call));
                    context.out().println("tracing WASI calls");
                }
                case "off" -> {
                    context.traceWasi(null);
                    context.out().println("not tracing WASI calls");
                }
                default -> throw new ShellError("trace wasi: expected on or off, got \"" + args.word(1) + "\"");
            }
        }

        private static void print(PrintWriter out, HostCall call) {
            out.println("wasi: " + StopRenderer.call(call) + StopRenderer.outcome(call));
            for (CapabilityEvent e : call.events()) {
                out.println("        " + StopRenderer.headline(e));
            }
            out.flush();
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            if (before.isEmpty()) {
                return Completion.words("wasi");
            }
            return before.size() == 1 ? Completion.words("on", "off") : List.of();
        }
    }

    static final class Log extends BasicCommand {
        Log() {
            super(List.of("log"), "log [denied|FUNCTION]", "the capability event log",
                    "Every capability decision since the module was loaded, oldest first: the call, what it\n"
                            + "asked for, allowed or denied, and for a denial the grant that allows it.\n"
                            + "log denied shows the denials only; log path_open one function's decisions.");
        }

        @Override
        public void execute(ShellContext context, Args args) throws ShellError {
            args.expect(0, 1, synopsis());
            Guard.module(context);
            List<CapabilityEvent> events;
            if (args.isEmpty()) {
                events = context.session().events();
            } else if (args.word(0).equals("denied")) {
                events = context.session().deniedEvents();
            } else {
                events = context.session().events(args.word(0));
            }
            if (events.isEmpty()) {
                context.out().println("no capability events" + (args.isEmpty() ? "" : " for " + args.word(0)));
            }
            int n = 1;
            for (CapabilityEvent e : events) {
                String line = String.format("%3d  %s", n++, StopRenderer.headline(e)
                        + (e.suggestion() == null ? "" : "; " + e.suggestion().shellCommand()));
                context.out().println(e.denied() ? context.paint().error(line) : line);
            }
        }

        @Override
        public List<Completion> complete(ShellContext context, List<String> before, String partial) {
            if (!before.isEmpty()) {
                return List.of();
            }
            List<String> out = new java.util.ArrayList<>(List.of("denied"));
            out.addAll(Candidates.wasiImports(context));
            return Completion.words(out);
        }
    }
}
