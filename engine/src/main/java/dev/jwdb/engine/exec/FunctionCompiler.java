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
 * Turns a validated function body into {@link CompiledFunction} code. Because the body is valid, the operand stack
 * height is known statically at every reachable instruction; that is what lets each branch carry how many cells to
 * keep and drop. Code after an unconditional branch is unreachable and is not emitted.
 */
public final class FunctionCompiler {
    private static final int[] PLAIN = plainOpcodes();

    private final Module module;
    private final List<FuncType> functionTypes;
    private final Instrumentation instrumentation;
    /** Where each loop's code starts: the places an interrupt is patched in. */
    private final IntList loopHeads = new IntList();
    private final List<Control> controls = new ArrayList<>();
    private int[] code = new int[64];
    private int size;
    private int height;
    private int maxHeight;
    private boolean unreachable;
    private int skippedBlocks;
    private int[] localSlot;
    /** The last instruction emitted and where it starts, so that the next one may fuse with it. */
    private int lastOp = -1;
    private int lastPos = -1;
    /** Code before this position may be a branch target's predecessor: never fuse across it. */
    private int barrier;
    /** Whether the instruction being compiled was folded into the one before it. */
    private boolean fused;
    /** Compiles v128 code; null when no v128 can occur in the function. */
    private SimdCompiler simd;
    /** The index in the body of the instruction being compiled (SIMD operand kinds and debugging ops use it). */
    private int position;

    private FunctionCompiler(Module module, List<FuncType> functionTypes, Instrumentation instrumentation) {
        this.module = module;
        this.functionTypes = functionTypes;
        this.instrumentation = instrumentation;
    }

    /**
     * Compiles the function at {@code functionIndex} (in the function index space, so imports come first).
     * {@code functionTypes} gives the type of every function in that index space, for calls.
     */
    public static CompiledFunction compile(Module module, int functionIndex, List<FuncType> functionTypes) {
        return compile(module, functionIndex, functionTypes, Instrumentation.PLAIN);
    }

    /** Compiles with debugging ops as {@code instrumentation} says; the stack layout is the plain code's. */
    public static CompiledFunction compile(Module module, int functionIndex, List<FuncType> functionTypes,
                                           Instrumentation instrumentation) {
        return new FunctionCompiler(module, functionTypes, instrumentation).compileBody(functionIndex);
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
        height = localSlots;
        maxHeight = localSlots;
        Control body = new Control(false, localSlots, 0, resultSlots);
        controls.add(body);

        List<Instruction> instructions = function.body();
        int[] instructionPcs = new int[instructions.size()];
        for (int i = 0; i < instructions.size(); i++) {
            instructionPcs[i] = size;
            fused = false;
            position = i;
            if (instrumentation.checks() && !unreachable) {
                // lastOp becomes CHECK, which nothing fuses with: each instruction keeps its own code
                instr(Op.CHECK, i, 0);
            }
            compile(instructions.get(i), resultSlots);
            if (fused) {
                instructionPcs[i] = lastPos;
            }
        }
        return new CompiledFunction(Arrays.copyOf(code, size), paramSlots, localSlots, resultSlots, maxHeight,
                anyNonZero ? defaults : null, instructionPcs, loopHeads.toArray());
    }

