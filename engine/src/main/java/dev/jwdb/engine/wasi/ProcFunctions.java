package dev.jwdb.engine.wasi;

import java.util.Set;

/** {@code proc_exit}, {@code proc_raise} and {@code sched_yield}. */
final class ProcFunctions {
    /** Signals whose default action is to be ignored (or to stop, which a lone guest cannot do). */
    private static final Set<Integer> IGNORED = Set.of(0, 16, 17, 18, 19, 20, 21, 22, 27);
    private static final int LAST_SIGNAL = 30;

    void register(FunctionTable t) {
        t.addRaw(new WasiFunction("proc_exit", FunctionTable.type("i", ""), (memory, args) -> {
            throw new ProcExit((int) args[0]);
        }));
        t.add("proc_raise", "i", (g, a) -> {
            int signal = (int) a[0];
            if (signal < 0 || signal > LAST_SIGNAL) {
                return Errno.INVAL;
            }
            if (IGNORED.contains(signal)) {
                return Errno.SUCCESS;
            }
            // The default action of every other signal terminates the process, reported as a shell would.
            throw new ProcExit(128 + signal);
        });
        t.add("sched_yield", "", (g, a) -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
    }
}
