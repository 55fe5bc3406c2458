package dev.jwdb.robustness;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Runs one module in jwdb and in Chicory side by side: the same exports called in the same order with the same
 * arguments. After each call the results (bit for bit; unless the module's NaNs are all exact, any NaN matches any
 * NaN, as the spec leaves NaN payloads of arithmetic open), whether it trapped and with which of the spec's trap
 * messages, and the bytes of memory 0 must agree. Returns the disagreements, one line each.
 *
 * <p>Exports may loop forever, so jwdb runs each call first with fuel ({@link FuelledPair}). A call that runs out of
 * fuel, or of call depth (how deep calls may go is each engine's choice: the spec leaves it to the implementation,
 * and call.wast only asserts that runaway recursion is exhausted, at no particular depth), is counted and not
 * compared, and the module starts afresh in all three instances. A call that finished is then run in jwdb without
 * fuel and in Chicory, and all three must agree: the fuelled run checks the code jwdb runs with fuel, the plain one
 * the fused code it runs without.
 */
final class Differential {
    private static final String CALL_STACK_EXHAUSTED = "call stack exhausted";

    /** The spec's trap messages, and jwdb's for fuel; a trap's kind is the first of these its message contains. */
    private static final List<String> TRAP_KINDS = List.of("integer divide by zero", "integer overflow",
            "invalid conversion to integer", "out of bounds memory access", "out of bounds table access",
            "undefined element", "uninitialized element", "indirect call type mismatch", "unreachable",
            CALL_STACK_EXHAUSTED, "data segment dropped", "element segment dropped",
            StoreLimits.FUEL_EXHAUSTED);

    /**
     * jwdb's limits: the fuel of each fresh instance (half of it is there for every call), a call depth that
     * Chicory, whose depth is that of the Java stack, surely reaches too, and 64 MiB of memory, which Chicory is
     * given as the maximum too (memory_grow.wast grows by random amounts, and three instances of 2 GiB would not fit
     * in the test JVM).
     */
    static final StoreLimits LIMITS = new StoreLimits(1_000, 1_024).withFuel(100_000);

    /**
     * Memory is compared after every call, so a module whose memory has grown past this many pages starts afresh
     * (call.wast's as-memory.grow-value grows it by 306 pages a call).
     */
    private static final int FRESH_AFTER_PAGES = 64;

    /** Chicory's instructions in one call, counted as it goes: far more than any call that jwdb finished needs. */
    private static final long CHICORY_BUDGET = 10 * LIMITS.fuel();

    private Differential() {
    }