    private void compile(Instruction ins, int resultSlots) {
        Opcode op = ins.opcode();
        if (unreachable) {
            skipUnreachable(op, resultSlots);
            return;
        }
        SimdCompiler.Emission vector = simd == null ? null : simd.compile(ins, position);
        if (vector != null) {
            instr(vector.words());
            pop(vector.pops());
            push(vector.pushes());
            return;
        }
        Immediate imm = ins.immediate();
        switch (op) {
            case NOP, I32_WRAP_I64, I32_REINTERPRET_F32, I64_REINTERPRET_F64, F32_REINTERPRET_I32,
                    F64_REINTERPRET_I64 -> {
            }
            case UNREACHABLE -> {
                instr(Op.UNREACHABLE);
                unreachable = true;
            }
            case BLOCK, LOOP -> {
                int[] sig = blockSignature(((Immediate.Block) imm).type());
                Control c = new Control(op == Opcode.LOOP, height - sig[0], sig[0], sig[1]);
                c.loopStart = size;
                if (op == Opcode.LOOP) {
                    loopHeads.add(size);
                }
                controls.add(c);
                barrier = size;
            }
            case IF -> {
                int[] sig = blockSignature(((Immediate.Block) imm).type());
                pop(1);
                Control c = new Control(false, height - sig[0], sig[0], sig[1]);
                conditionalJump(false);
                c.elsePatch = size;
                emit(0);
                controls.add(c);
                barrier = size;
            }
            case ELSE -> enterElse();
            case END -> exitBlock(resultSlots);
            case BR -> {
                emitBranch(ins.index(), false);
                unreachable = true;
            }
            case BR_IF -> {
                pop(1);
                emitBranch(ins.index(), true);
            }
            case BR_TABLE -> {
                pop(1);
                emitBranchTable((Immediate.BrTable) imm);
                unreachable = true;
            }
            case RETURN -> {
                instr(Op.RETURN, resultSlots);
                unreachable = true;
            }
            case CALL -> {
                FuncType t = functionTypes.get(ins.index());
                instr(Op.CALL, ins.index());
                pop(slots(t.params()));
                push(slots(t.results()));
            }
            case CALL_INDIRECT -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                FuncType t = module.types().get(two.first());
                instr(Op.CALL_INDIRECT, two.first(), two.second());
                pop(1 + slots(t.params()));
                push(slots(t.results()));
            }
            case DROP -> {
                instr(Op.DROP);
                pop(1);
            }
            case SELECT, SELECT_T -> {
                instr(Op.SELECT);
                pop(2);
            }
            case LOCAL_GET -> {
                if (canFuseWith(Op.LOCAL_GET)) {
                    replaceLast(Op.LOCAL_GET2, code[lastPos + 1], localSlot[ins.index()]);
                } else {
                    instr(Op.LOCAL_GET, localSlot[ins.index()]);
                }
                push(1);
            }
            case LOCAL_SET -> {
                instr(Op.LOCAL_SET, localSlot[ins.index()]);
                pop(1);
            }
            case LOCAL_TEE -> instr(Op.LOCAL_TEE, localSlot[ins.index()]);
            case GLOBAL_GET -> {
                instr(Op.GLOBAL_GET, ins.index());
                push(1);
            }
            case GLOBAL_SET -> {
                if (instrumentation.watches()) {
                    instr(Op.GLOBAL_SET_WATCHED, ins.index(), position);
                } else {
                    instr(Op.GLOBAL_SET, ins.index());
                }
                pop(1);
            }
            case TABLE_GET -> instr(Op.TABLE_GET, ins.index());
            case TABLE_SET -> {
                instr(Op.TABLE_SET, ins.index());
                pop(2);
            }
            case I32_CONST -> constant32(((Immediate.I32) imm).value());
            case F32_CONST -> constant32(((Immediate.F32) imm).bits());
            case I64_CONST -> constant64(((Immediate.I64) imm).value());
            case F64_CONST -> constant64(((Immediate.F64) imm).bits());
            case REF_NULL -> constant32((int) Value.NULL_REF);
            case REF_IS_NULL -> instr(Op.REF_IS_NULL);
            case REF_FUNC -> {
                instr(Op.REF_FUNC, ins.index());
                push(1);
            }
            case MEMORY_INIT -> {
                instr(Op.MEMORY_INIT, ((Immediate.TwoIndex) imm).first());
                pop(3);
            }
            case DATA_DROP -> instr(Op.DATA_DROP, ins.index());
            case MEMORY_COPY -> {
                instr(Op.MEMORY_COPY);
                pop(3);
            }
            case MEMORY_FILL -> {
                instr(Op.MEMORY_FILL);
                pop(3);
            }
            case TABLE_INIT -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                instr(Op.TABLE_INIT, two.first(), two.second());
                pop(3);
            }
            case ELEM_DROP -> instr(Op.ELEM_DROP, ins.index());
            case TABLE_COPY -> {
                Immediate.TwoIndex two = (Immediate.TwoIndex) imm;
                instr(Op.TABLE_COPY, two.first(), two.second());
                pop(3);
            }
            case TABLE_GROW -> {
                instr(Op.TABLE_GROW, ins.index());
                pop(1);
            }
            case TABLE_SIZE -> {
                instr(Op.TABLE_SIZE, ins.index());
                push(1);
            }
            case TABLE_FILL -> {
                instr(Op.TABLE_FILL, ins.index());
                pop(3);
            }
            default -> compilePlain(ins);
        }
    }

    /** Opcodes that map one-to-one onto an {@link Op} and type themselves through their fixed signature. */
    private void compilePlain(Instruction ins) {
        Opcode op = ins.opcode();
        int internal = PLAIN[op.ordinal()];
        if (internal < 0) {
            throw new UnsupportedOperationException(op.mnemonic() + " is not supported by the interpreter yet");
        }
        if (ins.immediate() instanceof Immediate.MemArg m && instrumentation.watches()
                && op != Opcode.MEMORY_SIZE && op != Opcode.MEMORY_GROW) {
            boolean load = op.results().size() == 1;
            instr(load ? Op.LOAD_WATCHED : Op.STORE_WATCHED, internal, (int) m.offset(), position);
        } else {
            if (!fuseConstantOperand(op)) {
                instr(internal);
            }
            if (ins.immediate() instanceof Immediate.MemArg m) {
                emit((int) m.offset());
            }
        }
        pop(slots(op.params()));
        push(slots(op.results()));
    }

    /**
     * Emits the jump of a br_if ({@code whenTrue}) or of an if (jump when false), folding in an i32 comparison or
     * i32.eqz that was just emitted.
     */
    private void conditionalJump(boolean whenTrue) {
        int replacement = -1;
        if (lastPos >= barrier && lastPos >= 0) {
            replacement = switch (lastOp) {
                case Op.I32_EQZ -> whenTrue ? Op.BR_UNLESS : Op.BR_IF;
                case Op.I32_EQ -> whenTrue ? Op.BR_IF_I32_EQ : Op.BR_IF_I32_NE;
                case Op.I32_NE -> whenTrue ? Op.BR_IF_I32_NE : Op.BR_IF_I32_EQ;
                case Op.I32_LT_S -> whenTrue ? Op.BR_IF_I32_LT_S : Op.BR_IF_I32_GE_S;
                case Op.I32_LT_U -> whenTrue ? Op.BR_IF_I32_LT_U : Op.BR_IF_I32_GE_U;
                case Op.I32_GT_S -> whenTrue ? Op.BR_IF_I32_GT_S : Op.BR_IF_I32_LE_S;
                case Op.I32_GT_U -> whenTrue ? Op.BR_IF_I32_GT_U : Op.BR_IF_I32_LE_U;
                case Op.I32_LE_S -> whenTrue ? Op.BR_IF_I32_LE_S : Op.BR_IF_I32_GT_S;
                case Op.I32_LE_U -> whenTrue ? Op.BR_IF_I32_LE_U : Op.BR_IF_I32_GT_U;
                case Op.I32_GE_S -> whenTrue ? Op.BR_IF_I32_GE_S : Op.BR_IF_I32_LT_S;
                case Op.I32_GE_U -> whenTrue ? Op.BR_IF_I32_GE_U : Op.BR_IF_I32_LT_U;
                default -> -1;
            };
        }
        if (replacement >= 0) {
            replaceLast(replacement);
        } else {
            instr(whenTrue ? Op.BR_IF : Op.BR_UNLESS);
        }
    }

    /** Folds a just-emitted i32.const into the i32 operator {@code op}; false when that is not possible. */
    private boolean fuseConstantOperand(Opcode op) {
        if (!canFuseWith(Op.I32_CONST)) {
            return false;
        }
        int c = code[lastPos + 1];
        int replacement;
        switch (op) {
            case I32_ADD -> replacement = Op.I32_ADD_C;
            case I32_SUB -> {
                replacement = Op.I32_ADD_C;
                c = -c;
            }
            case I32_AND -> replacement = Op.I32_AND_C;
            case I32_SHL -> replacement = Op.I32_SHL_C;
            case I32_SHR_S -> replacement = Op.I32_SHR_S_C;
            case I32_SHR_U -> replacement = Op.I32_SHR_U_C;
            case I32_ROTL -> replacement = Op.I32_ROTL_C;
            case I32_ROTR -> {
                replacement = Op.I32_ROTL_C;
                c = -c;
            }
            default -> {
                return false;
            }
        }
        replaceLast(replacement, c);
        return true;
    }

    /** Overwrites the last instruction with {@code words}, which stand for it and the current one. */
    private void replaceLast(int... words) {
        size = lastPos;
        fused = true;
        instr(words);
    }

    private boolean canFuseWith(int previous) {
        return lastOp == previous && lastPos >= barrier && lastPos >= 0;
    }

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
            instr(Op.BR);
            c.forwardPatches.add(size);
            emit(0);
        }
        code[c.elsePatch] = size;
        c.elsePatch = -1;
        barrier = size;
        height = c.labelHeight + c.params;
        unreachable = false;
    }

    private void exitBlock(int resultSlots) {
        Control c = controls.remove(controls.size() - 1);
        if (c.elsePatch >= 0) {
            code[c.elsePatch] = size;
        }
        for (int i = 0; i < c.forwardPatches.size(); i++) {
            code[c.forwardPatches.get(i)] = size;
        }
        height = c.labelHeight + c.results;
        unreachable = false;
        barrier = size;
        if (controls.isEmpty()) {
            instr(Op.RETURN, resultSlots);
        }
    }

    private void emitBranch(int depth, boolean conditional) {
        Control c = controls.get(controls.size() - 1 - depth);
        int arity = c.arity();
        int drop = height - arity - c.labelHeight;
        if (drop == 0) {
            if (conditional) {
                conditionalJump(true);
            } else {
                instr(Op.BR);
            }
            emitTarget(c);
        } else {
            instr(conditional ? Op.BR_IF_DROP : Op.BR_DROP);
            emitTarget(c);
            emit(arity, drop);
        }
    }

    private void emitBranchTable(Immediate.BrTable table) {
        int[] labels = table.labels();
        instr(Op.BR_TABLE, labels.length, controls.get(controls.size() - 1 - table.defaultLabel()).arity());
        for (int i = 0; i <= labels.length; i++) {
            Control c = controls.get(controls.size() - 1 - (i < labels.length ? labels[i] : table.defaultLabel()));
            emitTarget(c);
            emit(height - c.arity() - c.labelHeight);
        }
    }

    private void emitTarget(Control c) {
        if (c.loop) {
            emit(c.loopStart);
        } else {
            c.forwardPatches.add(size);
            emit(0);
        }
    }

    private void constant32(int value) {
        instr(Op.I32_CONST, value);
        push(1);
    }

    private void constant64(long value) {
        instr(Op.I64_CONST, (int) value, (int) (value >>> 32));
        push(1);
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

    private void push(int n) {
        height += n;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    private void pop(int n) {
        height -= n;
    }

    /** Emits one instruction: its internal opcode, then its immediates. */
    private void instr(int... words) {
        lastPos = size;
        lastOp = words[0];
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

    /** A block, loop, if or the function body, as seen by the branches inside it. */
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
