package dev.jwdb.debugger;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.CompiledFunction;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.FunctionCompiler;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.exec.Op;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compilations of an instance's functions: plain, and the instrumented variants the debugger swaps in while a
 * breakpoint, watchpoint or step needs them. Each is compiled once and kept, so that frames still running an
 * earlier variant can always be recognized and moved.
 */
final class CodeVariants {
    /** A compilation and what it is. */
    record Variant(FunctionInstance function, CompiledFunction code, Instrumentation instrumentation) {
    }

    private final Instance instance;
    private final Map<FunctionInstance, Map<Instrumentation, CompiledFunction>> compiled = new HashMap<>();
    private final Map<int[], Variant> byCode = new IdentityHashMap<>();
    private final Map<FunctionInstance, Set<Integer>> armed = new HashMap<>();
    /** Every compilation, read by another thread when it interrupts: replaced, never changed. */
    private volatile List<CompiledFunction> all = List.of();

    /** Compiles every defined function of {@code instance} now, so that an interrupt can reach all of them. */
    CodeVariants(Instance instance) {
        this.instance = instance;
        for (FunctionInstance f : instance.functions()) {
            if (!f.isHost() && f.instance() == instance) {
                register(f, Instrumentation.PLAIN, f.compiled());
            }
        }
        publish();
    }

    private void register(FunctionInstance f, Instrumentation kind, CompiledFunction code) {
        compiled.computeIfAbsent(f, k -> new HashMap<>()).put(kind, code);
        byCode.put(code.code(), new Variant(f, code, kind));
    }

    private void publish() {
        List<CompiledFunction> list = new ArrayList<>();
        compiled.values().forEach(m -> list.addAll(m.values()));
        all = List.copyOf(list);
    }

    List<CompiledFunction> all() {
        return all;
    }

    /**
     * The compilation of {@code f} with CHECKs when {@code checks} and the watched ops {@code watches} asks for. A
     * function with nothing to watch and no CHECKs runs its plain (fused) code.
     */
    CompiledFunction get(FunctionInstance f, boolean checks, Instrumentation watches) {
        Instrumentation kind = watches.withChecks(checks);
        if (!checks && watches.watches() && !FunctionCompiler.hasWatchedOps(instance.module(), f.index(), kind)) {
            kind = Instrumentation.PLAIN;
        }
        Map<Instrumentation, CompiledFunction> variants = compiled.computeIfAbsent(f, k -> new HashMap<>());
        CompiledFunction code = variants.get(kind);
        if (code == null) {
            code = FunctionCompiler.compile(instance.module(), f.index(), instance.functionTypes(), kind);
            arm(code, armed.getOrDefault(f, Set.of()));
            register(f, kind, code);
            publish();
        }
        return code;
    }

    /** What {@code code} (a frame's code array) is a compilation of. */
    Variant variant(int[] code) {
        return byCode.get(code);
    }

    /** Makes new calls of {@code f} run the variant with these debugging ops. */
    void install(FunctionInstance f, boolean checks, Instrumentation watches) {
        f.useCompiled(get(f, checks, watches));
    }

    /**
     * Moves every live frame onto the variant with {@code checks} and the watched ops of {@code watches} (whose checks
     * are ignored), or onto the one with CHECKs after all where a frame cannot enter fused code (see
     * {@link #mayEnterFused}).
     */
    void relocateFrames(ExecutionState st, boolean checks, Instrumentation watches) {
        for (int i = 0; i < st.frameCount(); i++) {
            relocate(st, i, checks, watches);
        }
    }

    void relocate(ExecutionState st, int frame, boolean checks, Instrumentation watches) {
        Variant from = variant(st.frameCode(frame));
        if (from == null) {
            return;
        }
        CompiledFunction to = get(from.function(), checks, watches);
        if (to != from.code() && variant(to.code()).instrumentation().fused() && !mayEnterFused(st, frame, from)) {
            to = get(from.function(), true, watches);
        }
        if (to != from.code()) {
            st.relocateFrame(frame, from.code(), to);
        }
    }

    /**
     * Whether frame {@code frame}, running {@code from}, may move to another fused compilation. Fused code may keep an
     * operand in a local, a constant or a pending sum instead of its stack cell, so the move is sound only where both
     * compilations have written out the whole operand stack: at the pcs where fused code can pause (after calls, at
     * loop heads, the function entry), but not right after a watched access by an instruction, nor anywhere in
     * unfused code. An access by a host function paused after its call, where every compilation has the stack out.
     */
    private static boolean mayEnterFused(ExecutionState st, int frame, Variant from) {
        Access access = frame == st.frameCount() - 1 ? st.lastAccess() : null;
        boolean afterAccess = access != null && access.host() == null;
        return from.instrumentation().fused() && !afterAccess;
    }

    /**
     * Arms the CHECKs of {@code instructions} in every checked compilation of {@code f} and disarms the others. An
     * instruction in unreachable code has no CHECK and cannot be armed.
     */
    void arm(FunctionInstance f, Set<Integer> instructions) {
        armed.put(f, Set.copyOf(instructions));
        Map<Instrumentation, CompiledFunction> all = compiled.get(f);
        if (all != null) {
            all.values().forEach(code -> arm(code, instructions));
        }
    }

    private static void arm(CompiledFunction cf, Set<Integer> instructions) {
        int[] code = cf.code();
        int[] pcs = cf.instructionPcs();
        for (int i = 0; i < pcs.length; i++) {
            int pc = pcs[i];
            if (pc + 2 < code.length && code[pc] == Op.CHECK && code[pc + 1] == i) {
                code[pc + 2] = instructions.contains(i) ? 1 : 0;
            }
        }
    }
}
