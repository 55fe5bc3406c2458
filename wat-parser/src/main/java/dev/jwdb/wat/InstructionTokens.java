package dev.jwdb.wat;

import dev.jwdb.engine.model.ImmediateKind;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.Opcode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives a keyword its lexer token type. Mnemonics are grouped by the operand shape the opcode table records for them,
 * so the grammar stays one rule per shape and a new opcode in the table needs no grammar change.
 */
final class InstructionTokens {
    private static final Pattern U32 = Pattern.compile("[0-9](_?[0-9])*|0x[0-9a-fA-F](_?[0-9a-fA-F])*");
    private static final Map<String, Integer> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : Opcode.values()) {
            Integer type = shapeOf(op.immediate());
            if (type != null) {
                BY_MNEMONIC.putIfAbsent(op.mnemonic(), type);
            }
        }
    }

    private InstructionTokens() {
    }

    /**
     * The token type for a keyword: an instruction shape, a v128 lane shape, a memarg field, or KEYWORD when it is
     * not known.
     */
    static int typeOf(String keyword) {
        Integer type = BY_MNEMONIC.get(keyword);
        if (type != null) {
            return type;
        }
        if (LaneShape.of(keyword) != null) {
            return WatLexer.V128_SHAPE;
        }
        if (keyword.startsWith("offset=") && U32.matcher(keyword).region(7, keyword.length()).matches()) {
            return WatLexer.MEM_OFFSET;
        }
        if (keyword.startsWith("align=") && U32.matcher(keyword).region(6, keyword.length()).matches()) {
            return WatLexer.MEM_ALIGN;
        }
        return WatLexer.KEYWORD;
    }

    /** Null for shapes that have their own literal token (block, br_table, select, ...). */
    private static Integer shapeOf(ImmediateKind kind) {
        return switch (kind) {
            case NONE -> WatLexer.OP_PLAIN;
            case LABEL, FUNC, LOCAL, GLOBAL, DATA, ELEM -> WatLexer.OP_INDEX;
            case TABLE, MEMORY -> WatLexer.OP_OPT_INDEX;
            case MEMARG -> WatLexer.OP_MEMARG;
            case I32, I64, F32, F64 -> WatLexer.OP_CONST;
            case MEMORY_INIT, TABLE_INIT -> WatLexer.OP_SEGMENT_INIT;
            case MEMORY_COPY, TABLE_COPY -> WatLexer.OP_COPY;
            case BLOCK_TYPE, BR_TABLE, CALL_INDIRECT, SELECT_TYPES, REF_TYPE -> null;
            case V128_CONST -> WatLexer.OP_V128_CONST;
            case SHUFFLE -> WatLexer.OP_SHUFFLE;
            case LANE -> WatLexer.OP_LANE;
            case MEMARG_LANE -> WatLexer.OP_MEMARG_LANE;
        };
    }
}
