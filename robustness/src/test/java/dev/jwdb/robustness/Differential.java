package dev.jwdb.robustness;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Runs one module in jwdb and in Chicory side by side: the same exports called in the same order with the same
 * arguments. After each call the results (bit for bit; any NaN matches any NaN, as the spec leaves NaN payloads of
 * arithmetic open), whether it trapped and with which of the spec's trap messages, and the bytes of memory 0 must
 * agree. Returns the disagreements, one line each.
 */
final class Differential {
    /** The spec's trap messages; a trap's kind is the first of these its message contains. */
    private static final List<String> TRAP_KINDS = List.of("integer divide by zero", "integer overflow",
            "invalid conversion to integer", "out of bounds memory access", "out of bounds table access",
            "undefined element", "uninitialized element", "indirect call type mismatch", "unreachable",
            "call stack exhausted", "data segment dropped", "element segment dropped");

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

    static List<String> compare(String name, Module module, byte[] binary, int callsPerExport, Random random) {
        List<String> problems = new ArrayList<>();
        Store store = new Store();
        Instance jwdb;
        com.dylibso.chicory.runtime.Instance chicory;
        String jwdbFailure = null;
        String chicoryFailure = null;
        jwdb = null;
        chicory = null;
        try {
            jwdb = store.instantiate(module, (m, n) -> null);
        } catch (WasmException e) {
            jwdbFailure = trapKind(e.getMessage());
        }
        try {
            chicory = com.dylibso.chicory.runtime.Instance.builder(Parser.parse(binary)).build();
        } catch (ChicoryException e) {
            chicoryFailure = trapKind(e.getMessage());
        }
        if (jwdb == null || chicory == null) {
            if (jwdb != null || chicory != null || !jwdbFailure.equals(chicoryFailure)) {
                problems.add(name + ": instantiation: jwdb " + (jwdb != null ? "ok" : jwdbFailure) + ", chicory "
                        + (chicory != null ? "ok" : chicoryFailure));
            }
            return problems;
        }
        Termination termination = new Termination(module);
        for (Export e : module.exports()) {
            if (e.kind() != ExternKind.FUNC || !termination.bounded(e.index())) {
                continue;
            }
            FunctionInstance f = (FunctionInstance) jwdb.export(e.name());
            List<ValType> params = f.type().params();
            if (!params.stream().allMatch(ValType::isNumeric) || !f.type().results().stream()
                    .allMatch(ValType::isNumeric)) {
                continue;
            }
            ExportFunction g = chicory.export(e.name());
            for (int k = 0; k < callsPerExport; k++) {
                Value[] args = RandomValues.arguments(params, random);
                Outcome a = callJwdb(store, f, args);
                Outcome b = callChicory(g, args);
                String call = name + ": " + e.name() + Arrays.toString(args);
                if (!agree(a, b, f.type().results())) {
                    problems.add(call + ": jwdb " + a.describe(f.type().results()) + ", chicory "
                            + b.describe(f.type().results()));
                }
                String memory = compareMemory(jwdb, chicory);
                if (memory != null) {
                    problems.add(call + ": memory differs " + memory);
                    return problems; // later calls would only repeat it
                }
            }
        }
        return problems;
    }

    private static Outcome callJwdb(Store store, FunctionInstance f, Value[] args) {
        try {
            Value[] r = store.invoke(f, args);
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
        } catch (RuntimeException e) {
            // Chicory crashing where it should trap (see ChicoryDisagreementsTest) is a disagreement, not a test error.
            return new Outcome(null, "chicory crashed: " + e.getClass().getSimpleName());
        }
    }

    private static boolean agree(Outcome a, Outcome b, List<ValType> types) {
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
            if (x != y && !(isNaN(t, x) && isNaN(t, y))) {
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
        byte[] a = m.bytes();
        byte[] b = c.readBytes(0, a.length);
        int at = Arrays.mismatch(a, b);
        return at < 0 ? null : String.format("at byte %d: jwdb %02x, chicory %02x", at, a[at], b[at]);
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
