package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.Module;

import java.util.BitSet;

/**
 * Which {@code drop} and untyped {@code select} instructions of a function body operate on v128 values. Nothing in
 * those instructions says so; only the operand types the validator tracks do. The interpreter needs it because a
 * v128 takes two stack slots.
 */
public final class VectorOperands {
    private VectorOperands() {
    }

    /**
     * The positions (in the body's instruction list) of the drops and selects whose operand is a v128, for the
     * function at {@code functionIndex} of the function index space of a valid module.
     */
    public static BitSet of(Module module, int functionIndex) {
        FunctionValidator validator = new FunctionValidator(ModuleContext.of(module), module.names());
        BitSet positions = new BitSet();
        validator.recordVectorOperands(positions);
        validator.validate(functionIndex,
                module.functions().get(functionIndex - module.importedFunctionCount()));
        return positions;
    }
}
