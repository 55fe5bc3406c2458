package dev.jwdb.engine.exec;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.valid.VectorOperands;

import java.util.BitSet;
import java.util.List;

/**
 * The compiler's half of SIMD: turns v128 instructions, and variable and parametric instructions whose operand is a
 * v128, into {@link Op#SIMD} code (layout in {@link SimdInterpreter}). A v128 occupies two stack slots, which is why
 * even {@code local.get} or {@code drop} need their own form when they move one. {@link FunctionCompiler} asks
 * {@link #compile} first for every reachable instruction and compiles the instruction itself when the answer is null.
 */
final class SimdCompiler {
    /** An instruction's code and its effect on the stack height, in slots. */
    record Emission(int[] words, int pops, int pushes) {
    }

    private final Module module;
    private final int functionIndex;
    private final List<ValType> localTypes;
    private final int[] localSlot;
    private final List<GlobalType> globals;
    /** Lazily: which drops and selects take v128 operands (only the validator's type tracking knows). */
    private BitSet vectorOperands;

    private SimdCompiler(Module module, int functionIndex, List<ValType> localTypes, int[] localSlot) {
        this.module = module;
        this.functionIndex = functionIndex;
        this.localTypes = localTypes;
        this.localSlot = localSlot;
        this.globals = module.allGlobalTypes();
    }

    /**
     * A compiler for the function's vector code, or null when no v128 can occur in it, so that functions without
     * SIMD pay nothing. {@code localTypes} are the parameters then the declared locals; {@code localSlot} their
     * first slots.
     */
    static SimdCompiler forFunction(Module module, int functionIndex, Function function, List<ValType> localTypes,
                                    int[] localSlot) {
        if (localTypes.contains(ValType.V128) || moduleHasVectors(module) || bodyHasVectors(function.body())) {
            return new SimdCompiler(module, functionIndex, localTypes, localSlot);
        }
        return null;
    }

    /** Calls, call_indirect, blocks with a type index, and globals can bring v128s in from the module. */
    private static boolean moduleHasVectors(Module module) {
        for (FuncType t : module.types()) {
            if (t.params().contains(ValType.V128) || t.results().contains(ValType.V128)) {
                return true;
            }
        }
        for (GlobalType g : module.allGlobalTypes()) {
            if (g.type() == ValType.V128) {
                return true;
            }
        }
        return false;
    }

    private static boolean bodyHasVectors(List<Instruction> body) {
        for (Instruction ins : body) {
            Immediate imm = ins.immediate();
            if (ins.opcode().prefix() == 0xFD
                    || imm instanceof Immediate.Block b && b.type() instanceof BlockType.Value v
                    && v.type() == ValType.V128
                    || imm instanceof Immediate.Types t && t.types().contains(ValType.V128)) {
                return true;
            }
        }
        return false;
    }

    /** The code for the instruction at {@code position} of the body, or null when it moves no v128. */
    Emission compile(Instruction ins, int position) {
        Opcode op = ins.opcode();
        if (op.prefix() == 0xFD) {
            return new Emission(vectorInstruction(op, ins.immediate()), slots(op.params()), slots(op.results()));
        }
        switch (op) {
            case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                if (localTypes.get(ins.index()) != ValType.V128) {
                    return null;
                }
                int slot = localSlot[ins.index()];
                return switch (op) {
                    case LOCAL_GET -> emission(SimdInterpreter.LOCAL_GET, slot, 0, 2);
                    case LOCAL_SET -> emission(SimdInterpreter.LOCAL_SET, slot, 2, 0);
                    default -> emission(SimdInterpreter.LOCAL_TEE, slot, 2, 2);
                };
            }
            case GLOBAL_GET, GLOBAL_SET -> {
                if (globals.get(ins.index()).type() != ValType.V128) {
                    return null;
                }
                return op == Opcode.GLOBAL_GET
                        ? emission(SimdInterpreter.GLOBAL_GET, ins.index(), 0, 2)
                        : emission(SimdInterpreter.GLOBAL_SET, ins.index(), 2, 0);
            }
            case DROP -> {
                return isVectorOperand(position) ? new Emission(new int[] {Op.SIMD, SimdInterpreter.DROP}, 2, 0) : null;
            }
            case SELECT, SELECT_T -> {
                boolean vector = op == Opcode.SELECT_T
                        ? ((Immediate.Types) ins.immediate()).types().get(0) == ValType.V128
                        : isVectorOperand(position);
                return vector ? new Emission(new int[] {Op.SIMD, SimdInterpreter.SELECT}, 5, 2) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private boolean isVectorOperand(int position) {
        if (vectorOperands == null) {
            vectorOperands = VectorOperands.of(module, functionIndex);
        }
        return vectorOperands.get(position);
    }

    private static Emission emission(int sub, int index, int pops, int pushes) {
        return new Emission(new int[] {Op.SIMD, sub, index}, pops, pushes);
    }

    /** {@code SIMD sub immediates...}: see {@link SimdInterpreter} for the immediate words. */
    private static int[] vectorInstruction(Opcode op, Immediate imm) {
        int[] words = new int[2 + SimdInterpreter.immediateWords(op.immediate())];
        words[0] = Op.SIMD;
        words[1] = op.code();
        switch (op.immediate()) {
            case MEMARG -> words[2] = (int) ((Immediate.MemArg) imm).offset();
            case MEMARG_LANE -> {
                Immediate.MemLane memLane = (Immediate.MemLane) imm;
                words[2] = (int) memLane.memArg().offset();
                words[3] = memLane.lane();
            }
            case LANE -> words[2] = ((Immediate.Lane) imm).lane();
            case V128_CONST, SHUFFLE -> {
                byte[] bytes = ((Immediate.V128) imm).bytes();
                for (int i = 0; i < 16; i++) {
                    words[2 + i / 4] |= (bytes[i] & 0xFF) << (8 * (i % 4));
                }
            }
            default -> {
            }
        }
        return words;
    }

    private static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t == ValType.V128 ? 2 : 1;
        }
        return n;
    }
}
