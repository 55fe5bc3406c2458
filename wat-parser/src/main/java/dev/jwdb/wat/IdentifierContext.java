package dev.jwdb.wat;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The module-wide index spaces with the {@code $ids} bound in them (the spec's identifier context). It is filled by a
 * first pass over the fields, so that a body may refer to a function, global or segment defined further down; that
 * pass also enforces the rules about field order, which need the whole module in view.
 */
final class IdentifierContext {
    final TokenValues values;
    final TypeTable types;
    final IndexSpace funcs;
    final IndexSpace tables;
    final IndexSpace memories;
    final IndexSpace globals;
    final IndexSpace elems;
    final IndexSpace datas;

    /** The kind of the latest definition (not import) seen in the first pass, for "import after function". */
    private String lastDefinition;
    private boolean hasStart;

    private IdentifierContext(TokenValues values) {
        this.values = values;
        this.types = new TypeTable(values);
        this.funcs = new IndexSpace("func", "function", values);
        this.tables = new IndexSpace("table", "table", values);
        this.memories = new IndexSpace("memory", "memory", values);
        this.globals = new IndexSpace("global", "global", values);
        this.elems = new IndexSpace("elem", "elem segment", values);
        this.datas = new IndexSpace("data", "data segment", values);
    }

    static IdentifierContext declare(List<WatParser.ModuleFieldContext> fields, TokenValues values) {
        IdentifierContext ids = new IdentifierContext(values);
        for (WatParser.ModuleFieldContext field : fields) {
            ids.declare(field);
        }
        return ids;
    }

    private void declare(WatParser.ModuleFieldContext field) {
        if (field.typeDef() != null) {
            types.define(field.typeDef());
        } else if (field.importDef() != null) {
            importDesc(field.importDef());
        } else if (field.funcDef() != null) {
            WatParser.FuncDefContext f = field.funcDef();
            entity(funcs, f.ID(), f.inlineImport(), "function");
        } else if (field.tableDef() != null) {
            WatParser.TableDefContext t = field.tableDef();
            entity(tables, t.ID(), t.inlineImport(), "table");
            if (t.ELEM() != null) {
                elems.add(null);
            }
        } else if (field.memoryDef() != null) {
            WatParser.MemoryDefContext m = field.memoryDef();
            entity(memories, m.ID(), m.inlineImport(), "memory");
            if (m.DATA() != null) {
                datas.add(null);
            }
        } else if (field.globalDef() != null) {
            WatParser.GlobalDefContext g = field.globalDef();
            entity(globals, g.ID(), g.inlineImport(), "global");
        } else if (field.elemDef() != null) {
            elems.add(symbol(field.elemDef().ID()));
        } else if (field.dataDef() != null) {
            datas.add(symbol(field.dataDef().ID()));
        } else if (field.startDef() != null) {
            if (hasStart) {
                throw values.error(field.getStart(), "multiple start sections");
            }
            hasStart = true;
        }
    }

    private void importDesc(WatParser.ImportDefContext def) {
        requireNoDefinitionYet(def.getStart());
        WatParser.ImportDescContext desc = def.importDesc();
        if (desc instanceof WatParser.FuncImportContext f) {
            funcs.add(symbol(f.ID()));
        } else if (desc instanceof WatParser.TableImportContext t) {
            tables.add(symbol(t.ID()));
        } else if (desc instanceof WatParser.MemoryImportContext m) {
            memories.add(symbol(m.ID()));
        } else {
            globals.add(symbol(((WatParser.GlobalImportContext) desc).ID()));
        }
    }

    private void entity(IndexSpace space, TerminalNode id, WatParser.InlineImportContext inlineImport, String kind) {
        if (inlineImport != null) {
            requireNoDefinitionYet(inlineImport.getStart());
        } else {
            lastDefinition = kind;
        }
        space.add(symbol(id));
    }

    /** Imports come first in every index space, so the text may not put one after a definition (spec §6.6.13). */
    private void requireNoDefinitionYet(Token importAt) {
        if (lastDefinition != null) {
            throw values.error(importAt, "import after " + lastDefinition);
        }
    }

    static Token symbol(TerminalNode node) {
        return node == null ? null : node.getSymbol();
    }
}