    /** The outcome of one call in one engine: results as raw bits, or a trap kind. */
    record Outcome(long[] results, String trap) {
        String describe(List<ValType> types) {
            if (trap != null) {
                return "trap \"" + trap + "\"";
            }
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < results.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(types.get(i)).append(':').append(Long.toHexString(results[i]));
            }
            return sb.append(']').toString();
        }
    }

    /**
     * @param exactNaNs whether results must agree bit for bit even when they are NaNs: for modules whose every NaN
     *                  has specified bits (see {@link ValidModuleGenerator})
     */
    static List<String> compare(String name, Module module, byte[] binary, int callsPerExport, Random random,
            boolean exactNaNs, FuelledPair.Counts counts) {
        List<String> problems = new ArrayList<>();
        FuelledPair jwdb = new FuelledPair(module, LIMITS, store -> (m, n) -> null);
        WasmModule parsed = Parser.parse(binary);
        String fuelledFailure = instantiationFailure(jwdb::instantiateFuelled);
        if (StoreLimits.FUEL_EXHAUSTED.equals(fuelledFailure) || CALL_STACK_EXHAUSTED.equals(fuelledFailure)) {
            counts.startsOutOfFuel++;
            return problems;
        }
        String plainFailure = instantiationFailure(jwdb::instantiatePlain);
        ChicoryBudget budget = new ChicoryBudget();
        String chicoryFailure = instantiationFailure(() -> instantiateChicory(parsed, budget));
        if (fuelledFailure != null || plainFailure != null || chicoryFailure != null) {
            if (!Objects.equals(fuelledFailure, chicoryFailure) || !Objects.equals(plainFailure, chicoryFailure)) {
                problems.add(name + ": instantiation: jwdb " + ok(plainFailure) + ", jwdb with fuel "
                        + ok(fuelledFailure) + ", chicory " + ok(chicoryFailure));
            }
            return problems;
        }
        com.dylibso.chicory.runtime.Instance chicory = instantiateChicory(parsed, budget);
        Termination termination = new Termination(module);
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC) {
                continue;
            }
            FuncType type = ((FunctionInstance) jwdb.plain().export(e.name())).type();
            List<ValType> params = type.params();
            List<ValType> results = type.results();
            if (!params.stream().allMatch(ValType::isNumeric) || !results.stream().allMatch(ValType::isNumeric)) {
                continue;
            }
            boolean looping = !termination.bounded(e.index());
            for (int k = 0; k < callsPerExport; k++) {
                Value[] args = RandomValues.arguments(params, random);
                if (jwdb.plain().memoryCount() > 0 && jwdb.plain().memory(0).pages() > FRESH_AFTER_PAGES) {
                    jwdb.reset();
                    chicory = instantiateChicory(parsed, budget);
                } else if (jwdb.refuel()) {
                    chicory = instantiateChicory(parsed, budget); // the pair started afresh: so does Chicory
                }
                long before = jwdb.fuelLeft();
                counts.calls++;
                Outcome fuelled = callJwdb(() -> jwdb.invokeFuelled(e.name(), args));
                if (StoreLimits.FUEL_EXHAUSTED.equals(fuelled.trap())
                        || CALL_STACK_EXHAUSTED.equals(fuelled.trap())) {
                    if (StoreLimits.FUEL_EXHAUSTED.equals(fuelled.trap())) {
                        counts.outOfFuel++;
                    } else {
                        counts.outOfDepth++;
                    }
                    jwdb.reset();
                    chicory = instantiateChicory(parsed, budget);
                    continue;
                }
                counts.finished(looping, before - jwdb.fuelLeft());
                Outcome plain = callJwdb(() -> jwdb.invokePlain(e.name(), args));
                budget.left = CHICORY_BUDGET;
                Outcome other = callChicory(chicory.export(e.name()), args);
                String call = name + ": " + e.name() + Arrays.toString(args);
                if (!agree(plain, other, results, exactNaNs) || !agree(fuelled, other, results, exactNaNs)) {
                    problems.add(call + ": jwdb " + plain.describe(results)
                            + (agree(fuelled, plain, results, exactNaNs) ? ""
                                    : ", jwdb with fuel " + fuelled.describe(results))
                            + ", chicory " + other.describe(results));
                }
                String memory = compareMemory(jwdb.plain(), chicory);
                if (memory == null) {
                    memory = compareFuelledMemory(jwdb.fuelled(), jwdb.plain());
                }
                if (memory != null) {
                    problems.add(call + ": memory differs " + memory);
                    return problems; // later calls would only repeat it
                }
            }
        }
        return problems;
    }

    private static String ok(String failure) {
        return failure == null ? "ok" : failure;
    }

    /** Null when {@code instantiation} succeeds, else the kind of its failure. */
    private static String instantiationFailure(Runnable instantiation) {
        try {
            instantiation.run();
            return null;
        } catch (WasmException | ChicoryException e) {
            return trapKind(e.getMessage());
        }
    }

    private static com.dylibso.chicory.runtime.Instance instantiateChicory(WasmModule module,
            ChicoryBudget budget) {
        budget.left = CHICORY_BUDGET;
        com.dylibso.chicory.runtime.Instance.Builder builder = com.dylibso.chicory.runtime.Instance.builder(module)
                .withUnsafeExecutionListener(budget);
        module.memorySection().filter(s -> s.memoryCount() == 1).map(s -> s.getMemory(0).limits())
                .filter(l -> l.initialPages() <= LIMITS.maxMemoryPages())
                .ifPresent(l -> builder.withMemoryLimits(new MemoryLimits(l.initialPages(),
                        (int) Math.min(l.maximumPages(), LIMITS.maxMemoryPages()))));
        return builder.build();
    }

    /**
     * Stops a Chicory call that runs far longer than jwdb's did (which finished within {@link #LIMITS}' fuel):
     * Chicory looping where jwdb does not is a disagreement to report with its seed, not a test that hangs.
     */
    private static final class ChicoryBudget implements ExecutionListener {
        long left;

        @Override
        public void onExecution(Instruction instruction, MStack stack) {
            if (--left < 0) {
                throw new OverBudget();
            }
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private static Outcome callJwdb(Supplier<Value[]> call) {
        try {
            Value[] r = call.get();
            long[] bits = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                bits[i] = r[i].bits();
            }
            return new Outcome(bits, null);
        } catch (TrapException | dev.jwdb.engine.ExhaustionException e) {
            return new Outcome(null, trapKind(e.getMessage()));
        }
    }

    static Outcome callChicoryForTest(ExportFunction g, Value... args) {
        return callChicory(g, args);
    }

    private static Outcome callChicory(ExportFunction g, Value[] args) {
        long[] raw = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].type() == ValType.I32 || args[i].type() == ValType.F32
                    ? args[i].bits() & 0xFFFF_FFFFL : args[i].bits();
        }
        try {
            long[] r = g.apply(raw);
            return new Outcome(r == null ? new long[0] : r, null);
        } catch (ChicoryException e) {
            return new Outcome(null, trapKind(e.getMessage()));
        } catch (StackOverflowError e) {
            return new Outcome(null, "call stack exhausted");
        } catch (OverBudget e) {
            return new Outcome(null, "chicory ran on past " + CHICORY_BUDGET + " instructions");
        } catch (RuntimeException e) {
            // Chicory crashing where it should trap (see ChicoryDisagreementsTest) is a disagreement, not a test error.
            return new Outcome(null, "chicory crashed: " + e.getClass().getSimpleName());
        }
    }

    private static boolean agree(Outcome a, Outcome b, List<ValType> types, boolean exactNaNs) {
        if (a.trap() != null || b.trap() != null) {
            return a.trap() != null && a.trap().equals(b.trap());
        }
        if (a.results().length != b.results().length) {
            return false;
        }
        for (int i = 0; i < a.results().length; i++) {
            ValType t = types.get(i);
            long x = normalize(t, a.results()[i]);
            long y = normalize(t, b.results()[i]);
            if (x != y && (exactNaNs || !(isNaN(t, x) && isNaN(t, y)))) {
                return false;
            }
        }
        return true;
    }

    /** i32 and f32 results travel as longs whose upper half may hold a sign extension in either engine. */
    private static long normalize(ValType t, long bits) {
        return t == ValType.I32 || t == ValType.F32 ? bits & 0xFFFF_FFFFL : bits;
    }

    private static boolean isNaN(ValType t, long bits) {
        return t == ValType.F32 ? Float.isNaN(Float.intBitsToFloat((int) bits))
                : t == ValType.F64 && Double.isNaN(Double.longBitsToDouble(bits));
    }

    private static String compareMemory(Instance jwdb, com.dylibso.chicory.runtime.Instance chicory) {
        if (jwdb.memoryCount() == 0) {
            return null;
        }
        MemoryInstance m = jwdb.memory(0);
        Memory c = chicory.memory();
        if (c == null || c.pages() != m.pages()) {
            return "in size: jwdb " + m.pages() + " pages, chicory " + (c == null ? "none" : c.pages() + " pages");
        }
        return mismatch(m.bytes(), c.readBytes(0, m.bytes().length), "jwdb", "chicory");
    }

    /** The memory of jwdb with fuel against jwdb's without (the same size: the same code grew them). */
    private static String compareFuelledMemory(Instance fuelled, Instance plain) {
        if (fuelled.memoryCount() == 0) {
            return null;
        }
        return mismatch(fuelled.memory(0).bytes(), plain.memory(0).bytes(), "jwdb with fuel", "jwdb");
    }

    private static String mismatch(byte[] a, byte[] b, String aName, String bName) {
        int at = Arrays.mismatch(a, b);
        return at < 0 ? null : at >= Math.min(a.length, b.length)
                ? String.format("in size: %s %d bytes, %s %d bytes", aName, a.length, bName, b.length)
                : String.format("at byte %d: %s %02x, %s %02x", at, aName, a[at], bName, b[at]);
    }

    static String trapKind(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        for (String kind : TRAP_KINDS) {
            if (m.contains(kind)) {
                return kind;
            }
        }
        return "other: " + message;
    }
}
