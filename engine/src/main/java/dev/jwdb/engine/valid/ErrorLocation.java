package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Names;

/**
 * Where a validation error is, appended after the spec's wording so that tools matching the message by prefix
 * still work while users see which function and which instruction to look at.
 */
final class ErrorLocation {
    private ErrorLocation() {
    }

    /** "func 3 ($fac)", or "func 3" when the module has no name for it. */
    static String function(int index, Names names) {
        String name = names.function(index);
        if (name == null) {
            return "func " + index;
        }
        return "func " + index + " (" + (name.startsWith("$") ? name : "$" + name) + ")";
    }

    /**
     * The instruction's position in the source it came from: its byte offset in a binary, its line and column in
     * text, and failing both its index in the instruction sequence.
     */
    static String instruction(Instruction ins, int position) {
        if (ins.offset() >= 0) {
            return "offset 0x" + Integer.toHexString(ins.offset());
        }
        if (ins.line() > 0) {
            return "line " + ins.line() + ":" + ins.column();
        }
        return "instruction " + position;
    }

    static InvalidException at(InvalidException error, String where) {
        return new InvalidException(error.getMessage() + " at " + where, error);
    }
}
