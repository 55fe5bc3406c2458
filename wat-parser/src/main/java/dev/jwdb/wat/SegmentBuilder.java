package dev.jwdb.wat;

import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Element and data segments, both written as fields and written inline in a table or memory definition. */
final class SegmentBuilder {
    private static final long PAGE_SIZE = 65536;

    private final IdentifierContext ids;
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();

    SegmentBuilder(IdentifierContext ids) {
        this.ids = ids;
    }

    List<ElementSegment> elements() {
        return elements;
    }

    List<DataSegment> data() {
        return data;
    }

    void elemDef(WatParser.ElemDefContext def) {
        ElementSegment.Mode mode;
        if (def.DECLARE() != null) {
            mode = new ElementSegment.Declarative();
        } else if (def.offsetExpr() != null) {
            int table = def.table == null ? 0 : ids.tables.resolve(def.table);
            mode = new ElementSegment.Active(table, offset(def.offsetExpr()));
        } else {
            mode = new ElementSegment.Passive();
        }
        WatParser.ElemListContext list = def.elemList();
        if (list == null) {
            // The MVP form "(elem offset x*)", which lists function indices without saying "func".
            elements.add(new ElementSegment(ValType.FUNCREF, refFuncs(def.functions), mode));
        } else if (list.FUNC() != null) {
            elements.add(new ElementSegment(ValType.FUNCREF, refFuncs(list.index()), mode));
        } else {
            elements.add(new ElementSegment(ModuleBuilder.refType(list.refType()), items(list.elemExpr()), mode));
        }
    }

    /** {@code (table funcref (elem ...))}: an active segment at offset 0 of the table; returns its length. */
    int inlineElements(WatParser.TableDefContext def, int table) {
        List<List<Instruction>> init = def.elemExpr().isEmpty() ? refFuncs(def.index()) : items(def.elemExpr());
        Token at = def.ELEM().getSymbol();
        elements.add(new ElementSegment(ModuleBuilder.refType(def.refType()), init,
                new ElementSegment.Active(table, zeroOffset(at))));
        return init.size();
    }

    void dataDef(WatParser.DataDefContext def) {
        DataSegment.Mode mode = new DataSegment.Passive();
        if (def.offsetExpr() != null) {
            int memory = def.index() == null ? 0 : ids.memories.resolve(def.index());
            mode = new DataSegment.Active(memory, offset(def.offsetExpr()));
        }
        data.add(new DataSegment(bytes(def.STRING()), mode));
    }

    /** {@code (memory (data ...))}: an active segment at address 0; returns the pages it needs, rounded up. */
    long inlineData(WatParser.MemoryDefContext def, int memory) {
        byte[] init = bytes(def.STRING());
        data.add(new DataSegment(init, new DataSegment.Active(memory, zeroOffset(def.DATA().getSymbol()))));
        return (init.length + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    private List<Instruction> offset(WatParser.OffsetExprContext offset) {
        ExpressionBuilder builder = new ExpressionBuilder(ids, null);
        if (offset.OFFSET() != null) {
            return builder.build(offset.instr(), offset.getStop());
        }
        return builder.build(offset.foldedInstr(), offset.getStop());
    }

    private List<List<Instruction>> items(List<WatParser.ElemExprContext> exprs) {
        List<List<Instruction>> out = new ArrayList<>();
        for (WatParser.ElemExprContext expr : exprs) {
            ExpressionBuilder builder = new ExpressionBuilder(ids, null);
            out.add(expr.ITEM() != null ? builder.build(expr.instr(), expr.getStop())
                    : builder.build(expr.foldedInstr(), expr.getStop()));
        }
        return out;
    }

    private List<List<Instruction>> refFuncs(List<WatParser.IndexContext> functions) {
        List<List<Instruction>> out = new ArrayList<>();
        for (WatParser.IndexContext function : functions) {
            out.add(new ExpressionBuilder(ids, null).buildRefFunc(function));
        }
        return out;
    }

    /** The offset an inline segment implies, placed where the segment was written. */
    private static List<Instruction> zeroOffset(Token at) {
        int line = at.getLine();
        int column = at.getCharPositionInLine() + 1;
        return List.of(new Instruction(Opcode.I32_CONST, new Immediate.I32(0), -1, line, column),
                new Instruction(Opcode.END, Immediate.NONE, -1, line, column));
    }

    private byte[] bytes(List<TerminalNode> strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TerminalNode s : strings) {
            out.writeBytes(ids.values.bytes(s.getSymbol()));
        }
        return out.toByteArray();
    }
}
