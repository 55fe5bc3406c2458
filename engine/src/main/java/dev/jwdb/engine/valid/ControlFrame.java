package dev.jwdb.engine.valid;

import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/**
 * One entry of the validation algorithm's control stack: a block, loop, if or else (the function body counts as a
 * block). {@code height} is the operand stack height at entry; {@code unreachable} is set once the rest of the
 * block can never run, from which point the block's operand stack is polymorphic.
 */
final class ControlFrame {
    final Opcode opcode;
    final List<ValType> startTypes;
    final List<ValType> endTypes;
    final int height;
    boolean unreachable;

    ControlFrame(Opcode opcode, List<ValType> startTypes, List<ValType> endTypes, int height) {
        this.opcode = opcode;
        this.startTypes = startTypes;
        this.endTypes = endTypes;
        this.height = height;
    }

    /** What a branch to this frame carries: a loop's branch goes back to its start, all others to the end. */
    List<ValType> labelTypes() {
        return opcode == Opcode.LOOP ? startTypes : endTypes;
    }
}
