package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityEvent;

import java.util.List;

/**
 * A call from the guest to an imported (host) function, e.g. a WASI function.
 *
 * @param module  the import module, e.g. {@code wasi_snapshot_preview1}
 * @param name    the import name, e.g. {@code path_open}
 * @param args    the arguments as passed
 * @param results the results, or null when the call has not run (stopped before it) or did not return
 * @param events  the capability decisions the call made, in order (empty before it ran)
 * @param text    the call as a person reads it, WASI arguments decoded:
 *                {@code path_open(fd=3, dirflags=symlink_follow, path="logs/app.log", ...)}
 * @param outcome how it ended, with what it wrote through its result pointers ({@code ESUCCESS, fd=5}); null when
 *                it has not run
 */
public record HostCall(String module, String name, List<Value> args, List<Value> results,
                       List<CapabilityEvent> events, String text, String outcome) {
    public HostCall {
        args = List.copyOf(args);
        results = results == null ? null : List.copyOf(results);
        events = List.copyOf(events);
    }
}
