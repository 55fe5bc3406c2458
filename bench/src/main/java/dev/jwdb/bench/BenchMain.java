package dev.jwdb.bench;

import dev.jwdb.engine.runtime.Store;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.script.Script;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side benchmark in one JVM. For each module of the bench directory, every engine gets its own instance;
 * warm-up rounds and measured rounds call {@code bench()} once per engine per round, alternating the engines (the
 * order rotates each round) so that JIT, GC and machine noise hit them alike. Every result is checked against the
 * checksums of the bench README; a mismatch stops the run. Times are the calling thread's CPU time (wall time in
 * parentheses); the report gives medians, jwdb's speed-up over each other engine, and their geometric mean.
 *
 * <p>Options: {@code --dir DIR} (default ../shared/bench), {@code --modules fib,sieve,...}, {@code --engines
 * jwdb,chicory,chicory-aot}; the debugger's
 * costs: {@code jwdb-session}, {@code jwdb-break}, {@code jwdb-watch}, {@code jwdb-trace}, see {@link DebugSessionEngine}), {@code --warmup N} (default 2), {@code --rounds N} (default 5), {@code --no-load},
 * {@code --no-parse}, {@code --only-load}, {@code --spec DIR} (default ../shared/spec).
 */
public final class BenchMain {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("../shared/bench");
        Path spec = Path.of("../shared/spec");
        List<String> modules = null;
        List<String> engineNames = List.of("jwdb", "chicory", "chicory-aot");
        int warmup = 2;
        int rounds = 5;
        boolean load = true;
        boolean parse = true;
        boolean run = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--spec" -> spec = Path.of(args[++i]);
                case "--modules" -> modules = List.of(args[++i].split(","));
                case "--engines" -> engineNames = List.of(args[++i].split(","));
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--no-load" -> load = false;
                case "--no-parse" -> parse = false;
                case "--only-load" -> {
                    run = false;
                    parse = false;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.out.printf("jwdb bench: %s %s, %d cpus, max heap %d MB, args %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        Map<String, Integer> checksums = Checksums.read(dir);
        if (modules == null) {
            modules = new ArrayList<>(checksums.keySet());
        }
        List<Engine> engines = new ArrayList<>();
        for (String n : engineNames) {
            engines.add(switch (n) {
                case "jwdb" -> new JwdbEngine();
                case "chicory" -> new ChicoryEngine(false);
                case "chicory-aot" -> new ChicoryEngine(true);
                default -> {
                    DebugSessionEngine.Variant v = DebugSessionEngine.Variant.named(n);
                    if (v == null) {
                        throw new IllegalArgumentException("unknown engine " + n);
                    }
                    yield new DebugSessionEngine(v);
                }
            });
        }
        if (run) {
            runModules(dir, modules, checksums, engines, warmup, rounds);
        }
        if (load) {
            measureLoad(dir);
        }
        if (parse) {
            measureParse(spec);
        }
    }

    private static void runModules(Path dir, List<String> modules, Map<String, Integer> checksums,
                                   List<Engine> engines, int warmup, int rounds) throws Exception {
        Map<String, double[]> ratios = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-8s", "module"));
        for (Engine e : engines) {
            table.append(String.format(" %14s", e.name()));
        }
        for (int i = 1; i < engines.size(); i++) {
            table.append(String.format(" %17s", engines.get(i).name() + "/" + engines.get(0).name()));
        }
        table.append(String.format("%n"));
        for (String module : modules) {
            Integer expected = checksums.get(module);
            if (expected == null) {
                throw new IllegalStateException("no checksum for " + module + " in " + dir.resolve("README.md"));
            }
            byte[] wasm = Files.readAllBytes(dir.resolve(module + ".reactor.wasm"));
            Engine.Runner[] runners = new Engine.Runner[engines.size()];
            for (int e = 0; e < engines.size(); e++) {
                runners[e] = engines.get(e).load(wasm);
            }
            long[][] cpu = new long[engines.size()][rounds];
            long[][] wall = new long[engines.size()][rounds];
            for (int round = 0; round < warmup + rounds; round++) {
                for (int k = 0; k < engines.size(); k++) {
                    int e = (k + round) % engines.size();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    int result = runners[e].bench();
                    long w1 = System.nanoTime();
                    long c1 = THREADS.getCurrentThreadCpuTime();
                    if (result != expected) {
                        System.err.printf("CHECKSUM MISMATCH: %s on %s returned %d, expected %d%n",
                                engines.get(e).name(), module, Integer.toUnsignedLong(result),
                                Integer.toUnsignedLong(expected));
                        System.exit(1);
                    }
                    String phase = round < warmup ? "warm-up" : "round " + (round - warmup + 1);
                    System.out.printf("  %-7s %-10s %-12s %8.3f s cpu %8.3f s wall  result %d ok%n", module, phase,
                            engines.get(e).name(), (c1 - c0) / 1e9, (w1 - w0) / 1e9, result);
                    if (round >= warmup) {
                        cpu[e][round - warmup] = c1 - c0;
                        wall[e][round - warmup] = w1 - w0;
                    }
                }
            }
            table.append(String.format("%-8s", module));
            double[] medians = new double[engines.size()];
            for (int e = 0; e < engines.size(); e++) {
                medians[e] = median(cpu[e]) / 1e9;
                table.append(String.format(" %6.3f (%5.3f)", medians[e], median(wall[e]) / 1e9));
            }
            double[] r = new double[engines.size()];
            for (int e = 1; e < engines.size(); e++) {
                r[e] = medians[e] / medians[0];
                table.append(String.format(" %16.2fx", r[e]));
            }
            ratios.put(module, r);
            table.append(String.format("%n"));
        }
        table.append(String.format("%-8s", "geomean"));
        for (int e = 0; e < engines.size(); e++) {
            table.append(String.format(" %14s", ""));
        }
        for (int e = 1; e < engines.size(); e++) {
            double logSum = 0;
            for (double[] r : ratios.values()) {
                logSum += Math.log(r[e]);
            }
            table.append(String.format(" %16.2fx", Math.exp(logSum / ratios.size())));
        }
        System.out.println(table.append(String.format(
                "%nmedian CPU seconds per bench() call (wall in parentheses); ratio = other engine / %s, "
                        + "above 1 means %s is faster%n", engines.get(0).name(), engines.get(0).name())));
    }

    /** Decode + validate + instantiate a ~5 MB module, jwdb against Chicory's parse + instantiate. */
    private static void measureLoad(Path dir) throws Exception {
        byte[] big = LargeModule.build(Files.readAllBytes(dir.resolve("nbody.reactor.wasm")), 5 << 20);
        int rounds = 7;
        long[] jwdb = new long[rounds];
        long[] chicory = new long[rounds];
        for (int round = -3; round < rounds; round++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            JwdbEngine.instantiate(new Store(), big);
            long t1 = THREADS.getCurrentThreadCpuTime();
            ChicoryEngine.instantiate(big, false);
            long t2 = THREADS.getCurrentThreadCpuTime();
            if (round >= 0) {
                jwdb[round] = t1 - t0;
                chicory[round] = t2 - t1;
            }
        }
        double j = median(jwdb) / 1e6;
        double c = median(chicory) / 1e6;
        System.out.printf("%nload of a %.1f MB module (nbody's functions copied; decode + validate + instantiate, "
                + "median of %d warm): jwdb %.0f ms, chicory %.0f ms (chicory/jwdb %.2fx)%n",
                big.length / 1048576.0, rounds, j, c, c / j);
    }

    /** Parses the largest non-SIMD .wast of the spec suite with our ANTLR grammar. */
    private static void measureParse(Path spec) throws Exception {
        Path file = spec.resolve("wasm-2.0/memory_copy.wast");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int rounds = 7;
        long[] times = new long[rounds];
        int commands = 0;
        for (int round = -3; round < rounds; round++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            Script script = Wat.parseScript(text, file.toString());
            long t1 = THREADS.getCurrentThreadCpuTime();
            commands = script.commands().size();
            if (round >= 0) {
                times[round] = t1 - t0;
            }
        }
        System.out.printf("parse of %s (%d KB, %d commands, median of %d warm): %.0f ms%n", file,
                Files.size(file) >> 10, commands, rounds, median(times) / 1e6);
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
