package dev.jwdb.robustness;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.UninstantiableException;
import dev.jwdb.engine.UnlinkableException;
import dev.jwdb.wat.WatSyntaxException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every hostile input is held to: the work finishes within a time bound, and the only exceptions that
 * come out are the engine's documented phase exceptions. Anything else (a NullPointerException, an
 * ArrayIndexOutOfBoundsException, a StackOverflowError, an OutOfMemoryError) is a bug a user would see as a crash.
 */
final class Contract implements AutoCloseable {
    /** The phase exceptions of DESIGN.md §2, plus the text format's malformed. */
    static final List<Class<? extends RuntimeException>> DOCUMENTED = List.of(MalformedException.class,
            InvalidException.class, WatSyntaxException.class, UnlinkableException.class,
            UninstantiableException.class, TrapException.class, ExhaustionException.class);

    /** Generous against a loaded CI machine: a typical input takes well under a millisecond. */
    static final long TIME_BOUND_MILLIS = Long.getLong("jwdb.fuzz.timeoutMillis", 5_000);

    /**
     * Runs inputs on a thread with a big stack, so that a StackOverflowError means real unbounded recursion and
     * not a small default stack. Daemon, so that a hung input cannot keep the test JVM alive after it failed.
     */
    private ExecutorService worker = newWorker();
    private final long boundMillis;

    Contract() {
        this(TIME_BOUND_MILLIS);
    }

    /** @param boundMillis the bound for one {@link #check}, when it covers more than one input's worth of work */
    Contract(long boundMillis) {
        this.boundMillis = boundMillis;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-worker", 16L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    static boolean isDocumented(Throwable e) {
        return DOCUMENTED.stream().anyMatch(c -> c.isInstance(e));
    }

    /**
     * Runs {@code work} for the input described by {@code replay}; returns the documented exception it threw, or
     * null when it completed. Fails the test (with {@code replay} in the message) otherwise.
     */
    Throwable check(String replay, Runnable work) {
        Future<?> f = worker.submit(work);
        try {
            f.get(boundMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (isDocumented(cause)) {
                return cause;
            }
            fail("undocumented " + cause + " for " + replay + "\n" + stackTrace(cause));
        } catch (TimeoutException e) {
            // The stuck thread cannot be stopped safely; abandon it (it is a daemon) and carry on with a fresh one.
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            fail("no answer within " + boundMillis + " ms for " + replay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return null;
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
