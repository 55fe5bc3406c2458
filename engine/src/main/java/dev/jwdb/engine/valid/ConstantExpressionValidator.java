package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates the constant expressions of global initializers, segment offsets and element items. Every instruction
 * is first checked for being constant, so that a non-constant instruction is reported as such even when the
 * expression would also be ill-typed; then the expression must produce exactly one value of the expected type.
 */
final class ConstantExpressionValidator {
    private ConstantExpressionValidator() {
    }

    /**
     * @param where how the error message names the expression's owner, e.g. "global 2"
     */
    static void validate(List<Instruction> expression, ValType expected, ModuleContext context, String where) {
        int length = expression.size();
        if (length > 0 && expression.get(length - 1).opcode() == Opcode.END) {
            length--;
        }
        List<ValType> produced = new ArrayList<>(1);
        for (int i = 0; i < length; i++) {
            Instruction ins = expression.get(i);
            try {
                produced.add(typeOf(ins, context));
            } catch (InvalidException e) {
                throw ErrorLocation.at(e, where + ", " + ErrorLocation.instruction(ins, i));
            }
        }
        if (produced.size() != 1 || produced.get(0) != expected) {
            throw new InvalidException("type mismatch: expected [" + expected + "] but the expression produces "
                    + produced.stream().map(ValType::text).collect(Collectors.joining(" ", "[", "]"))
                    + " at " + where);
        }
    }

    private static ValType typeOf(Instruction ins, ModuleContext context) {
        Opcode op = ins.opcode();
        return switch (op) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST -> op.results().get(0);
            case REF_NULL -> ((Immediate.Ref) ins.immediate()).type();
            case REF_FUNC -> {
                context.function(ins.index());
                yield ValType.FUNCREF;
            }
            case GLOBAL_GET -> {
                GlobalType global = context.importedGlobal(ins.index());
                if (global.mutable()) {
                    throw new InvalidException("constant expression required: global "
                            + Integer.toUnsignedString(ins.index()) + " is mutable");
                }
                yield global.type();
            }
            default -> throw new InvalidException("constant expression required: " + op.mnemonic()
                    + " is not a constant instruction");
        };
    }
}
