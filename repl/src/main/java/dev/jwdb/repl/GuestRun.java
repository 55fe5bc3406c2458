package dev.jwdb.repl;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.UninstantiableException;
import dev.jwdb.engine.UnlinkableException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityListener;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.engine.wasi.ProcExit;
import dev.jwdb.engine.wasi.WasiHost;
import dev.jwdb.engine.wasi.WasiImports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One non-interactive run of a WASI program, as {@code run} and {@code audit} do it: instantiate with the WASI host,
 * call {@code _initialize} when exported, then the entry point; turn how it ended into the exit status of DESIGN §4.
 * Every denial is explained on jwdb's stderr as it happens.
 */
final class GuestRun {
    /** The status of a trap, as a shell reports a process killed by SIGABRT. */
    static final int TRAPPED = 134;

    private final PrintWriter out;
    private final PrintWriter err;
    private final GuestStdio stdio;
    private final boolean traceWasi;

    GuestRun(PrintWriter out, PrintWriter err, GuestStdio stdio, boolean traceWasi) {
        this.out = out;
        this.err = err;
        this.traceWasi = traceWasi;
        this.stdio = traceWasi ? new GuestStdio(stdio.in(), new LineEnd(stdio.out()), new LineEnd(stdio.err()))
                : stdio;
    }

    /** A guest stream that remembers whether what was written last ended a line. */
    private static final class LineEnd extends java.io.FilterOutputStream {
        private boolean open;

        LineEnd(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            open = b != '\n';
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len > 0) {
                open = b[off + len - 1] != '\n';
            }
        }
    }

    /** Ends the line the guest left open, so that a trace line starts a line of its own. */
    private void endGuestLines() {
        for (java.io.OutputStream s : new java.io.OutputStream[] {stdio.out(), stdio.err()}) {
            if (s instanceof LineEnd l && l.open) {
                try {
                    l.write('\n');
                } catch (IOException e) {
                    // The guest's stream is gone; the trace line still follows on jwdb's stderr.
                }
            }
        }
    }

    /**
     * Runs {@code module}; {@code argv} is what the guest sees as its arguments, program name first.
     * {@code observer} sees every capability event besides the printer of denials.
     */
    int run(Module module, String file, List<String> argv, Grants grants, StoreLimits limits, EntryPoint entry,
            CapabilityListener observer) {
        CapabilityListener listener = explainDenials().and(observer);
        WasiHost host;
        try {
            host = new WasiHost(argv, grants, stdio, listener);
        } catch (UncheckedIOException e) {
            err.println("jwdb: " + e.getCause().getMessage());
            return Exit.USAGE;
        }
        try (host) {
            return execute(module, file, host, limits, entry);
        } finally {
            flushGuestStreams();
        }
    }

    private int execute(Module module, String file, WasiHost host, StoreLimits limits, EntryPoint entry) {
        Store store = new Store(limits);
        WasiImports imports = new WasiImports(host);
        if (traceWasi) {
            imports.trace(call -> {
                // after what the guest wrote during the call, as the call returns, on a line of its own
                endGuestLines();
                flushGuestStreams();
                err.println("jwdb: wasi: " + call);
                err.flush();
            });
        }
        Instance instance;
        try {
            instance = store.instantiateWithoutStart(module, imports);
        } catch (UnlinkableException | UninstantiableException e) {
            err.println("jwdb: " + file + ": " + e.getMessage());
            return Exit.USAGE;
        } catch (ExhaustionException e) {
            // a memory or table larger than a limit is refused before any code runs, like a missing import
            err.println("jwdb: " + file + ": cannot instantiate: " + e.getMessage() + limitHint(e, limits));
            return Exit.USAGE;
        } catch (TrapException e) {
            flushGuestStreams();
            reportTrap(e, limits);
            return TRAPPED;
        }
        try {
            imports.bind(instance);
            FunctionInstance start = instance.startFunction();
            if (start != null) {
                store.invoke(start);
            }
            if (EntryPoint.functionType(module, EntryPoint.INITIALIZE) != null) {
                store.invoke(function(instance, EntryPoint.INITIALIZE));
            }
            Value[] results = store.invoke(function(instance, entry.export()), entry.args());
            if (entry.printsResults()) {
                flushGuestStreams();
                for (Value v : results) {
                    out.println(v);
                }
                out.flush();
            }
            return Exit.OK;
        } catch (ProcExit e) {
            return e.code();
        } catch (TrapException | ExhaustionException e) {
            flushGuestStreams();
            reportTrap(e, limits);
            return TRAPPED;
        }
    }

    private static FunctionInstance function(Instance instance, String name) {
        ExternVal export = instance.export(name);
        return (FunctionInstance) export;
    }

    private CapabilityListener explainDenials() {
        return event -> {
            if (event.denied()) {
                // The guest's own complaint about the failure comes after this line, so flush what it said before.
                flushGuestStreams();
                err.println("jwdb: " + event.explanation());
                err.flush();
            }
            return CapabilityListener.Verdict.DELIVER;
        };
    }

    private static final int BACKTRACE_HEAD = 20;
    private static final int BACKTRACE_TAIL = 5;

    /** Which option changes the limit {@code e} ran into, and what it was; empty for other failures. */
    private static String limitHint(WasmException e, StoreLimits limits) {
        String m = e.getMessage();
        if (m.equals(ExecutionState.CALL_STACK_EXHAUSTED)) {
            return " (the limit is " + limits.maxCallDepth() + " frames: --max-stack N changes it)";
        }
        if (m.equals(StoreLimits.FUEL_EXHAUSTED)) {
            return " (--fuel " + limits.fuel() + " allowed " + limits.fuel() + " instructions)";
        }
        if (m.startsWith("memory size ")) {
            return " (--max-memory SIZE changes the limit)";
        }
        if (m.startsWith("table size ")) {
            return " (--max-table-elements N changes the limit)";
        }
        return "";
    }

    private void reportTrap(WasmException e, StoreLimits limits) {
        err.println("jwdb: trap: " + e.getMessage() + limitHint(e, limits));
        List<FunctionInstance> frames = e.wasmBacktrace();
        if (!frames.isEmpty()) {
            err.println("wasm backtrace:");
            // A stack exhaustion has thousands of frames: the innermost and the outermost ones say what recursed.
            boolean elide = frames.size() > BACKTRACE_HEAD + BACKTRACE_TAIL + 1;
            for (int i = 0; i < frames.size(); i++) {
                if (elide && i == BACKTRACE_HEAD) {
                    int omitted = frames.size() - BACKTRACE_HEAD - BACKTRACE_TAIL;
                    err.printf("  ... %d frames omitted ...%n", omitted);
                    i += omitted - 1;
                    continue;
                }
                err.printf("  %2d: %s%n", i, FunctionNames.of(frames.get(i)));
            }
        }
        err.flush();
    }

    private void flushGuestStreams() {
        try {
            stdio.out().flush();
            stdio.err().flush();
        } catch (IOException e) {
            // The guest's output has nowhere to go; jwdb's own messages still follow on its writers.
        }
    }
}
