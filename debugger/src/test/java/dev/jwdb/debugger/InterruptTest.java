package dev.jwdb.debugger;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterruptTest {
    @Test
    void interruptStopsAnInfiniteLoopQuicklyAndTheRunContinues() throws Exception {
        DebugSession s = Sessions.steps();
        CompletableFuture<StopEvent> run = CompletableFuture.supplyAsync(() -> call(() -> s.invoke("spin",
                Sessions.args())));
        for (int round = 0; round < 2; round++) {
            waitUntilRunning(s);
            Thread.sleep(100);
            long t0 = System.nanoTime();
            s.interrupt();
            StopEvent e = run.get(5, TimeUnit.SECONDS);
            // measured on the running thread, when the stop was made, not when this thread woke up to see it
            long ms = (stoppedAt - t0) / 1_000_000;
            assertTrue(ms < 100, "stopped after " + ms + " ms");
            StopEvent.Interrupted i = assertInstanceOf(StopEvent.Interrupted.class, e);
            assertEquals("$spin", i.location().function());
            assertEquals(1, s.backtrace().size());
            assertTrue(s.disassemble().rendered().stream().anyMatch(l -> l.startsWith("=> ")));
            run = CompletableFuture.supplyAsync(() -> call(s::resume));
        }
        waitUntilRunning(s);
        s.interrupt();
        assertInstanceOf(StopEvent.Interrupted.class, run.get(5, TimeUnit.SECONDS));
    }

    private static void waitUntilRunning(DebugSession s) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (s.state() != SessionState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private interface Call {
        StopEvent run() throws DebugException;
    }

    private static volatile long stoppedAt;

    private static StopEvent call(Call c) {
        try {
            StopEvent e = c.run();
            stoppedAt = System.nanoTime();
            return e;
        } catch (DebugException e) {
            throw new IllegalStateException(e);
        }
    }
}
