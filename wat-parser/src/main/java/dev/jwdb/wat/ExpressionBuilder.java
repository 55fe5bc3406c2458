package dev.jwdb.wat;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.model.VectorAccess;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Flattens instruction trees (plain, block-structured and folded) into the model's instruction sequence, resolving
 * every {@code $id} on the way. Each instruction records where its mnemonic was written; the {@code end} that closes
 * a folded block, a body or a constant expression, which is not written, records the closing parenthesis.
 */
final class ExpressionBuilder {
    private final IdentifierContext ids;
    private final IndexSpace locals;
    private final TokenValues values;
    private final List<Instruction> out = new ArrayList<>();
    /** Enclosing labels, innermost last; null for a block without an id. */
    private final List<String> labels = new ArrayList<>();
    private boolean usesDataSegments;

    /** @param locals the function's locals, or null for a constant expression */
    ExpressionBuilder(IdentifierContext ids, IndexSpace locals) {
        this.ids = ids;
        this.locals = locals;
        this.values = ids.values;
        labels.add(null);
    }

    /** Whether memory.init or data.drop occurred, which is what makes a binary need a data count section. */
    boolean usesDataSegments() {
        return usesDataSegments;
    }

    List<Instruction> build(List<WatParser.InstrContext> instrs, Token end) {
        instrs(instrs);
        emit(Opcode.END, Immediate.NONE, end);
        return out;
    }

    /** A constant expression written as one folded instruction, as element items and offsets may be. */
    List<Instruction> build(WatParser.FoldedInstrContext instr, Token end) {
        folded(instr);
        emit(Opcode.END, Immediate.NONE, end);
        return out;
    }

    /** {@code ref.func x} and its {@code end}, for an element listed by bare function index. */
    List<Instruction> buildRefFunc(WatParser.IndexContext function) {
        Token at = function.getStart();
        emit(Opcode.REF_FUNC, new Immediate.Index(ids.funcs.resolve(at)), at);
        emit(Opcode.END, Immediate.NONE, at);
        return out;
    }

    private void instrs(List<WatParser.InstrContext> instrs) {
        for (WatParser.InstrContext instr : instrs) {
            if (instr.plainInstr() != null) {
                plain(instr.plainInstr());
            } else if (instr.blockInstr() != null) {
                block(instr.blockInstr());
            } else {
                folded(instr.foldedInstr());
            }
        }
    }

    private void block(WatParser.BlockInstrContext instr) {
        if (instr instanceof WatParser.FlatBlockContext b) {
            open(b.op, b.label, b.anonTypeUse());
            instrs(b.instr());
            close(b.label, b.endLabel, b.end);
        } else {
            WatParser.FlatIfContext i = (WatParser.FlatIfContext) instr;
            open(i.op, i.label, i.anonTypeUse());
            instrs(i.thenInstrs);
            if (i.elseOp != null) {
                requireMatching(i.label, i.elseLabel);
                elseBranch(i.elseOp, i.elseInstrs);
            }
            close(i.label, i.endLabel, i.end);
        }
    }

    private void folded(WatParser.FoldedInstrContext instr) {
        if (instr instanceof WatParser.FoldedPlainContext p) {
            for (WatParser.FoldedInstrContext operand : p.foldedInstr()) {
                folded(operand);
            }
            plain(p.plainInstr());
        } else if (instr instanceof WatParser.FoldedBlockContext b) {
            open(b.op, b.label, b.anonTypeUse());
            instrs(b.instr());
            close(b.label, null, b.close);
        } else {
            WatParser.FoldedIfContext i = (WatParser.FoldedIfContext) instr;
            for (WatParser.FoldedInstrContext condition : i.conditions) {
                folded(condition);
            }
            open(i.op, i.label, i.anonTypeUse());
            instrs(i.thenInstrs);
            if (i.elseOp != null) {
                elseBranch(i.elseOp, i.elseInstrs);
            }
            close(i.label, null, i.close);
        }
    }

    private void open(Token op, Token label, WatParser.AnonTypeUseContext type) {
        Opcode opcode = Opcode.byMnemonic(op.getText());
        emit(opcode, new Immediate.Block(ids.types.blockType(type, op)), op);
        labels.add(label == null ? null : label.getText());
    }

