package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.HostCall;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.text.V128Format;
import dev.jwdb.engine.wasi.Errno;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the commands share: the debug session, the console and its colours, the stop renderer, and the worker
 * thread that runs guest code. The guest runs on that thread so that the shell's thread stays free to turn Ctrl-C
 * into {@link DebugSession#interrupt()}; the shell waits for the run to stop before it reads the next command.
 */
public final class ShellContext {
    /** Runs guest code and returns why it stopped. */
    @FunctionalInterface
    public interface GuestAction {
        StopEvent run() throws DebugException;
    }

    private final DebugSession session;
    private final Console console;
    private final Paint paint;
    private final GuestOutput guestOut;
    private final GuestOutput guestErr;
    private final StopRenderer renderer;
    private CommandTable table;
    private ExecutorService worker;
    private ExpressionEvaluator evaluator;
    private volatile Consumer<HostCall> trace;
    private volatile Consumer<HostCall> afterNextCall;
    private boolean quit;
    private boolean startedProgram;
    private int failures;
    private int typedModules;
    private LaneShape v128Shape = V128Format.DEFAULT_SHAPE;

    /** An expression shown after every stop ({@code display}): its number, how it was typed, how to compute it. */
    public record Display(int id, String text, DisplayValue value) {
    }

    /** Computes a display's value as text, or fails with the reason it cannot be shown at this stop. */
    @FunctionalInterface
    public interface DisplayValue {
        String compute() throws ShellError, DebugException;
    }

    private final List<Display> displays = new ArrayList<>();
    private int nextDisplay = 1;

    public ShellContext(DebugSession session, Console console, GuestOutput guestOut, GuestOutput guestErr) {
        this.session = session;
        this.console = console;
        this.paint = Paint.forConsole(console);
        this.guestOut = guestOut;
        this.guestErr = guestErr;
        this.renderer = new StopRenderer(this);
    }

    public DebugSession session() {
        return session;
    }

    public Console console() {
        return console;
    }

    public PrintWriter out() {
        return console.out();
    }

    public Paint paint() {
        return paint;
    }

    public StopRenderer renderer() {
        return renderer;
    }

    public CommandTable table() {
        return table;
    }

    void table(CommandTable table) {
        this.table = table;
    }

    /**
     * Runs guest code on the worker thread, Ctrl-C interrupting it, then renders how it stopped. Guest output that
     * did not end its line is written out first, so it comes before jwdb's report.
     */
    public StopEvent runGuest(GuestAction action) throws DebugException {
        StopEvent stop = drive(action);
        render(stop);
        return stop;
    }

    /** Shows how the program stopped and, while it is stopped in a frame, every display. */
    public void render(StopEvent stop) {
        renderer.render(stop);
        if (!(stop instanceof StopEvent.Finished) && !(stop instanceof StopEvent.Exited)) {
            showDisplays(displays);
        }
    }

    /** Adds a display and returns it. */
    public Display addDisplay(String text, DisplayValue value) {
        Display d = new Display(nextDisplay++, text, value);
        displays.add(d);
        return d;
    }

    /** Removes display {@code id}; whether there was one. */
    public boolean removeDisplay(int id) {
        return displays.removeIf(d -> d.id() == id);
    }

    public List<Display> displays() {
        return List.copyOf(displays);
    }

    /** {@code 1: s->min = 3} for each; one that cannot be shown here says why in its line. */
    public void showDisplays(List<Display> which) {
        for (Display d : which) {
            String value;
            try {
                value = d.text() + " = " + paint.value(d.value().compute());
            } catch (ShellError | DebugException e) {
                value = d.text() + ": " + e.getMessage();
            }
            out().println(d.id() + ": " + value);
        }
    }

    /** Runs guest code like {@link #runGuest} and returns the stop without rendering it. */
    public StopEvent drive(GuestAction action) throws DebugException {
        StopEvent stop = runQuietly(session, action);
        // A denial the guest sees as success (WASI's empty environment) fails nothing: say so, but do not stop.
        while (stop instanceof StopEvent.Denied denied && denied.event().errno() == Errno.SUCCESS) {
            renderer.note(denied);
            stop = runQuietly(session, session::deliver);
        }
        return stop;
    }

    /** {@code trace wasi on|off}: the listener that prints each call, or null. */
    public void traceWasi(Consumer<HostCall> listener) {
        trace = listener;
        installTrace();
    }

    /**
     * Calls {@code listener} once, on the guest's thread, after the next WASI call returns; the shell's
     * {@code retry} uses it to stop the program right after the retried call.
     */
    public void afterNextWasiCall(Consumer<HostCall> listener) {
        afterNextCall = listener;
        installTrace();
    }

    private void installTrace() {
        if (trace == null && afterNextCall == null) {
            session.traceWasi(null);
            return;
        }
        session.traceWasi(call -> {
            Consumer<HostCall> printer = trace;
            if (printer != null) {
                printer.accept(call);
            }
            Consumer<HostCall> once = afterNextCall;
            if (once != null) {
                afterNextCall = null;
                once.accept(call);
            }
        });
    }

    /** Like {@link #runGuest} on any session (the expression evaluator has its own), without rendering. */
    StopEvent runQuietly(DebugSession on, GuestAction action) throws DebugException {
        Future<StopEvent> running = worker().submit(action::run);
        try (Console.Registration route = console.onInterrupt(on::interrupt)) {
            while (true) {
                try {
                    return running.get();
                } catch (InterruptedException e) {
                    // The shell's own thread is never interrupted on purpose; keep waiting for the guest to stop.
                    on.interrupt();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DebugException d) {
                throw d;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            guestOut.endLine();
            guestErr.endLine();
        }
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jwdb-guest");
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    public ExpressionEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = new ExpressionEvaluator(this);
        }
        return evaluator;
    }

    /** The lane shape v128 values are shown in ({@code set v128 SHAPE}). */
    public LaneShape v128Shape() {
        return v128Shape;
    }

    public void v128Shape(LaneShape shape) {
        v128Shape = shape;
    }

    /** A name for the next module typed at the prompt: {@code input-1.wat}, {@code input-2.wat}... */
    public String nextInputName() {
        return "input-" + ++typedModules + ".wat";
    }

    /** Whether the current run is the program's ({@code run}) rather than an {@code invoke}. */
    public boolean startedProgram() {
        return startedProgram;
    }

    public void startedProgram(boolean program) {
        startedProgram = program;
    }

    public void requestQuit() {
        quit = true;
    }

    public boolean quitRequested() {
        return quit;
    }

    void failed() {
        failures++;
    }

    /** How many commands failed, for the exit status of {@code -x} and {@code --batch}. */
    public int failures() {
        return failures;
    }

    void shutdown() {
        if (worker != null) {
            session.interrupt();
            worker.shutdownNow();
        }
    }
}
