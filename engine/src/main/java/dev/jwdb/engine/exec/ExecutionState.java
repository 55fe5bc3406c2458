package dev.jwdb.engine.exec;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Store;

import java.util.Arrays;

/**
 * Everything an interrupted execution needs to continue: the operand stack (locals of every frame live in it, at
 * the frame's base), the saved caller frames, and the current function, pc and frame base. The interpreter keeps
 * copies in Java locals while it runs and writes them back whenever it leaves its loop.
 */
public final class ExecutionState {
    public static final String CALL_STACK_EXHAUSTED = "call stack exhausted";
    /** 128 MiB of cells; a deeper stack is reported as exhaustion instead of risking the heap. */
    static final int MAX_STACK_CELLS = 1 << 24;

    final Store store;
    final int maxDepth;
    /** The store counts instructions: each {@link Op#CHECK} uses one unit of its fuel. */
    final boolean fuelled;
    long[] stack;

    FunctionInstance function;
    /** The code the current frame runs: its function's compiled code, or a variant a debugger swapped in. */
    int[] code;
    int pc;
    int fp;

    /** Why {@link Interpreter#execute} last returned without finishing: one of the PAUSED_ constants, or 0. */
    int paused;
    static final int PAUSED_BEFORE = 1;
    static final int PAUSED_AFTER_ACCESS = 2;
    static final int PAUSED_INTERRUPT = 3;
    /** A {@link Op#CHECK} pauses in frames up to this depth (0 = outermost); -1 when not stepping. */
    int stepDepth = -1;
    DebugHooks hooks = DebugHooks.NONE;
    Access access;
    /** The hooks' {@link DebugHooks#watchedSpan}s for reads and for writes, as of the last start or continue. */
    private long readsFrom;
    private long readsTo;
    private long writesFrom;
    private long writesTo;

    /** Saved callers: frame i is the caller of frame i + 1 (the current frame is number {@link #depth}). */
    FunctionInstance[] frameFunctions = new FunctionInstance[16];
    int[][] frameCode = new int[16][];
    int[] framePcs = new int[16];
    int[] frameFps = new int[16];
    int depth;

    ExecutionState(Store store, int initialCells) {
        this.store = store;
        this.maxDepth = store.limits().maxCallDepth();
        this.fuelled = store.limits().fuelled();
        this.stack = new long[Math.max(initialCells, 256)];
    }

    /** Makes room for at least {@code needed} cells and returns the (possibly new) stack array. */
    long[] growStack(int needed) {
        if (needed > MAX_STACK_CELLS) {
            throw new ExhaustionException(CALL_STACK_EXHAUSTED);
        }
        try {
            stack = Arrays.copyOf(stack, (int) Math.min(MAX_STACK_CELLS, Math.max(needed, 2L * stack.length)));
        } catch (OutOfMemoryError e) {
            throw new ExhaustionException(CALL_STACK_EXHAUSTED);
        }
        return stack;
    }

    /** Saves the interpreter's registers, so that the state can be inspected or continued from here. */
    void save(long[] stack, int fp, int pc, int depth, FunctionInstance function, int[] code) {
        this.stack = stack;
        this.fp = fp;
        this.pc = pc;
        this.depth = depth;
        this.function = function;
        this.code = code;
    }

    /** Saves the interpreter's registers and marks the state paused with {@code reason}. */
    void pause(int reason, long[] stack, int fp, int pc, int depth, FunctionInstance function, int[] code) {
        save(stack, fp, pc, depth, function, code);
        this.paused = reason;
    }

    /** Takes the hooks' current watched spans; called whenever execution starts or continues. */
    void readWatchedSpans() {
        long[] reads = hooks.watchedSpan(false);
        long[] writes = hooks.watchedSpan(true);
        readsFrom = reads[0];
        readsTo = reads[1];
        writesFrom = writes[0];
        writesTo = writes[1];
    }