    /** An empty else branch is left out, as the reference encoder does, so that it costs no byte in the binary. */
    private void elseBranch(Token elseOp, List<WatParser.InstrContext> body) {
        if (!body.isEmpty()) {
            emit(Opcode.ELSE, Immediate.NONE, elseOp);
            instrs(body);
        }
    }

    private void close(Token label, Token endLabel, Token end) {
        requireMatching(label, endLabel);
        labels.remove(labels.size() - 1);
        emit(Opcode.END, Immediate.NONE, end);
    }

    /** {@code end $l} and {@code else $l} may only repeat the label of the block they close. */
    private void requireMatching(Token label, Token repeated) {
        if (repeated != null && (label == null || !label.getText().equals(repeated.getText()))) {
            throw values.error(repeated, "mismatching label " + repeated.getText());
        }
    }

    private void plain(WatParser.PlainInstrContext instr) {
        Token op = instr.getStart();
        Opcode opcode = Opcode.byMnemonic(op.getText());
        Immediate immediate;
        if (instr instanceof WatParser.SimpleInstrContext) {
            immediate = Immediate.NONE;
        } else if (instr instanceof WatParser.IndexInstrContext i) {
            immediate = new Immediate.Index(index(opcode, i.index().getStart()));
        } else if (instr instanceof WatParser.OptIndexInstrContext i) {
            immediate = new Immediate.Index(i.index() == null ? 0 : index(opcode, i.index().getStart()));
        } else if (instr instanceof WatParser.BrTableInstrContext b) {
            immediate = brTable(b.index());
        } else if (instr instanceof WatParser.CallIndirectInstrContext c) {
            int table = c.index() == null ? 0 : ids.tables.resolve(c.index());
            immediate = new Immediate.TwoIndex(ids.types.funcType(c.anonTypeUse(), op), table);
        } else if (instr instanceof WatParser.SelectInstrContext s) {
            if (!s.result().isEmpty()) {
                opcode = Opcode.SELECT_T;
                immediate = new Immediate.Types(TypeTable.resultTypes(s.result()));
            } else {
                immediate = Immediate.NONE;
            }
        } else if (instr instanceof WatParser.MemoryInstrContext m) {
            immediate = memArg(opcode, m.MEM_OFFSET() == null ? null : m.MEM_OFFSET().getSymbol(),
                    m.MEM_ALIGN() == null ? null : m.MEM_ALIGN().getSymbol());
        } else if (instr instanceof WatParser.ConstInstrContext c) {
            immediate = constant(opcode, c.literal().getStart());
        } else if (instr instanceof WatParser.RefNullInstrContext r) {
            immediate = new Immediate.Ref(heapType(r.heapType()));
        } else if (instr instanceof WatParser.SegmentInitInstrContext s) {
            immediate = segmentInit(opcode, s.index());
        } else if (instr instanceof WatParser.CopyInstrContext c) {
            immediate = copy(opcode, c.index());
        } else {
            immediate = VectorImmediateBuilder.of(opcode, instr, values, this::memArg);
        }
        emit(opcode, immediate, op);
    }

    private int index(Opcode opcode, Token index) {
        return switch (opcode.immediate()) {
            case LABEL -> label(index);
            case FUNC -> ids.funcs.resolve(index);
            case LOCAL -> locals == null ? localInConstant(index) : locals.resolve(index);
            case GLOBAL -> ids.globals.resolve(index);
            case TABLE -> ids.tables.resolve(index);
            case MEMORY -> ids.memories.resolve(index);
            case DATA -> {
                usesDataSegments = true;
                yield ids.datas.resolve(index);
            }
            case ELEM -> ids.elems.resolve(index);
            default -> throw new IllegalStateException(opcode + " takes no single index");
        };
    }

    /** A constant expression has no locals; a numeric index is still left for the validator to reject. */
    private int localInConstant(Token index) {
        if (index.getType() == WatLexer.ID) {
            throw values.error(index, "unknown local " + index.getText());
        }
        return (int) values.u32(index);
    }

