package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.HostCall;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.engine.wasi.Errno;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        renderer.render(stop);
        return stop;
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
