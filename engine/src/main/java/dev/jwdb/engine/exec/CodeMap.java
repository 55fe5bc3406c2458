package dev.jwdb.engine.exec;

/**
 * Maps pcs of compiled code back to body instruction indices, through {@link CompiledFunction#instructionPcs()}
 * (non-decreasing: an instruction that emits nothing shares the pc of what follows it).
 */
public final class CodeMap {
    private CodeMap() {
    }

    /**
     * The instruction a frame paused at {@code pc} runs next: the first reachable one whose code starts there (as in
     * {@link CompiledFunction#heightAt}). For a pc that
     * starts no instruction's code (inside instrumented code, after a CHECK), the instruction that contains it.
     */
    public static int resumeInstruction(CompiledFunction cf, int pc) {
        int[] code = cf.code();
        if (pc < code.length && code[pc] == Op.CHECK) {
            // instructions compiled to nothing share this pc; the CHECK names the one that runs
            return code[pc + 1];
        }
        int[] pcs = cf.instructionPcs();
        int lo = 0;
        int hi = pcs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pcs[mid] < pc) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < pcs.length && pcs[lo] == pc) {
            // unreachable instructions emit nothing and share the pc of the live code after them: not them
            int[] heights = cf.instructionHeights();
            while (heights[lo] < 0 && lo + 1 < pcs.length && pcs[lo + 1] == pc) {
                lo++;
            }
            return lo;
        }
        return Math.max(0, lo - 1);
    }

    /** The instruction whose code contains {@code pc}, e.g. the one that trapped there: the last to start at or before it. */
    public static int containingInstruction(CompiledFunction cf, int pc) {
        int[] pcs = cf.instructionPcs();
        int lo = 0;
        int hi = pcs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pcs[mid] <= pc) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.max(0, lo - 1);
    }

    /** The call instruction a caller frame waits in, given its return pc (the pc after the call). */
    public static int callInstruction(CompiledFunction cf, int returnPc) {
        return containingInstruction(cf, returnPc - 1);
    }
}
