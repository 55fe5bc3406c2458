package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.Frame;
import dev.jwdb.debugger.HostCall;
import dev.jwdb.debugger.Listing;
import dev.jwdb.debugger.Location;
import dev.jwdb.debugger.SourceText;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.V128Format;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.wasi.CapabilityEvent;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a stop for a person: where (with a few instructions around the current one, marked), and why. A denial
 * names the call, what it asked for and the {@code grant} command that allows it; a trap its message and the
 * backtrace.
 */
public final class StopRenderer {
    /** Instructions shown before and after the current one. */
    private static final int CONTEXT = 2;

    private final ShellContext context;
    private LocationText locations;
    /** Source files already said to be missing or different, so that each is said once per module. */
    private final Set<String> noted = new HashSet<>();
    private Module notedFor;

    StopRenderer(ShellContext context) {
        this.context = context;
    }

    public LocationText locations() {
        if (locations == null) {
            locations = new LocationText(context.session());
        }
        return locations;
    }

    public void render(StopEvent stop) {
        PrintWriter out = context.out();
        Paint paint = context.paint();
        if (stop instanceof StopEvent.BreakpointHit hit) {
            if (hit.conditionError() != null) {
                // as gdb does: the program stops, and says why the condition could not say
                out.println(paint.error("the condition of breakpoint " + hit.breakpoint().id() + " ("
                        + hit.breakpoint().condition() + ") could not be evaluated: " + hit.conditionError()));
            }
            out.println((hit.breakpoint().temporary() ? "Temporary breakpoint " : "Breakpoint ")
                    + hit.breakpoint().id() + ", " + where(hit.location()));
            window(hit.location());
        } else if (stop instanceof StopEvent.StepDone step) {
            out.println(where(step.location()));
            window(step.location());
        } else if (stop instanceof StopEvent.WatchTriggered watch) {
            String what = watch.watchpoint().onGlobal() ? "global " + watch.watchpoint().global()
                    : "memory 0x" + Long.toHexString(watch.address());
            out.println("Watchpoint " + watch.watchpoint().id() + ", " + what + ": " + value(watch.oldValue())
                    + " -> " + value(watch.newValue()));
            String by = watch.call() != null ? call(watch.call()) + outcome(watch.call()) + ", from "
                    + watch.instruction().text() : watch.instruction().text();
            out.println("  by " + by + " at " + where(watch.instruction()));
            window(watch.location());
        } else if (stop instanceof StopEvent.Trapped trap) {
            out.println(paint.error("trap: " + trap.message()));
            if (trap.location() != null) {
                out.println("  at " + where(trap.location()));
                window(trap.location());
            }
            backtrace(out);
        } else if (stop instanceof StopEvent.Denied denied) {
            denial(out, denied);
        } else if (stop instanceof StopEvent.WasiCall call) {
            HostCall host = call.call();
            if (host.results() == null) {
                out.println("Catchpoint: WASI call " + call(host) + " about to run");
            } else {
                for (CapabilityEvent e : host.events()) {
                    out.println(e.denied() ? paint.denial(headline(e)) : headline(e));
                }
                out.println("WASI call " + call(host) + outcome(host));
            }
            if (call.location() != null) {
                out.println("  at " + where(call.location()));
                window(call.location());
            }
        } else if (stop instanceof StopEvent.Interrupted interrupted) {
            out.println("Interrupted at " + where(interrupted.location()));
            window(interrupted.location());
        } else if (stop instanceof StopEvent.Exited exited) {
            out.println("program exited with code " + exited.code());
        } else if (stop instanceof StopEvent.Finished finished) {
            if (finished.results().isEmpty()) {
                // _start returning is how a WASI command ends with status 0.
                out.println(context.startedProgram() ? "program exited with code 0 (_start returned)" : "finished");
            }
            for (Value v : finished.results()) {
                out.println(value(v));
            }
        }
        out.flush();
    }

    /** What a retried call decided, and where the program stopped after it. */
    public void retried(HostCall call, Location stoppedAt) {
        PrintWriter out = context.out();
        for (CapabilityEvent e : call.events()) {
            out.println(e.denied() ? context.paint().denial(headline(e)) : headline(e));
        }
        out.println("retried " + call.name() + outcome(call) + "; stopped at the next call, " + where(stoppedAt));
        window(stoppedAt);
        out.flush();
    }

    /** {@code fib+0x12 (fib.wat:7)}, coloured. */
    public String where(Location location) {
        return context.paint().location(locations().longForm(location));
    }

    /** A value as {@code i32:55}, a v128 in the lane shape chosen with {@code set v128}, coloured. */
    public String value(Value v) {
        return context.paint().value(text(v, context.v128Shape(), V128Format.Radix.SIGNED));
    }

    /** {@code v128:f32x4 [1.5 0 0 -1]} for a v128 in {@code shape}; any other value as {@link Value#toString()}. */
    public static String text(Value v, LaneShape shape, V128Format.Radix radix) {
        if (v == null || v.type() != ValType.V128) {
            return String.valueOf(v);
        }
        return "v128:" + V128Format.format(v.bits(), v.high(), shape, radix);
    }

