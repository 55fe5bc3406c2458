package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a validated function body into {@link CompiledFunction} code in register form (see {@link Op}). Because the
 * body is valid, the operand stack height is known statically at every reachable instruction, so every stack
 * position is a fixed slot of the frame and no stack pointer exists at run time. Code after an unconditional branch
 * is unreachable and is not emitted.
 *
 * <p>With fusion (the default), the compiler keeps a virtual operand stack: {@code local.get} and constants are not
 * copied onto the stack but remembered, and the instruction that consumes them reads the local or takes the constant
 * as an immediate; an operator followed by {@code local.set}/{@code local.tee} writes the local directly; an i32
 * comparison followed by {@code br_if}/{@code if} becomes one compare-and-branch. Everything pending is written to
 * its stack slot at labels, branches and calls, and before the local it refers to is overwritten, so the stack is
 * exact wherever control joins. Without fusion ({@link #compile(Module, int, List, boolean)} with false), every
 * instruction emits its own code that leaves the operand stack exactly as the spec describes (a NOP when it would
 * emit nothing), which is what a debugger stepping instruction by instruction needs.
 *
 * <p>An {@link Instrumentation} other than plain adds the debugging ops (see {@link Op#CHECK}). CHECKs imply no
 * fusion, since a frame paused before any instruction must show the exact operand stack; watched ops alone keep it,
 * writing out the entries below a watched access (a load, a store, a bulk memory op, a v128 load or store,
 * global.set) before its check, so that a pause right after the access shows them. Every mode gives each
 * operand-stack entry the same slot, so a frame can move between compilations where both have the whole stack
 * written out (at calls, loop heads and the function entry), see {@link ExecutionState#relocateFrame}; where fused
 * code stopped inside an instruction (a trap), {@link #operandCells} finds the entries it had not written out.
 */
public final class FunctionCompiler {
    private static final int[] PLAIN = plainOpcodes();
    /** Virtual stack entry kinds: a value in its stack slot, a local not yet copied, a constant not yet written. */
    private static final int STACK = 0;
    private static final int LOCAL = 1;
    private static final int CONST = 2;
    /** A slot (a local, or this entry's own stack slot) plus an i32 constant: a memory access folds it in. */
    private static final int SUM = 3;

    private final Module module;
    private final List<FuncType> functionTypes;
    private final boolean fuse;
    private final Instrumentation instrumentation;
    /** Where each loop's code starts, for {@link CompiledFunction#loopHeads()}. */
    private final IntList loopHeads = new IntList();
    private final List<Control> controls = new ArrayList<>();
    private int[] code = new int[64];
    private int size;
    /** Operand stack entries (cells above the locals), and the frame slot where entry 0 lives. */
    private int height;
    private int base;
    private int[] kind = new int[16];
    private long[] value = new long[16];
    private int[] addend = new int[16];
    private int pendingLocals;
    private int maxHeight;
    private boolean unreachable;
    private int skippedBlocks;
    private int[] localSlot;
    /** Where the last emitted instruction starts, and where its destination slot is when it has exactly one. */
    private int lastPos = -1;
    private int lastDst = -1;
    /** Compiles v128 code; null when no v128 can occur in the function. */
    private SimdCompiler simd;
    /** The index in the body of the instruction being compiled. */
    private int position;
    /** An instruction before which {@link #compileBody} stops (returning null), or -1. */
    private int stopBefore = -1;

    private FunctionCompiler(Module module, List<FuncType> functionTypes, boolean fuse,
                             Instrumentation instrumentation) {
        this.module = module;
        this.functionTypes = functionTypes;
        this.fuse = fuse && instrumentation.fused();
        this.instrumentation = instrumentation;
    }

    /**
     * The system property that changes how {@link #compile(Module, int, List)} compiles every function: unset, fused;
     * {@code unfused}, without fusion; {@code instrumented}, as the debugger does when it needs breakpoints (unfused,
     * every CHECK and watched op in place, none armed); {@code watched}, as it does for watchpoints alone (fused, every
     * watched op in place). The spec suite runs with each to prove those compilations spec-exact, not only the plain
     * one.
     */
    public static final String MODE_PROPERTY = "jwdb.compile";

    /**
     * Compiles the function at {@code functionIndex} (in the function index space, so imports come first), with
     * fusion unless {@link #MODE_PROPERTY} says otherwise. {@code functionTypes} gives the type of every function in
     * that index space, for calls.
     */
    public static CompiledFunction compile(Module module, int functionIndex, List<FuncType> functionTypes) {
        String mode = System.getProperty(MODE_PROPERTY);
        if (mode == null) {
            return compile(module, functionIndex, functionTypes, true);
        }
        switch (mode) {
            case "unfused":
                return compile(module, functionIndex, functionTypes, false);
            case "instrumented":
                return compile(module, functionIndex, functionTypes, new Instrumentation(true, true));
            case "watched":
                return compile(module, functionIndex, functionTypes, new Instrumentation(false, true));
            default:
                throw new IllegalArgumentException(MODE_PROPERTY + " must be unfused, instrumented or watched, not "
                        + mode);
        }
    }

    /** As {@link #compile(Module, int, List)}; without {@code fuse}, every instruction has code of its own. */
    public static CompiledFunction compile(Module module, int functionIndex, List<FuncType> functionTypes,
                                           boolean fuse) {
        return new FunctionCompiler(module, functionTypes, fuse, Instrumentation.PLAIN).compileBody(functionIndex);
    }

    /** Compiles with the debugging ops {@code instrumentation} asks for, fused unless it has CHECKs. */
    public static CompiledFunction compile(Module module, int functionIndex, List<FuncType> functionTypes,
                                           Instrumentation instrumentation) {
        return new FunctionCompiler(module, functionTypes, true, instrumentation).compileBody(functionIndex);
    }

    /**
     * The operand stack, one long per cell from the bottom, of frame {@code frame} of {@code st}, which runs the fused
     * compilation of the function at {@code functionIndex} with {@code instrumentation} and stopped inside instruction
     * {@code instruction} (a trap, or a host call that threw). Fused code leaves an entry it has not needed yet in the
     * local or constant it stands for, or as a local or cell plus an i32 constant, and writes it to its cell only when
     * something needs it there; this reads each entry from where it is. The locals an entry stands for are still
     * unchanged: fused code writes the entry out before overwriting its local.
     */
    public static long[] operandCells(Module module, int functionIndex, List<FuncType> functionTypes,
                                      Instrumentation instrumentation, int instruction, ExecutionState st, int frame) {
        FunctionCompiler c = new FunctionCompiler(module, functionTypes, true, instrumentation);
        c.stopBefore = instruction;
        c.compileBody(functionIndex);
        int fp = st.frameBase(frame);
        long[] cells = new long[c.height];
        for (int p = 0; p < c.height; p++) {
            long v = c.value[p];
            switch (c.kind[p]) {
                case LOCAL -> cells[p] = st.stackCell(fp + (int) v);
                case CONST -> cells[p] = v;
                case SUM -> cells[p] = (int) st.stackCell(fp + (int) v) + c.addend[p];
                default -> cells[p] = st.stackCell(fp + c.base + p);
            }
        }
        return cells;
    }

    /**
     * Whether the function at {@code functionIndex} compiled with {@code instrumentation} has any watched op. Without
     * CHECKs and without one, that compilation does nothing plain code does not.
     */
    public static boolean hasWatchedOps(Module module, int functionIndex, Instrumentation instrumentation) {
        Function function = module.functions().get(functionIndex - module.importedFunctionCount());
        for (Instruction ins : function.body()) {
            if (instrumentation.watches(ins)) {
                return true;
            }
        }
        return false;
    }

    private CompiledFunction compileBody(int functionIndex) {
        Function function = module.functions().get(functionIndex - module.importedFunctionCount());
        FuncType type = module.types().get(function.typeIndex());
        List<ValType> params = type.params();
        localSlot = new int[params.size() + function.locals().size()];
        int slot = 0;
        for (int i = 0; i < params.size(); i++) {
            localSlot[i] = slot;
            slot += slots(params.get(i));
        }
        int paramSlots = slot;
        for (int i = 0; i < function.locals().size(); i++) {
            localSlot[params.size() + i] = slot;
            slot += slots(function.locals().get(i));
        }
        long[] defaults = new long[slot - paramSlots];
        boolean anyNonZero = false;
        for (int i = 0; i < function.locals().size(); i++) {
            if (function.locals().get(i).isReference()) {
                defaults[localSlot[params.size() + i] - paramSlots] = Value.NULL_REF;
                anyNonZero = true;
            }
        }
        List<ValType> localTypes = new ArrayList<>(params);
        localTypes.addAll(function.locals());
        simd = SimdCompiler.forFunction(module, functionIndex, function, localTypes, localSlot);
        int localSlots = slot;
        int resultSlots = slots(type.results());
        base = localSlots;
        height = 0;
        maxHeight = localSlots;
        controls.add(new Control(false, 0, 0, resultSlots));

        List<Instruction> instructions = function.body();
        int[] instructionPcs = new int[instructions.size()];
        int[] instructionHeights = new int[instructions.size()];
        for (int i = 0; i < instructions.size(); i++) {
            instructionPcs[i] = size;
            instructionHeights[i] = unreachable ? -1 : base + height;
            Opcode op = instructions.get(i).opcode();
            if (unreachable && skippedBlocks == 0 && (op == Opcode.END || op == Opcode.ELSE)) {
                Control c = controls.get(controls.size() - 1);
                instructionHeights[i] = base + c.labelHeight + (op == Opcode.END ? c.results : c.params);
            }
            position = i;
            if (i == stopBefore) {
                return null;
            }
            if (instrumentation.checks() && !unreachable) {
                instr(Op.CHECK, i, 0);
            }
            int before = size;
            compile(instructions.get(i), resultSlots);
            if (!fuse && size == before && instructionHeights[i] >= 0) {
                instr(Op.NOP);
            }
        }
        return new CompiledFunction(Arrays.copyOf(code, size), paramSlots, localSlots, resultSlots, maxHeight,
                anyNonZero ? defaults : null, instructionPcs, instructionHeights, loopHeads.toArray());
    }

    private void compile(Instruction ins, int resultSlots) {
        Opcode op = ins.opcode();
        if (unreachable) {
            skipUnreachable(op, resultSlots);
            return;
        }
        if (op == Opcode.GLOBAL_SET && instrumentation.watches(ins)
                && module.allGlobalTypes().get(ins.index()).type() == ValType.V128) {
            // the watched form sets the v128 from its two cells itself (the plain form runs in SimdInterpreter)
            materializeAll();
            instr(Op.GLOBAL_SET_WATCHED, ins.index(), base + height - 2, position);
            height -= 2;
            return;
        }
        SimdCompiler.Emission vector = simd == null ? null : simd.compile(ins, position);
        if (vector != null) {
            emitVector(vector, op.prefix() == 0xFD && instrumentation.watches(ins));
            return;
        }
        Immediate imm = ins.immediate();
        switch (op) {
            case NOP, I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32, F64_REINTERPRET_I64 -> {
            }
            case I32_WRAP_I64 -> {
                // the low 32 bits are the i32; only a constant must be narrowed, since constants may be fused
                if (kind[height - 1] == CONST) {
                    value[height - 1] = (int) value[height - 1];
                }
            }
            case UNREACHABLE -> {
                instr(Op.UNREACHABLE);
                unreachable = true;
            }
            case BLOCK, LOOP -> {
                materializeAll();
                int[] sig = blockSignature(((Immediate.Block) imm).type());
                Control c = new Control(op == Opcode.LOOP, height - sig[0], sig[0], sig[1]);
                c.loopStart = size;
                if (op == Opcode.LOOP) {
                    loopHeads.add(size);
                }
                controls.add(c);
                label();
            }
            case IF -> {
                int[] sig = blockSignature(((Immediate.Block) imm).type());
                conditionalJump(false, -1);
                Control c = new Control(false, height - sig[0], sig[0], sig[1]);
                c.elsePatch = size - 1;
                controls.add(c);
                label();
            }
            case ELSE -> enterElse();
            case END -> exitBlock(resultSlots);
            case BR -> {
                materializeAll();
                emitBranch(ins.index(), false);
                unreachable = true;
            }
            case BR_IF -> emitBranch(ins.index(), true);
            case BR_TABLE -> {
                int index = operand();
                materializeAll();
                emitBranchTable((Immediate.BrTable) imm, index);
                unreachable = true;
            }
            case RETURN -> {
                materializeAll();
                instr(Op.RETURN, base + height - resultSlots, resultSlots);
                unreachable = true;
            }
            case CALL -> {
                FuncType t = functionTypes.get(ins.index());
                materializeAll();
                int args = slots(t.params());
                instr(Op.CALL, ins.index(), base + height - args);
                height -= args;
                pushStack(slots(t.results()));
            }
            case CALL_INDIRECT -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                FuncType t = module.types().get(two.first());
                int index = operand();
                materializeAll();
                int args = slots(t.params());
                instr(Op.CALL_INDIRECT, two.first(), two.second(), index, base + height - args);
                height -= args;
                pushStack(slots(t.results()));
            }
            case DROP -> operandNoMaterialize();
            case SELECT, SELECT_T -> {
                int c = operand();
                int b = operand();
                int a = operand();
                result(Op.SELECT, a, b, c);
            }
            case LOCAL_GET -> {
                int local = localSlot[ins.index()];
                if (fuse) {
                    push(LOCAL, local);
                } else {
                    instr(Op.COPY, base + height, local);
                    pushStack(1);
                }
            }
            case LOCAL_SET -> setLocal(localSlot[ins.index()], false);
            case LOCAL_TEE -> setLocal(localSlot[ins.index()], true);
            case GLOBAL_GET -> result(Op.GLOBAL_GET, ins.index());
            case GLOBAL_SET -> {
                int a = operand();
                if (instrumentation.watches(ins)) {
                    materializeAll();
                    instr(Op.GLOBAL_SET_WATCHED, ins.index(), a, position);
                } else {
                    instr(Op.GLOBAL_SET, ins.index(), a);
                }
            }
            case TABLE_GET -> {
                int a = operand();
                result(Op.TABLE_GET, ins.index(), a);
            }
            case TABLE_SET -> {
                int b = operand();
                int a = operand();
                instr(Op.TABLE_SET, ins.index(), a, b);
            }
            case I32_CONST -> constant(((Immediate.I32) imm).value());
            case F32_CONST -> constant(((Immediate.F32) imm).bits());
            case I64_CONST -> constant(((Immediate.I64) imm).value());
            case F64_CONST -> constant(((Immediate.F64) imm).bits());
            case REF_NULL -> constant(Value.NULL_REF);
            case REF_IS_NULL -> {
                int a = operand();
                result(Op.REF_IS_NULL, a);
            }
            case REF_FUNC -> result(Op.REF_FUNC, ins.index());
            case MEMORY_INIT -> {
                int[] abc = operands3();
                watchBulk(ins);
                instr(Op.MEMORY_INIT, ((Immediate.TwoIndex) imm).first(), abc[0], abc[1], abc[2]);
            }
            case DATA_DROP -> instr(Op.DATA_DROP, ins.index());
            case MEMORY_COPY -> {
                int[] abc = operands3();
                watchBulk(ins);
                instr(Op.MEMORY_COPY, abc[0], abc[1], abc[2]);
            }
            case MEMORY_FILL -> {
                int[] abc = operands3();
                watchBulk(ins);
                instr(Op.MEMORY_FILL, abc[0], abc[1], abc[2]);
            }
            case TABLE_INIT -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                int[] abc = operands3();
                instr(Op.TABLE_INIT, two.first(), two.second(), abc[0], abc[1], abc[2]);
            }
            case ELEM_DROP -> instr(Op.ELEM_DROP, ins.index());
            case TABLE_COPY -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                int[] abc = operands3();
                instr(Op.TABLE_COPY, two.first(), two.second(), abc[0], abc[1], abc[2]);
            }
            case TABLE_GROW -> {
                int b = operand();
                int a = operand();
                result(Op.TABLE_GROW, ins.index(), a, b);
            }
            case TABLE_SIZE -> result(Op.TABLE_SIZE, ins.index());
            case TABLE_FILL -> {
                int[] abc = operands3();
                instr(Op.TABLE_FILL, ins.index(), abc[0], abc[1], abc[2]);
            }
            default -> compilePlain(ins);
        }
    }

    /**
     * The check before a bulk memory op that code with watched ops watches, after the entries below its operands
     * were written out (a pause after the op shows them).
     */
    private void watchBulk(Instruction ins) {
        if (instrumentation.watches(ins)) {
            materializeAll();
            instr(Op.BULK_WATCHED, position);
        }
    }

    /**
     * A v128 instruction (or a local/global/drop/select moving a v128) runs in {@link SimdInterpreter}, which works on
     * a stack pointer: its operands must be in their stack slots, and it is given the static height as that pointer.
     * Nothing is fused into or out of it; SIMD is rare enough in the code this interpreter runs that writing pending
     * entries out is cheaper than teaching the vector code about them. A {@code watched} v128 load or store has its
     * check before it.
     */
    private void emitVector(SimdCompiler.Emission vector, boolean watched) {
        materializeAll();
        if (watched) {
            instr(Op.SIMD_WATCHED, position);
        }
        int[] words = vector.words();
        int[] withTop = new int[words.length + 1];
        withTop[0] = Op.SIMD;
        withTop[1] = base + height;
        System.arraycopy(words, 1, withTop, 2, words.length - 1);
        instr(withTop);
        height -= vector.pops();
        pushStack(vector.pushes());
    }

    /** Opcodes that map one-to-one onto an {@link Op} and type themselves through their fixed signature. */
    private void compilePlain(Instruction ins) {
        Opcode op = ins.opcode();
        int internal = PLAIN[op.ordinal()];
        if (internal < 0) {
            throw new UnsupportedOperationException(op.mnemonic() + " is not supported by the interpreter yet");
        }
        int params = op.params().size();
        int results = op.results().size();
        if (ins.immediate() instanceof Immediate.MemArg m) {
            int offset = (int) m.offset();
            if (instrumentation.watches(ins)) {
                // the check, then the plain op; a pause after the access shows the entries below its operands
                int width = MemoryAccess.width(internal);
                if (results == 1) {
                    int k = addressAddend();
                    int address = operand();
                    materializeAll();
                    instr(Op.LOAD_WATCHED, address, k, offset, width, position);
                    result(internal, address, k, offset);
                    lastDst = -1; // the loaded value stays on the stack, where the pause shows it
                } else {
                    int v = operand();
                    int k = addressAddend();
                    int address = operand();
                    materializeAll();
                    instr(Op.STORE_WATCHED, address, k, offset, width, position);
                    instr(internal, address, v, k, offset);
                }
            } else if (results == 1) {
                int k = addressAddend();
                int address = operand();
                result(internal, address, k, offset);
            } else {
                int v = operand();
                int k = addressAddend();
                int address = operand();
                instr(internal, address, v, k, offset);
            }
            return;
        }
        if (params == 0) {
            result(internal);
        } else if (params == 1) {
            int a = operand();
            if (results == 1) {
                result(internal, a);
            } else {
                instr(internal, a);
            }
        } else {
            if (fuse && binaryWithConstant(internal)) {
                return;
            }
            int b = operand();
            int a = operand();
            result(internal, a, b);
        }
    }

    /**
     * Emits {@code I32_<op>_C} when one operand of the i32 operator {@code op} is a pending constant; false when
     * there is no such form.
     */
    private boolean binaryWithConstant(int op) {
        boolean right = kind[height - 1] == CONST;
        boolean left = !right && kind[height - 2] == CONST;
        if (!right && !left) {
            return false;
        }
        int fused = constantForm(op, left);
        if (fused < 0) {
            return false;
        }
        int c = (int) value[height - (right ? 1 : 2)];
        if (op == Op.I32_SUB || op == Op.I32_ROTR) {
            c = -c;
        }
        // with the constant on the left, only a local may slide down into its place: a stack entry lives in its slot
        if (fused == Op.I32_ADD_C && (right || kind[height - 1] == LOCAL)) {
            // x + c stays pending: a load or store takes c as part of its address, a later add folds into it
            if (right) {
                height--;
            } else {
                kind[height - 2] = kind[height - 1];
                value[height - 2] = value[height - 1];
                addend[height - 2] = addend[height - 1];
                height--;
            }
            int p = height - 1;
            switch (kind[p]) {
                case CONST -> value[p] = (int) value[p] + c;
                case SUM -> addend[p] += c;
                case LOCAL -> {
                    kind[p] = SUM;
                    addend[p] = c;
                }
                default -> {
                    kind[p] = SUM;
                    value[p] = base + p;
                    addend[p] = c;
                    pendingLocals++;
                }
            }
            return true;
        }
        int a;
        if (right) {
            height--;
            a = operand();
        } else {
            int other = operand();
            height--;
            a = other;
        }
        result(fused, a, c);
        return true;
    }

    /** The constant to add to the address on top of the stack, taken from a pending sum (which becomes its slot). */
    private int addressAddend() {
        int p = height - 1;
        if (kind[p] != SUM) {
            return 0;
        }
        int k = addend[p];
        kind[p] = value[p] == base + p ? STACK : LOCAL;
        if (kind[p] == STACK) {
            pendingLocals--;
        }
        return k;
    }

    /** The constant form of i32 operator {@code op}, with the constant on the left when {@code left}; -1 if none. */
    private static int constantForm(int op, boolean left) {
        switch (op) {
            case Op.I32_ADD: return Op.I32_ADD_C;
            case Op.I32_MUL: return Op.I32_MUL_C;
            case Op.I32_AND: return Op.I32_AND_C;
            case Op.I32_OR: return Op.I32_OR_C;
            case Op.I32_XOR: return Op.I32_XOR_C;
            case Op.I32_EQ: return Op.I32_EQ_C;
            case Op.I32_NE: return Op.I32_NE_C;
            default:
                break;
        }
        if (left) {
            switch (op) {
                case Op.I32_LT_S: return Op.I32_GT_S_C;
                case Op.I32_LT_U: return Op.I32_GT_U_C;
                case Op.I32_GT_S: return Op.I32_LT_S_C;
                case Op.I32_GT_U: return Op.I32_LT_U_C;
                case Op.I32_LE_S: return Op.I32_GE_S_C;
                case Op.I32_LE_U: return Op.I32_GE_U_C;
                case Op.I32_GE_S: return Op.I32_LE_S_C;
                case Op.I32_GE_U: return Op.I32_LE_U_C;
                default: return -1;
            }
        }
        switch (op) {
            case Op.I32_SUB: return Op.I32_ADD_C;
            case Op.I32_SHL: return Op.I32_SHL_C;
            case Op.I32_SHR_S: return Op.I32_SHR_S_C;
            case Op.I32_SHR_U: return Op.I32_SHR_U_C;
            case Op.I32_ROTL: return Op.I32_ROTL_C;
            case Op.I32_ROTR: return Op.I32_ROTL_C;
            case Op.I32_LT_S: return Op.I32_LT_S_C;
            case Op.I32_LT_U: return Op.I32_LT_U_C;
            case Op.I32_GT_S: return Op.I32_GT_S_C;
            case Op.I32_GT_U: return Op.I32_GT_U_C;
            case Op.I32_LE_S: return Op.I32_LE_S_C;
            case Op.I32_LE_U: return Op.I32_LE_U_C;
            case Op.I32_GE_S: return Op.I32_GE_S_C;
            case Op.I32_GE_U: return Op.I32_GE_U_C;
            default: return -1;
        }
    }

    private void setLocal(int local, boolean tee) {
        if (fuse && kind[height - 1] == STACK && lastDst >= 0 && code[lastDst] == base + height - 1
                && !pendingRead(local)) {
            // the instruction that computed the value writes the local itself
            code[lastDst] = local;
            lastDst = -1;
            height--;
            if (tee) {
                push(LOCAL, local);
            }
            return;
        }
        if (kind[height - 1] == SUM) {
            int from = (int) value[height - 1];
            int k = addend[height - 1];
            height--;
            pendingLocals--;
            materializeLocal(local);
            instr(Op.I32_ADD_C, local, from, k);
            if (tee) {
                push(LOCAL, local);
            }
            return;
        }
        materializeLocal(local);
        int k = kind[height - 1];
        if (k == CONST) {
            long v = value[height - 1];
            height--;
            emitConstant(local, v);
            if (tee) {
                push(CONST, v);
            }
            return;
        }
        int from = operandNoMaterialize();
        if (from != local) {
            instr(Op.COPY, local, from);
        }
        if (tee) {
            if (fuse) {
                push(LOCAL, local);
            } else {
                pushStack(1);
            }
        }
    }

    /** Emits the jump of a br_if ({@code whenTrue}) or of an if (jump when false; patched later when target -1). */
    private void conditionalJump(boolean whenTrue, int target) {
        int cond = height - 1;
        int replacement = -1;
        int a = 0;
        int b = 0;
        if (fuse && kind[cond] == STACK && lastDst >= 0 && code[lastDst] == base + cond) {
            int last = code[lastPos];
            if (last == Op.I32_EQZ) {
                replacement = whenTrue ? Op.BR_UNLESS : Op.BR_IF;
                a = code[lastPos + 2];
            } else {
                int r = compareAndBranch(last, whenTrue);
                if (r >= 0) {
                    replacement = r;
                    a = code[lastPos + 2];
                    b = code[lastPos + 3];
                }
            }
        }
        if (replacement >= 0) {
            size = lastPos;
            height--;
            materializeAll();
            if (replacement == Op.BR_IF || replacement == Op.BR_UNLESS) {
                instr(replacement, a, target);
            } else {
                instr(replacement, a, b, target);
            }
        } else {
            int c = operand();
            materializeAll();
            instr(whenTrue ? Op.BR_IF : Op.BR_UNLESS, c, target);
        }
    }

    /** The compare-and-branch form of comparison {@code op}, negated unless {@code whenTrue}; -1 if none. */
    private static int compareAndBranch(int op, boolean whenTrue) {
        int c = op >= Op.I32_EQ_C && op <= Op.I32_GE_U_C ? op - Op.I32_EQ_C : -1;
        boolean constant = c >= 0;
        if (!constant) {
            c = op >= Op.I32_EQ && op <= Op.I32_GE_U ? op - Op.I32_EQ : -1;
        }
        if (c < 0) {
            return -1;
        }
        // order of both lists: EQ NE LT_S LT_U GT_S GT_U LE_S LE_U GE_S GE_U
        if (!whenTrue) {
            c = NEGATED[c];
        }
        return (constant ? Op.BR_IF_I32_EQ_C : Op.BR_IF_I32_EQ) + c;
    }

    private static final int[] NEGATED = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};

    /** In dead code only the block structure matters: find the else or end that makes code reachable again. */
    private void skipUnreachable(Opcode op, int resultSlots) {
        switch (op) {
            case BLOCK, LOOP, IF -> skippedBlocks++;
            case ELSE -> {
                if (skippedBlocks == 0) {
                    enterElse();
                }
            }
            case END -> {
                if (skippedBlocks > 0) {
                    skippedBlocks--;
                } else {
                    exitBlock(resultSlots);
                }
            }
            default -> {
            }
        }
    }

    private void enterElse() {
        Control c = controls.get(controls.size() - 1);
        if (!unreachable) {
            materializeAll();
            instr(Op.BR, 0);
            c.forwardPatches.add(size - 1);
        }
        code[c.elsePatch] = size;
        c.elsePatch = -1;
        resetHeight(c.labelHeight, c.labelHeight + c.params);
        unreachable = false;
        label();
    }

    private void exitBlock(int resultSlots) {
        if (!unreachable) {
            materializeAll();
        }
        Control c = controls.remove(controls.size() - 1);
        if (c.elsePatch >= 0) {
            code[c.elsePatch] = size;
        }
        for (int i = 0; i < c.forwardPatches.size(); i++) {
            code[c.forwardPatches.get(i)] = size;
        }
        resetHeight(c.labelHeight, c.labelHeight + c.results);
        unreachable = false;
        label();
        if (controls.isEmpty()) {
            instr(Op.RETURN, base + height - resultSlots, resultSlots);
        }
    }

    /** A branch of {@code depth}; for an unconditional one the stack is already written out. */
    private void emitBranch(int depth, boolean conditional) {
        Control c = controls.get(controls.size() - 1 - depth);
        int arity = c.arity();
        int resultHeight = (conditional ? height - 1 : height) - arity;
        boolean move = arity > 0 && resultHeight != c.labelHeight;
        if (!conditional) {
            if (move) {
                instr(Op.MOVE, base + resultHeight, base + c.labelHeight, arity);
            }
            instr(Op.BR, 0);
            target(c, size - 1);
        } else if (!move) {
            conditionalJump(true, 0);
            target(c, size - 1);
        } else {
            int cond = operand();
            materializeAll();
            instr(Op.BR_IF_MOVE, cond, 0, base + resultHeight, base + c.labelHeight, arity);
            target(c, size - 4);
        }
    }

    private void emitBranchTable(Immediate.BrTable table, int index) {
        int[] labels = table.labels();
        int arity = controls.get(controls.size() - 1 - table.defaultLabel()).arity();
        instr(Op.BR_TABLE, index, labels.length, base + height - arity, arity);
        for (int i = 0; i <= labels.length; i++) {
            Control c = controls.get(controls.size() - 1 - (i < labels.length ? labels[i] : table.defaultLabel()));
            emit(0, base + c.labelHeight);
            target(c, size - 2);
        }
    }

    /** Makes code[at] the target of a branch to {@code c}. */
    private void target(Control c, int at) {
        if (c.loop) {
            code[at] = c.loopStart;
        } else {
            c.forwardPatches.add(at);
        }
    }

    /**
     * Where control joins after a block or its then-part, the entries from {@code labelHeight} up are in their stack
     * slots, whatever dead code left in the virtual stack.
     */
    private void resetHeight(int labelHeight, int newHeight) {
        while (kind.length < newHeight) {
            kind = Arrays.copyOf(kind, kind.length * 2);
            value = Arrays.copyOf(value, value.length * 2);
            addend = Arrays.copyOf(addend, addend.length * 2);
        }
        for (int p = labelHeight; p < newHeight; p++) {
            kind[p] = STACK;
        }
        height = newHeight;
        pendingLocals = 0;
        for (int p = 0; p < height; p++) {
            if (kind[p] == LOCAL || kind[p] == SUM) {
                pendingLocals++;
            }
        }
        if (base + height > maxHeight) {
            maxHeight = base + height;
        }
    }

    /** A place where control joins: nothing may be fused across it. */
    private void label() {
        lastDst = -1;
        lastPos = -1;
    }

    // ---- the virtual operand stack ----

    private void constant(long v) {
        if (fuse) {
            push(CONST, v);
        } else {
            emitConstant(base + height, v);
            pushStack(1);
        }
    }

    private void emitConstant(int slot, long v) {
        if (v == (int) v) {
            instr(Op.CONST, slot, (int) v);
        } else {
            instr(Op.CONST64, slot, (int) v, (int) (v >>> 32));
        }
    }

    private void push(int k, long v) {
        if (height == kind.length) {
            kind = Arrays.copyOf(kind, height * 2);
            value = Arrays.copyOf(value, height * 2);
            addend = Arrays.copyOf(addend, height * 2);
        }
        kind[height] = k;
        value[height] = v;
        height++;
        if (k == LOCAL) {
            pendingLocals++;
        }
        if (base + height > maxHeight) {
            maxHeight = base + height;
        }
    }

    private void pushStack(int n) {
        for (int i = 0; i < n; i++) {
            push(STACK, 0);
        }
    }

    /** Pops the top entry and returns the slot to read it from, writing a pending constant to its stack slot. */
    private int operand() {
        int p = height - 1;
        if (kind[p] == CONST) {
            emitConstant(base + p, value[p]);
            kind[p] = STACK;
        } else if (kind[p] == SUM) {
            materializeSum(p);
        }
        return operandNoMaterialize();
    }

    private void materializeSum(int p) {
        instr(Op.I32_ADD_C, base + p, (int) value[p], addend[p]);
        kind[p] = STACK;
        pendingLocals--;
    }

    /** Pops the top entry; its slot is meaningless for a constant. */
    private int operandNoMaterialize() {
        int p = --height;
        if (kind[p] == SUM) {
            pendingLocals--;
            return -1;
        }
        if (kind[p] == LOCAL) {
            pendingLocals--;
            return (int) value[p];
        }
        return base + p;
    }

    /** Pops three operands and returns their slots, deepest first. */
    private int[] operands3() {
        int c = operand();
        int b = operand();
        int a = operand();
        return new int[] {a, b, c};
    }

    /** Emits {@code op d sources...} with d the slot of a new top entry. */
    private void result(int op, int... sources) {
        int[] words = new int[sources.length + 2];
        words[0] = op;
        words[1] = base + height;
        System.arraycopy(sources, 0, words, 2, sources.length);
        instr(words);
        lastDst = lastPos + 1;
        pushStack(1);
    }

    private boolean pendingRead(int local) {
        if (pendingLocals == 0) {
            return false;
        }
        for (int p = 0; p < height - 1; p++) {
            if ((kind[p] == LOCAL || kind[p] == SUM) && value[p] == local) {
                return true;
            }
        }
        return false;
    }

    /** Before {@code local} is overwritten, copies it to the stack slots of the entries still waiting to read it. */
    private void materializeLocal(int local) {
        if (pendingLocals == 0) {
            return;
        }
        for (int p = 0; p < height; p++) {
            if (kind[p] == LOCAL && value[p] == local) {
                instr(Op.COPY, base + p, local);
                kind[p] = STACK;
                pendingLocals--;
            } else if (kind[p] == SUM && value[p] == local) {
                materializeSum(p);
            }
        }
    }

    /** Writes every pending entry to its stack slot. */
    private void materializeAll() {
        for (int p = 0; p < height; p++) {
            if (kind[p] == LOCAL) {
                instr(Op.COPY, base + p, (int) value[p]);
                pendingLocals--;
            } else if (kind[p] == CONST) {
                emitConstant(base + p, value[p]);
            } else if (kind[p] == SUM) {
                materializeSum(p);
            }
            kind[p] = STACK;
        }
    }

    /** {params, results} in cells. */
    private int[] blockSignature(BlockType type) {
        if (type instanceof BlockType.Value v) {
            return new int[] {0, slots(v.type())};
        }
        if (type instanceof BlockType.TypeIndex t) {
            FuncType f = module.types().get(t.index());
            return new int[] {slots(f.params()), slots(f.results())};
        }
        return new int[] {0, 0};
    }

    private static int slots(ValType t) {
        return t == ValType.V128 ? 2 : 1;
    }

    private static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += slots(t);
        }
        return n;
    }

    /** Emits one instruction: its internal opcode, then its immediates. */
    private void instr(int... words) {
        lastPos = size;
        lastDst = -1;
        emit(words);
    }

    private void emit(int... words) {
        if (size + words.length > code.length) {
            code = Arrays.copyOf(code, Math.max(code.length * 2, size + words.length));
        }
        for (int w : words) {
            code[size++] = w;
        }
    }

    private static int[] plainOpcodes() {
        int[] table = new int[Opcode.values().length];
        Arrays.fill(table, -1);
        for (Opcode op : Opcode.values()) {
            if (!op.hasFixedSignature()) {
                continue;
            }
            try {
                table[op.ordinal()] = Op.class.getField(op.name()).getInt(null);
            } catch (NoSuchFieldException e) {
                // SIMD: SimdCompiler compiles those before they get here
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        // floats travel as raw bits, so their memory accesses are the integer ones
        table[Opcode.F32_LOAD.ordinal()] = Op.I32_LOAD;
        table[Opcode.F64_LOAD.ordinal()] = Op.I64_LOAD;
        table[Opcode.F32_STORE.ordinal()] = Op.I32_STORE;
        table[Opcode.F64_STORE.ordinal()] = Op.I64_STORE;
        return table;
    }

    /** A block, loop, if or the function body, as seen by the branches inside it. Heights count entries. */
    private static final class Control {
        final boolean loop;
        final int labelHeight;
        final int params;
        final int results;
        final IntList forwardPatches = new IntList();
        int loopStart;
        int elsePatch = -1;

        Control(boolean loop, int labelHeight, int params, int results) {
            this.loop = loop;
            this.labelHeight = labelHeight;
            this.params = params;
            this.results = results;
        }

        /** A branch to a loop restarts it with its parameters; to anything else, it leaves with its results. */
        int arity() {
            return loop ? params : results;
        }
    }

    private static final class IntList {
        private int[] items = new int[4];
        private int count;

        void add(int v) {
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = v;
        }

        int get(int i) {
            return items[i];
        }

        int size() {
            return count;
        }

        int[] toArray() {
            return Arrays.copyOf(items, count);
        }
    }
}
