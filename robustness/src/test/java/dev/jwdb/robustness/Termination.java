package dev.jwdb.robustness;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;

import java.util.ArrayList;
import java.util.List;

/**
 * Which functions surely finish: no {@code loop} in them or in anything they may call, and no recursion. A
 * {@code call_indirect} is taken to reach every function of its type. The fuzz tests run every function with fuel
 * ({@link FuelledPair}); this tells them how many of the calls that finished were of functions that might not have,
 * which must not dwindle to none.
 */
final class Termination {
    private static final int UNKNOWN = 0;
    private static final int VISITING = 1;
    private static final int BOUNDED = 2;
    private static final int UNBOUNDED = 3;

    private final Module module;
    private final List<Integer> typeOf;
    private final int[] state;

    Termination(Module module) {
        this.module = module;
        this.typeOf = module.functionTypeIndices();
        this.state = new int[typeOf.size()];
    }

    /** Whether the function at {@code index} (imports first) finishes; imported ones are host code that does. */
    boolean bounded(int index) {
        if (index < 0 || index >= state.length) {
            return false;
        }
        if (state[index] == BOUNDED || state[index] == UNBOUNDED) {
            return state[index] == BOUNDED;
        }
        if (state[index] == VISITING) {
            return false; // recursion
        }
        int imported = module.importedFunctionCount();
        if (index < imported) {
            state[index] = BOUNDED;
            return true;
        }
        state[index] = VISITING;
        boolean ok = true;
        for (Instruction ins : module.functions().get(index - imported).body()) {
            Opcode op = ins.opcode();
            if (op == Opcode.LOOP) {
                ok = false;
            } else if (op == Opcode.CALL) {
                ok = bounded(((Immediate.Index) ins.immediate()).index());
            } else if (op == Opcode.CALL_INDIRECT) {
                ok = callees(((Immediate.TwoIndex) ins.immediate()).first()).stream().allMatch(this::bounded);
            }
            if (!ok) {
                break;
            }
        }
        state[index] = ok ? BOUNDED : UNBOUNDED;
        return ok;
    }

    private List<Integer> callees(int typeIndex) {
        List<Integer> out = new ArrayList<>();
        if (typeIndex < 0 || typeIndex >= module.types().size()) {
            return out;
        }
        FuncType wanted = module.types().get(typeIndex);
        for (int i = 0; i < typeOf.size(); i++) {
            int t = typeOf.get(i);
            if (t >= 0 && t < module.types().size() && module.types().get(t).equals(wanted)) {
                out.add(i);
            }
        }
        return out;
    }
}
