package dev.jwdb.wat;

import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds a {@link Module} from the parse tree of its fields, expanding the text format's abbreviations. Fields are
 * visited in text order, which is the order of each index space and of the implicit types.
 */
final class ModuleBuilder {
    private final IdentifierContext ids;
    private final TokenValues values;
    private final SegmentBuilder segments;

    private final List<Import> imports = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private int start = -1;
    private final Map<Integer, String> functionNames = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
    private final Map<Integer, String> globalNames = new HashMap<>();
    private int functionCount;
    private int tableCount;
    private int memoryCount;
    private int globalCount;
    private boolean usesDataSegments;

    private ModuleBuilder(IdentifierContext ids) {
        this.ids = ids;
        this.values = ids.values;
        this.segments = new SegmentBuilder(ids);
    }

    /** @param moduleId the {@code $name} of {@code (module $name ...)}, or null */
    static Module build(Token moduleId, List<WatParser.ModuleFieldContext> fields, TokenValues values) {
        ModuleBuilder builder = new ModuleBuilder(IdentifierContext.declare(fields, values));
        for (WatParser.ModuleFieldContext field : fields) {
            builder.field(field);
        }
        return builder.module(moduleId == null ? null : moduleId.getText().substring(1));
    }

    private Module module(String name) {
        int dataCount = usesDataSegments ? segments.data().size() : -1;
        Names names = new Names(name, functionNames, localNames, globalNames);
        return new Module(ids.types.all(), imports, functions, tables, memories, globals, exports, start,
                segments.elements(), segments.data(), dataCount, List.of(), names);
    }

    private void field(WatParser.ModuleFieldContext field) {
        if (field.importDef() != null) {
            importDef(field.importDef());
        } else if (field.funcDef() != null) {
            funcDef(field.funcDef());
        } else if (field.tableDef() != null) {
            tableDef(field.tableDef());
        } else if (field.memoryDef() != null) {
            memoryDef(field.memoryDef());
        } else if (field.globalDef() != null) {
            globalDef(field.globalDef());
        } else if (field.exportDef() != null) {
            exportDef(field.exportDef());
        } else if (field.startDef() != null) {
            start = ids.funcs.resolve(field.startDef().index());
        } else if (field.elemDef() != null) {
            segments.elemDef(field.elemDef());
        } else if (field.dataDef() != null) {
            segments.dataDef(field.dataDef());
        }
    }

    private void importDef(WatParser.ImportDefContext def) {
        String module = values.name(def.name(0).STRING().getSymbol());
        String name = values.name(def.name(1).STRING().getSymbol());
        WatParser.ImportDescContext desc = def.importDesc();
        if (desc instanceof WatParser.FuncImportContext f) {
            importFunction(module, name, IdentifierContext.symbol(f.ID()), f.typeUse(), f.getStart());
        } else if (desc instanceof WatParser.TableImportContext t) {
            imports.add(new Import(module, name, new ImportDesc.Table(tableType(t.tableType()))));
            tableCount++;
        } else if (desc instanceof WatParser.MemoryImportContext m) {
            imports.add(new Import(module, name, new ImportDesc.Memory(new MemoryType(limits(m.limits())))));
            memoryCount++;
        } else {
            WatParser.GlobalImportContext g = (WatParser.GlobalImportContext) desc;
            importGlobal(module, name, IdentifierContext.symbol(g.ID()), g.globalType());
        }
    }

    private void importFunction(String module, String name, Token id, WatParser.TypeUseContext use, Token at) {
        int typeIndex = ids.types.funcType(use, at);
        imports.add(new Import(module, name, new ImportDesc.Func(typeIndex)));
        Map<Integer, String> localIds = new HashMap<>();
        localsOf(use, typeIndex, localIds);
        nameFunction(id, localIds);
    }

    private void importGlobal(String module, String name, Token id, WatParser.GlobalTypeContext type) {
        imports.add(new Import(module, name, new ImportDesc.Global(globalType(type))));
        nameGlobal(id);
    }

    private void funcDef(WatParser.FuncDefContext def) {
        Token id = IdentifierContext.symbol(def.ID());
        inlineExports(def.inlineExport(), ExternKind.FUNC, functionCount);
        if (def.inlineImport() != null) {
            importFunction(importModule(def.inlineImport()), importName(def.inlineImport()), id, def.typeUse(),
                    def.getStart());
            return;
        }
        int typeIndex = ids.types.funcType(def.typeUse(), def.getStart());
        Map<Integer, String> localIds = new HashMap<>();
        IndexSpace locals = localsOf(def.typeUse(), typeIndex, localIds);
        List<ValType> declared = new ArrayList<>();
        for (WatParser.LocalContext local : def.local()) {
            declared.addAll(declareLocals(locals, local.ID(), local.valType(), localIds));
        }
        ExpressionBuilder body = new ExpressionBuilder(ids, locals);
        List<Instruction> code = body.build(def.instr(), def.getStop());
        usesDataSegments |= body.usesDataSegments();
        functions.add(new Function(typeIndex, declared, code, -1));
        nameFunction(id, localIds);
    }

