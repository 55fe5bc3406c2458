package dev.jwdb.engine.exec;

/**
 * A function body in executable form (register form, see {@link Op}). Slots are counted in 64-bit stack cells
 * (a v128 takes two).
 *
 * @param code               internal instructions, see {@link Op}
 * @param paramSlots         cells taken by the parameters, which the caller leaves in place as the first locals
 * @param localSlots         cells taken by all locals, parameters included; the operand stack starts above them
 * @param resultSlots        cells taken by the results
 * @param maxHeight          the most cells the frame ever uses, locals included
 * @param localDefaults      initial values of the non-parameter locals (nulls for references), or null when all zero
 * @param instructionPcs     for each instruction of the body, the pc of the code it became; instructions that
 *                           emit nothing (or were fused into a later one) map to the pc of what follows them
 * @param instructionHeights for each instruction of the body, the cells in use (locals and operand stack) when it
 *                           starts, or -1 when it is unreachable
 * @param loopHeads          the pc where each loop's code starts (where back-edges land): with pc 0, the places
 *                           {@link Execution#interrupt()} patches, so that a running loop or a call meets one
 */
public record CompiledFunction(int[] code, int paramSlots, int localSlots, int resultSlots, int maxHeight,
                               long[] localDefaults, int[] instructionPcs, int[] instructionHeights,
                               int[] loopHeads) {

    /**
     * Cells in use at {@code pc}: those of the first reachable instruction that starts there, the one a frame paused
     * there runs next (fused code gives one pc to instructions that emitted nothing and the one that consumes what
     * they left pending, and a pause there is before all of them); failing that, of the last that starts before it.
     */
    public int heightAt(int pc) {
        int best = localSlots;
        for (int i = 0; i < instructionPcs.length; i++) {
            if (instructionPcs[i] > pc) {
                break;
            }
            if (instructionHeights[i] >= 0) {
                best = instructionHeights[i];
                if (instructionPcs[i] == pc) {
                    break;
                }
            }
        }
        return best;
    }
}
