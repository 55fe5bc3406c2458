package dev.jwdb.debugger;

import dev.jwdb.engine.exec.CodeMap;
import dev.jwdb.engine.exec.CompiledFunction;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.FunctionCompiler;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.valid.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * One live frame of a stopped execution, read from the engine's state: where it is, its locals, its operand
 * stack. Frame number 0 is the innermost.
 */
final class FrameView {
    private final ModuleImage image;
    private final ExecutionState st;
    private final CompiledFunction code;
    final int number;
    /** The engine's depth index: 0 is the outermost frame. */
    final int depth;
    final FunctionInstance function;
    final int instruction;
    private final Instrumentation instrumentation;
    /** Whether the frame stopped inside its instruction, where fused code may not have written out its operands. */
    private final boolean faulted;

    /**
     * @param faulted whether frame 0 stopped inside its instruction (a trap or a host call) rather than before it
     */
    FrameView(ModuleImage image, CodeVariants variants, ExecutionState st, int number, boolean faulted) {
        this.image = image;
        this.st = st;
        this.number = number;
        this.depth = st.frameCount() - 1 - number;
        this.function = st.frameFunction(depth);
        CodeVariants.Variant v = variants.variant(st.frameCode(depth));
        this.code = v != null ? v.code() : function.compiled();
        this.instrumentation = v != null ? v.instrumentation() : Instrumentation.PLAIN;
        this.faulted = faulted && number == 0;
        int pc = st.framePc(depth);
        if (number > 0) {
            instruction = CodeMap.callInstruction(code, pc);
        } else if (faulted) {
            instruction = CodeMap.containingInstruction(code, pc);
        } else {
            instruction = CodeMap.resumeInstruction(code, pc);
        }
    }

    /** The call instruction before where this frame is: after a host call returned, the call that made it. */
    int callBefore() {
        return CodeMap.callInstruction(code, st.framePc(depth));
    }

    Location location() {
        return image.location(function.index(), instruction);
    }

    private List<ValType> localTypes() {
        FuncType type = function.type();
        List<ValType> types = new ArrayList<>(type.params());
        types.addAll(image.module.functions().get(function.index() - image.module.importedFunctionCount()).locals());
        return types;
    }

    /** The cell of local {@code index}. */
    private int cell(int index) {
        List<ValType> types = localTypes();
        int slot = st.frameBase(depth);
        for (int i = 0; i < index; i++) {
            slot += types.get(i) == ValType.V128 ? 2 : 1;
        }
        return slot;
    }

    int localCount() {
        return localTypes().size();
    }

    List<Local> locals() {
        List<ValType> types = localTypes();
        List<Local> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            out.add(new Local(i, image.localName(function.index(), i), types.get(i), local(i)));
        }
        return out;
    }

    Value local(int index) {
        ValType type = localTypes().get(index);
        int c = cell(index);
        return type == ValType.V128 ? Value.v128(st.stackCell(c), st.stackCell(c + 1))
                : Value.ofSlot(type, st.stackCell(c));
    }

    /** Local index of {@code $name} (without the dollar), or -1. */
    int localNamed(String name) {
        for (int i = 0; i < localCount(); i++) {
            if (name.equals(image.localName(function.index(), i))) {
                return i;
            }
        }
        return -1;
    }

    ValType localType(int index) {
        return localTypes().get(index);
    }

    void setLocal(int index, Value v) {
        int c = cell(index);
        st.setStackCell(c, v.bits());
        if (v.type() == ValType.V128) {
            st.setStackCell(c + 1, v.high());
        }
    }

    /** The operand stack, bottom first, typed by validating the body up to where the frame is. */
    List<Value> operands() {
        long[] cells = operandCells();
        List<ValType> types = Validator.operandTypes(image.module, function.index(), instruction);
        List<Value> out = new ArrayList<>();
        for (int i = 0, cell = 0; cell < cells.length; i++) {
            ValType t = i < types.size() && types.get(i) != null ? types.get(i) : ValType.I64;
            if (t == ValType.V128) {
                out.add(Value.v128(cells[cell], cells[cell + 1]));
                cell += 2;
            } else {
                out.add(Value.ofSlot(t, cells[cell++]));
            }
        }
        return out;
    }

    private long[] operandCells() {
        if (faulted && instrumentation.fused()) {
            return FunctionCompiler.operandCells(image.module, function.index(), function.instance().functionTypes(),
                    instrumentation, instruction, st, depth);
        }
        int from = st.frameBase(depth) + code.localSlots();
        long[] cells = new long[st.operandTop(depth, code) - from];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = st.stackCell(from + i);
        }
        return cells;
    }

}
