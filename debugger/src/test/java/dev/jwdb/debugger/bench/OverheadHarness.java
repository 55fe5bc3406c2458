package dev.jwdb.debugger.bench;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.DebugSession;
import dev.jwdb.debugger.StopEvent;
import dev.jwdb.debugger.StopPoint;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.valid.Validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Side-by-side timings of the bench reactors' {@code bench()}: the engine alone, a debug session with no stop points,
 * with a breakpoint in a function the run never reaches, and with a memory watchpoint nothing writes. Not a test:
 * run it by hand, one JVM per configuration so that one's JIT profile does not slow the next:
 * {@code java -cp ... dev.jwdb.debugger.bench.OverheadHarness engine|session|break|watch FILE.reactor.wasm...}.
 * Prints one line per file: the configuration, the file and the median of the timed runs in ms.
 */
public final class OverheadHarness {
    private static final int WARMUP = Integer.getInteger("warmup", 1);
    private static final int RUNS = Integer.getInteger("runs", 3);

    private OverheadHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        for (int i = 1; i < args.length; i++) {
            Path path = Path.of(args[i]);
            double ms = mode.equals("engine") ? engineAlone(path) : session(path, mode);
            System.out.printf("%-8s %-22s %8.0f%n", mode, path.getFileName(), ms);
        }
    }

    private static double engineAlone(Path path) throws Exception {
        Module module = BinaryDecoder.decode(Files.readAllBytes(path));
        Validator.validate(module);
        Store store = new Store();
        Instance instance = store.instantiate(module, ImportResolver.NONE);
        store.invoke((FunctionInstance) instance.export("_initialize"));
        FunctionInstance bench = (FunctionInstance) instance.export("bench");
        return median(() -> store.invoke(bench));
    }

    private static double session(Path path, String extra) throws Exception {
        DebugSession s = new DebugSession();
        s.load(path);
        check(s.invoke("bench", java.util.List.of()));
        if ("break".equals(extra)) {
            s.breakAt("_initialize", null); // ran once at instantiation, never again
        } else if ("watch".equals(extra)) {
            s.watchMemory(0, 4, StopPoint.WatchKind.WRITE); // the null page: nothing writes it
        }
        return median(() -> check(s.invoke("bench", java.util.List.of())));
    }

    private static StopEvent check(StopEvent e) {
        if (!(e instanceof StopEvent.Finished)) {
            throw new IllegalStateException("bench() stopped: " + e);
        }
        return e;
    }

    private interface Run {
        Object run() throws DebugException;
    }

    private static double median(Run r) throws DebugException {
        for (int i = 0; i < WARMUP; i++) {
            r.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
