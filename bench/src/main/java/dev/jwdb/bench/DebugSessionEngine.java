package dev.jwdb.bench;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.debugger.StopPoint;
import java.util.List;

/**
 * jwdb's interpreter driven through a {@link DebugSession}, for issue 7's debugger costs: each variant is timed
 * side by side with the plain engine ({@code --engines jwdb,jwdb-session,jwdb-break,jwdb-watch,jwdb-trace}), and its
 * column of ratios to {@code jwdb} is the cost.
 */
final class DebugSessionEngine implements Engine {
    /** What the session carries while bench() runs; none of it is ever hit. */
    enum Variant {
        /** No stop points, WASI trace off: the session alone. */
        SESSION("jwdb-session"),
        /** A breakpoint in _initialize, which ran once before and is never reached again. */
        BREAK("jwdb-break"),
        /** A write watchpoint on the first word of memory, which the C programs never write (the null page). */
        WATCH("jwdb-watch"),
        /** The WASI trace on; the reactors make no WASI calls, so this shows what merely enabling it costs. */
        TRACE("jwdb-trace");

        final String engineName;

        Variant(String engineName) {
            this.engineName = engineName;
        }

        static Variant named(String name) {
            for (Variant v : values()) {
                if (v.engineName.equals(name)) {
                    return v;
                }
            }
            return null;
        }
    }

    private final Variant variant;

    DebugSessionEngine(Variant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.engineName;
    }

    @Override
    public Runner load(byte[] wasm) {
        try {
            DebugSession session = new DebugSession();
            session.load("bench.wasm", wasm);
            finished(session.invoke("_initialize", List.of()));
            switch (variant) {
                case BREAK -> session.breakAt("_initialize", null);
                case WATCH -> session.watchMemory(0, 4, StopPoint.WatchKind.WRITE);
                case TRACE -> session.traceWasi(call -> { });
                default -> { }
            }
            return () -> {
                try {
                    return finished(session.invoke("bench", List.of())).results().get(0).asI32();
                } catch (DebugException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            };
        } catch (DebugException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static StopEvent.Finished finished(StopEvent event) {
        if (event instanceof StopEvent.Finished f) {
            return f;
        }
        throw new IllegalStateException("the run stopped instead of finishing: " + event);
    }
}
