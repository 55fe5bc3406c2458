package dev.jwdb.debugger;

import java.util.List;

/**
 * What {@code info break} lists: breakpoints, watchpoints and catch points share one numbering, as in gdb, so that
 * {@code delete}, {@code enable} and {@code disable} take any of them. These records are snapshots.
 */
public sealed interface StopPoint {
    int id();

    boolean enabled();

    /** How many times it stopped the program (a breakpoint whose condition was false does not count). */
    int hits();

    /**
     * A breakpoint.
     *
     * @param spec      what the user asked for: {@code $fib}, {@code @0x1c}, {@code fib.wat:7}
     * @param condition the condition text, or null
     * @param locations the instructions it resolved to; empty while pending (set before a module was loaded, or
     *                  not matching the loaded module)
     * @param note      what the user should know about where it went (a source line without code moved to the
     *                  next line with code), or null
     */
    record Breakpoint(int id, String spec, String condition, boolean enabled, int hits, List<Location> locations,
                      String note, boolean temporary, int ignoreCount)
            implements StopPoint {
        public Breakpoint {
            locations = List.copyOf(locations);
        }

        public boolean pending() {
            return locations.isEmpty();
        }
    }

    /**
     * A watchpoint on linear memory ({@code global} null) or on a global ({@code address}, {@code length} unused).
     *
     * @param global the global's display name ({@code $counter} or {@code global[2]}), or null for memory
     */
    record Watchpoint(int id, WatchKind kind, long address, int length, String global, boolean enabled, int hits)
            implements StopPoint {
        public boolean onGlobal() {
            return global != null;
        }
    }

    /**
     * A catch point.
     *
     * @param wasiFunctions for {@link CatchKind#WASI}: the function names caught, empty meaning every WASI call
     */
    record Catchpoint(int id, CatchKind kind, List<String> wasiFunctions, boolean enabled, int hits)
            implements StopPoint {
        public Catchpoint {
            wasiFunctions = List.copyOf(wasiFunctions);
        }
    }

    /** What a memory watchpoint reacts to. Global watchpoints are always {@link #WRITE}. */
    enum WatchKind {
        WRITE, READ, ACCESS
    }

    enum CatchKind {
        /** Stop before each (or each named) WASI call runs. */
        WASI,
        /** Stop at a capability denial, with the call held so that it can be retried after a grant. */
        DENIED,
        /** Count traps as catch point hits; a trap always stops the program at the faulting instruction. */
        TRAP
    }
}