    /** A denial that does not stop the program, in one line. */
    public void note(StopEvent.Denied denied) {
        CapabilityEvent event = denied.event();
        String fix = event.suggestion() == null ? "" : "; " + event.suggestion().shellCommand() + " gives one";
        context.out().println(context.paint().error("note: denied " + event.function()
                + (event.subject().isEmpty() ? "" : " " + event.subject()) + ": " + event.reason()
                + " (the call succeeds without it, not stopping" + fix + ")"));
        context.out().flush();
    }

    /**
     * {@code denied path_open "/logs/app.log" (create, write): no grant covers /logs}: the event without the
     * command-line flag that {@link CapabilityEvent#explanation()} ends with, the shell naming its own command.
     */
    public static String headline(CapabilityEvent e) {
        StringBuilder line = new StringBuilder(e.decision().word()).append(' ').append(e.function());
        if (!e.subject().isEmpty()) {
            line.append(' ').append(e.subject());
        }
        if (!e.flags().isEmpty()) {
            line.append(" (").append(String.join(", ", e.flags())).append(')');
        }
        if (!e.reason().isEmpty()) {
            line.append(": ").append(e.reason());
        }
        return line.toString();
    }

    /** {@code  -> ESUCCESS, fd=5}: how a host call that ran ended; empty when it has not. */
    public static String outcome(HostCall call) {
        return call.outcome() == null ? "" : " -> " + call.outcome();
    }

    private void denial(PrintWriter out, StopEvent.Denied denied) {
        Paint paint = context.paint();
        CapabilityEvent event = denied.event();
        out.println(paint.denial(headline(event)));
        if (denied.location() != null) {
            out.println("  at    " + where(denied.location()));
        }
        out.println("  call  " + event.function() + arguments(event.arguments()));
        if (event.suggestion() != null) {
            out.println("  fix   " + paint.bold(event.suggestion().shellCommand()) + ", then retry");
        }
        out.println("  or    continue: the program gets " + event.errno());
    }

    private static String arguments(Map<String, String> arguments) {
        if (arguments.isEmpty()) {
            return "()";
        }
        return arguments.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code fd_write(fd=1, iovs=[14 bytes: "hello, world!\n"])}: a host call as the guest made it. */
    public static String call(HostCall call) {
        return call.text();
    }

    private void backtrace(PrintWriter out) {
        try {
            List<Frame> frames = context.session().backtrace();
            for (Frame f : frames) {
                out.println(frameLine(f));
            }
        } catch (DebugException e) {
            // A trap outside any Wasm frame has no backtrace to show.
        }
    }

    /** {@code #1  fib+0x12 (fib.wat:7)  call $fib}: one line of {@code bt}. */
    public String frameLine(Frame frame) {
        return String.format("#%-2d %s  %s", frame.number(), where(frame.location()), frame.location().text());
    }

    /**
     * Where the program is: for a module with DWARF lines, the source line of {@code location}, marked, as gdb
     * shows it; otherwise (and when the source file cannot be found) the instructions around it, the current one
     * marked.
     */
    public void window(Location location) {
        if (context.session().sourceLevel() && location.hasLine()) {
            SourceText source = source(location);
            String text = source == null ? null : source.line(location.line());
            if (text != null) {
                context.out().println(sourceLine(location.line(), text, true));
                return;
            }
        }
        try {
            Listing listing = context.session().disassemble();
            int at = listing.current() >= 0 ? listing.current() : location.instruction();
            List<Disassembler.Line> lines = listing.lines();
            int from = Math.max(0, at - CONTEXT);
            int to = Math.min(lines.size(), at + CONTEXT + 1);
            for (int i = from; i < to; i++) {
                context.out().println(line(lines.get(i), i == at));
            }
        } catch (DebugException e) {
            // Nothing to list (the stop is outside Wasm code); the location line said where it is.
        }
    }

    /**
     * The text of {@code location}'s source file, or null when it cannot be shown: said once per file in one line
     * ({@code note: source file stats.c not found (looked for ...); showing WAT}), as is a file whose MD5 differs
     * from the one the module was built from (shown all the same).
     */
    public SourceText source(Location location) {
        if (context.session().module() != notedFor) {
            noted.clear();
            notedFor = context.session().module();
        }
        try {
            SourceText text = context.session().source(location);
            if (text.warning() != null && noted.add(location.source())) {
                context.out().println("note: " + text.warning());
            }
            return text;
        } catch (DebugException e) {
            if (context.session().sourceLevel() && noted.add(location.source())) {
                context.out().println("note: " + e.getMessage() + "; showing WAT");
            }
            return null;
        }
    }

    /** {@code =>   18  text}: a source line as {@code list} and a stop show it, marked when current. */
    public String sourceLine(int number, String text, boolean current) {
        String line = String.format("%s%4d  %s", current ? "=> " : "   ", number, text);
        return current ? context.paint().current(line) : line;
    }

    /**
     * One listing line: the marker, the byte offset (what {@code break @OFFSET} takes) or, for text, the source
     * line, then the instruction indented by its block depth.
     */
    public String line(Disassembler.Line line, boolean current) {
        String column;
        if (line.offset() >= 0) {
            column = String.format("0x%06x", line.offset());
        } else if (line.instruction().line() > 0) {
            column = String.format("%5d", line.instruction().line());
        } else {
            column = "";
        }
        String text = (current ? "=> " : "   ") + column + "  " + line.indented();
        return current ? context.paint().current(text) : text;
    }
}
