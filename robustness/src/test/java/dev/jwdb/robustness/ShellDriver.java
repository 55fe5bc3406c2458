package dev.jwdb.robustness;

import dev.jwdb.debugger.DebugSession;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.repl.shell.Console;
import dev.jwdb.repl.shell.GuestOutput;
import dev.jwdb.repl.shell.ParenBalance;
import dev.jwdb.repl.shell.Shell;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.commands.ShellCommands;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real shell loop, set up as {@code jwdb} sets it up (denials caught), running on its own thread against a
 * console that a test types into one command at a time: {@link #send} returns what that command printed, or fails
 * when the shell took longer than the time bound or stopped reading commands (it crashed or quit).
 */
final class ShellDriver implements Console, AutoCloseable {
    /** What a command printed, when the shell asked for the next one; END when the loop is over. */
    private static final String END = "\u0000end of the shell";

    private final StringWriter buffer = new StringWriter();
    private final PrintWriter out = new PrintWriter(buffer, true);
    private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> outputs = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final long boundMillis;
    private volatile Throwable crash;
    private boolean started;
    private boolean ended;
    /** What the command being run has typed so far, continuation lines included. */
    private String typed = "";
    private int continuations;

    ShellDriver(long boundMillis) {
        this.boundMillis = boundMillis;
        GuestOutput guestOut = new GuestOutput(out, "stdout| ");
        GuestOutput guestErr = new GuestOutput(out, "stderr| ");
        DebugSession session = new DebugSession(new GuestStdio(InputStream.nullInputStream(), guestOut, guestErr));
        ShellContext context = new ShellContext(session, this, guestOut, guestErr);
        Shell shell = new Shell(context, ShellCommands.table());
        session.catchDenied();
        thread = new Thread(() -> {
            try {
                shell.run();
            } catch (Throwable t) {
                crash = t;
            } finally {
                outputs.add(END);
            }
        }, "jwdb-shell-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Types {@code command} and returns what the shell printed for it. */
    String send(String command) {
        if (ended) {
            throw new AssertionError("the shell has ended; cannot send " + abbreviate(command));
        }
        if (!started) {
            take("the start");
            started = true;
        }
        commands.add(command);
        return take(command);
    }

    private String take(String command) {
        String output;
        try {
            output = outputs.poll(boundMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (output == null) {
            throw new AssertionError("the shell did not answer within " + boundMillis + " ms: "
                    + abbreviate(command));
        }
        if (output.equals(END)) {
            ended = true;
            throw new AssertionError("the shell ended after " + abbreviate(command)
                    + (crash == null ? "" : ", thrown out of its loop: " + crash));
        }
        return output;
    }

    /** Why {@code output} looks like a crash a user would see (a Java exception, a stack trace), or null. */
    static String crashSign(String output) {
        for (String sign : new String[] {"internal error", "Exception", "\tat ", "java.", "Error:"}) {
            if (output.contains(sign)) {
                return "shows \"" + sign.strip() + "\"";
            }
        }
        return null;
    }

    static String abbreviate(String s) {
        String shown = s.length() > 200 ? s.substring(0, 200) + "... (" + s.length() + " characters)" : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    @Override
    public String readLine(String prompt) {
        if (prompt.equals(Shell.CONTINUATION)) {
            if (++continuations > 100_000) {
                return null; // the closer cannot finish this input: end it (the test then reports the command)
            }
            String more = closer(typed, continuations);
            typed += "\n" + more;
            return more;
        }
        String printed = buffer.toString();
        buffer.getBuffer().setLength(0);
        outputs.add(printed);
        try {
            String next = commands.take();
            typed = next;
            continuations = 0;
            return next;
        } catch (InterruptedException e) {
            return null;
        }
    }

    /**
     * What a person would type to finish open WAT: parentheses, the end of block comments, a closing quote, in turn
     * until the input is complete (a quote typed outside a string opens one that the next round closes).
     */
    private static String closer(String typed, int round) {
        return switch (round % 3) {
            case 1 -> ")".repeat(Math.max(1, ParenBalance.open(typed)));
            case 2 -> ";)".repeat(64);
            default -> "\"";
        };
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public boolean colour() {
        return false;
    }

    @Override
    public Registration onInterrupt(Runnable onInterrupt) {
        return () -> {
        };
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