    /**
     * The parameters open a function's local index space. Written out, they may carry ids; given only by
     * {@code (type x)}, they are anonymous and their number comes from the type.
     */
    private IndexSpace localsOf(WatParser.TypeUseContext use, int typeIndex, Map<Integer, String> localIds) {
        IndexSpace locals = new IndexSpace("local", "local", values);
        if (use.typeRef() != null && TypeTable.paramTypes(use.param()).isEmpty()) {
            var type = ids.types.get(typeIndex);
            locals.addAnonymous(type == null ? 0 : type.params().size());
        }
        for (WatParser.ParamContext param : use.param()) {
            declareLocals(locals, param.ID(), param.valType(), localIds);
        }
        return locals;
    }

    private List<ValType> declareLocals(IndexSpace locals, TerminalNode id, List<WatParser.ValTypeContext> types,
                                        Map<Integer, String> localIds) {
        List<ValType> out = new ArrayList<>();
        for (WatParser.ValTypeContext t : types) {
            int index = locals.add(IdentifierContext.symbol(id));
            if (id != null) {
                localIds.put(index, id.getText().substring(1));
            }
            out.add(TypeTable.valType(t));
        }
        return out;
    }

    private void nameFunction(Token id, Map<Integer, String> localIds) {
        if (id != null) {
            functionNames.put(functionCount, id.getText().substring(1));
        }
        if (!localIds.isEmpty()) {
            localNames.put(functionCount, Map.copyOf(localIds));
        }
        functionCount++;
    }

    private void tableDef(WatParser.TableDefContext def) {
        inlineExports(def.inlineExport(), ExternKind.TABLE, tableCount);
        if (def.inlineImport() != null) {
            TableType type = tableType(def.tableType());
            imports.add(new Import(importModule(def.inlineImport()), importName(def.inlineImport()),
                    new ImportDesc.Table(type)));
        } else if (def.tableType() != null) {
            tables.add(tableType(def.tableType()));
        } else {
            int size = segments.inlineElements(def, tableCount);
            tables.add(new TableType(refType(def.refType()), new Limits(size, size)));
        }
        tableCount++;
    }

    private void memoryDef(WatParser.MemoryDefContext def) {
        inlineExports(def.inlineExport(), ExternKind.MEMORY, memoryCount);
        if (def.inlineImport() != null) {
            imports.add(new Import(importModule(def.inlineImport()), importName(def.inlineImport()),
                    new ImportDesc.Memory(new MemoryType(limits(def.limits())))));
        } else if (def.limits() != null) {
            memories.add(new MemoryType(limits(def.limits())));
        } else {
            long pages = segments.inlineData(def, memoryCount);
            memories.add(new MemoryType(new Limits(pages, pages)));
        }
        memoryCount++;
    }

    private void globalDef(WatParser.GlobalDefContext def) {
        inlineExports(def.inlineExport(), ExternKind.GLOBAL, globalCount);
        if (def.inlineImport() != null) {
            importGlobal(importModule(def.inlineImport()), importName(def.inlineImport()),
                    IdentifierContext.symbol(def.ID()), def.globalType());
            return;
        }
        List<Instruction> init = new ExpressionBuilder(ids, null).build(def.instr(), def.getStop());
        globals.add(new Global(globalType(def.globalType()), init));
        nameGlobal(IdentifierContext.symbol(def.ID()));
    }

    private void nameGlobal(Token id) {
        if (id != null) {
            globalNames.put(globalCount, id.getText().substring(1));
        }
        globalCount++;
    }

    private void exportDef(WatParser.ExportDefContext def) {
        String name = values.name(def.name().STRING().getSymbol());
        WatParser.ExternKindContext kind = def.externKind();
        if (kind.FUNC() != null) {
            exports.add(new Export(name, ExternKind.FUNC, ids.funcs.resolve(def.index())));
        } else if (kind.TABLE() != null) {
            exports.add(new Export(name, ExternKind.TABLE, ids.tables.resolve(def.index())));
        } else if (kind.MEMORY() != null) {
            exports.add(new Export(name, ExternKind.MEMORY, ids.memories.resolve(def.index())));
        } else {
            exports.add(new Export(name, ExternKind.GLOBAL, ids.globals.resolve(def.index())));
        }
    }

    private void inlineExports(List<WatParser.InlineExportContext> inline, ExternKind kind, int index) {
        for (WatParser.InlineExportContext export : inline) {
            exports.add(new Export(values.name(export.name().STRING().getSymbol()), kind, index));
        }
    }

    private String importModule(WatParser.InlineImportContext inline) {
        return values.name(inline.name(0).STRING().getSymbol());
    }

    private String importName(WatParser.InlineImportContext inline) {
        return values.name(inline.name(1).STRING().getSymbol());
    }

    private TableType tableType(WatParser.TableTypeContext type) {
        return new TableType(refType(type.refType()), limits(type.limits()));
    }

    private Limits limits(WatParser.LimitsContext limits) {
        long min = values.u32(limits.NAT(0).getSymbol());
        long max = limits.NAT().size() > 1 ? values.u32(limits.NAT(1).getSymbol()) : Limits.NO_MAX;
        return new Limits(min, max);
    }

    private static GlobalType globalType(WatParser.GlobalTypeContext type) {
        return new GlobalType(TypeTable.valType(type.valType()), type.MUT() != null);
    }

    static ValType refType(WatParser.RefTypeContext type) {
        return type.FUNCREF() != null ? ValType.FUNCREF : ValType.EXTERNREF;
    }
}
