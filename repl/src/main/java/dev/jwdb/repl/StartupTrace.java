package dev.jwdb.repl;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * A timing log of start-up, to see where it goes: with {@code -Djwdb.startup.trace=FILE} each phase appends a line
 * to FILE with the milliseconds since the JVM started and the CPU time used so far by the thread and the process.
 * Off, and free, without the property.
 */
final class StartupTrace {
    private static final String FILE = System.getProperty("jwdb.startup.trace");
    private static long baseNanos;
    private static long baseUptime = -1;

    private StartupTrace() {
    }

    static synchronized void mark(String phase) {
        if (FILE == null) {
            return;
        }
        long now = System.nanoTime();
        if (baseUptime < 0) {
            baseNanos = now;
            baseUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        }
        long at = baseUptime + (now - baseNanos) / 1_000_000;
        long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        try (PrintWriter w = new PrintWriter(new FileWriter(FILE, true))) {
            w.printf("%5d ms  cpu: thread %4d ms, process %4d ms  %s [%s]%n", at, threadCpu, processCpu, phase,
                    Thread.currentThread().getName());
        } catch (IOException e) {
            // a trace that cannot be written is no reason to stop
        }
    }
}