    /**
     * Whether the access of {@code width} bytes at {@code address} by watched op {@code op} ({@link Op#LOAD_WATCHED}
     * or {@link Op#STORE_WATCHED}) may touch a watched byte. Small enough for the JIT to inline into the loop.
     */
    boolean mayWatch(int op, long address, int width) {
        return op == Op.STORE_WATCHED
                ? address < writesTo && address + width > writesFrom
                : address < readsTo && address + width > readsFrom;
    }

    /** The first byte of the span a watched write ({@code write}) or read may touch, as {@link #mayWatch} uses it. */
    long watchedFrom(boolean write) {
        return write ? writesFrom : readsFrom;
    }

    /** The end (exclusive) of that span. */
    long watchedTo(boolean write) {
        return write ? writesTo : readsTo;
    }

    void growFrames() {
        int n = frameFunctions.length * 2;
        frameFunctions = Arrays.copyOf(frameFunctions, n);
        frameCode = Arrays.copyOf(frameCode, n);
        framePcs = Arrays.copyOf(framePcs, n);
        frameFps = Arrays.copyOf(frameFps, n);
    }

    /** Live frames, the current one included. */
    public int frameCount() {
        return depth + 1;
    }

    /** The function of frame {@code i}, 0 being the outermost. */
    public FunctionInstance frameFunction(int i) {
        return i == depth ? function : frameFunctions[i];
    }

    /** The pc (in compiled code) frame {@code i} is at: for callers, the pc after their call instruction. */
    public int framePc(int i) {
        return i == depth ? pc : framePcs[i];
    }

    /** The code array frame {@code i} runs; {@link #framePc} indexes it. */
    public int[] frameCode(int i) {
        return i == depth ? code : frameCode[i];
    }

    /**
     * Moves frame {@code i} from {@code from}'s code to {@code to}'s, another compilation of the same function, so
     * only the pc changes: every compilation gives each operand-stack entry the same cell. Only while paused, and
     * only where both have the operand stack written out to its cells. Unfused code has it everywhere; fused code
     * (plain, or with watched ops only) has it wherever any fused code can pause (after calls, a pause after a host
     * function's watched access included, see {@link PauseAfterHostCall}; at loop heads; at the function entry), but
     * right after a watched access by an instruction only in the code that watched it, and elsewhere it may read
     * entries straight from locals or constants, or add a pending constant to a cell later. So a frame may always
     * move to unfused code, but to fused code only from fused code at one of those common pcs.
     */
    public void relocateFrame(int i, CompiledFunction from, CompiledFunction to) {
        int target = to.instructionPcs()[CodeMap.resumeInstruction(from, framePc(i))];
        if (i == depth) {
            if (fp + to.maxHeight() > stack.length) {
                growStack(fp + to.maxHeight());
            }
            code = to.code();
            pc = target;
        } else {
            frameCode[i] = to.code();
            framePcs[i] = target;
        }
    }

    /** Writes a stack cell (a local of some frame, or an operand); only while paused. */
    public void setStackCell(int i, long value) {
        stack[i] = value;
    }

    /**
     * While stepping, {@link Op#CHECK}s pause in every frame at depth {@code depth} or less (0 being the outermost
     * frame, {@link #frameCount()} - 1 the current one); -1 stops stepping.
     */
    public void stepDepth(int depth) {
        stepDepth = depth;
    }

    /** The watched access that caused the last pause, or null when it was not one. */
    public Access lastAccess() {
        return paused == PAUSED_AFTER_ACCESS ? access : null;
    }

    /** Where frame {@code i}'s locals start in {@link #stackCell(int)} numbering. */
    public int frameBase(int i) {
        return i == depth ? fp : frameFps[i];
    }

    /**
     * The cell above frame {@code i}'s operand stack, given the compilation {@code running} whose code the frame runs
     * ({@link #frameCode}). A caller's operands end where its callee's frame starts (the arguments became the
     * callee's first locals); the current frame's stack height is static, known from its pc.
     */
    public int operandTop(int i, CompiledFunction running) {
        return i == depth ? fp + running.heightAt(pc) : frameBase(i + 1);
    }

    public long stackCell(int i) {
        return stack[i];
    }
}