    /** A label id stands for the depth of the innermost enclosing block that binds it. */
    private int label(Token index) {
        if (index.getType() != WatLexer.ID) {
            return (int) values.u32(index);
        }
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (index.getText().equals(labels.get(i))) {
                return labels.size() - 1 - i;
            }
        }
        throw values.error(index, "unknown label " + index.getText());
    }

    private Immediate brTable(List<WatParser.IndexContext> targets) {
        int[] depths = new int[targets.size() - 1];
        for (int i = 0; i < depths.length; i++) {
            depths[i] = label(targets.get(i).getStart());
        }
        return new Immediate.BrTable(depths, label(targets.get(depths.length).getStart()));
    }

    Immediate.MemArg memArg(Opcode opcode, Token offset, Token align) {
        long offsetValue = offset == null ? 0 : values.u32(offset, offset.getText().substring("offset=".length()));
        int alignExponent = naturalAlignment(opcode);
        if (align != null) {
            long bytes = values.u32(align, align.getText().substring("align=".length()));
            if (bytes == 0 || Long.bitCount(bytes) != 1) {
                throw values.error(align, "alignment must be a power of two");
            }
            alignExponent = Long.numberOfTrailingZeros(bytes);
        }
        return new Immediate.MemArg(alignExponent, offsetValue, 0);
    }

    /**
     * The log2 of the access width in bytes, read off the mnemonic: the explicit width of a packed access
     * ({@code i64.load16_s}) or else the width of the value type ({@code f64.store}).
     */
    static int naturalAlignment(Opcode opcode) {
        if (opcode.prefix() == 0xFD) {
            return VectorAccess.naturalAlignment(opcode);
        }
        String mnemonic = opcode.mnemonic();
        String access = mnemonic.substring(mnemonic.indexOf('.') + 1).replaceFirst("^(load|store)", "");
        String digits = access.replaceFirst("_.*", "");
        int bits = digits.isEmpty() ? Integer.parseInt(mnemonic.substring(1, 3)) : Integer.parseInt(digits);
        return Integer.numberOfTrailingZeros(bits / 8);
    }

    private Immediate constant(Opcode opcode, Token literal) {
        return switch (opcode.immediate()) {
            case I32 -> new Immediate.I32(values.i32(literal));
            case I64 -> new Immediate.I64(values.i64(literal));
            case F32 -> new Immediate.F32(values.f32Bits(literal));
            case F64 -> new Immediate.F64(values.f64Bits(literal));
            default -> throw new IllegalStateException(opcode + " is not a constant");
        };
    }

    static ValType heapType(WatParser.HeapTypeContext heapType) {
        return heapType.FUNC() != null ? ValType.FUNCREF : ValType.EXTERNREF;
    }

    /** {@code memory.init mem? data} and {@code table.init table? elem}: the segment comes last in the text. */
    private Immediate segmentInit(Opcode opcode, List<WatParser.IndexContext> indices) {
        WatParser.IndexContext segment = indices.get(indices.size() - 1);
        WatParser.IndexContext target = indices.size() == 2 ? indices.get(0) : null;
        if (opcode == Opcode.MEMORY_INIT) {
            usesDataSegments = true;
            int memory = target == null ? 0 : ids.memories.resolve(target);
            return new Immediate.TwoIndex(ids.datas.resolve(segment), memory);
        }
        int table = target == null ? 0 : ids.tables.resolve(target);
        return new Immediate.TwoIndex(ids.elems.resolve(segment), table);
    }

    private Immediate copy(Opcode opcode, List<WatParser.IndexContext> indices) {
        if (indices.isEmpty()) {
            return new Immediate.TwoIndex(0, 0);
        }
        IndexSpace space = opcode == Opcode.MEMORY_COPY ? ids.memories : ids.tables;
        return new Immediate.TwoIndex(space.resolve(indices.get(0)), space.resolve(indices.get(1)));
    }

    private void emit(Opcode opcode, Immediate immediate, Token at) {
        out.add(new Instruction(opcode, immediate, -1, at.getLine(), at.getCharPositionInLine() + 1));
    }
}
