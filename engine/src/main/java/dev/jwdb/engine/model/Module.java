package dev.jwdb.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded or parsed module, before validation. Index spaces put imports first, as in the spec.
 * {@code start} is -1 when there is no start function; {@code dataCount} is -1 when there is no data count section.
 */
public record Module(List<FuncType> types, List<Import> imports, List<Function> functions, List<TableType> tables,
                     List<MemoryType> memories, List<Global> globals, List<Export> exports, int start,
                     List<ElementSegment> elements, List<DataSegment> data, int dataCount,
                     List<CustomSection> customSections, Names names) {

    public Module {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
        names = names == null ? Names.EMPTY : names;
    }

    private List<ImportDesc> importsOf(ExternKind kind) {
        List<ImportDesc> out = new ArrayList<>();
        for (Import i : imports) {
            if (i.desc().kind() == kind) {
                out.add(i.desc());
            }
        }
        return out;
    }

    public int importedFunctionCount() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Func).count();
    }

    public int importedTableCount() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Table).count();
    }

    public int importedMemoryCount() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Memory).count();
    }

    public int importedGlobalCount() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Global).count();
    }

    /** Type indices of every function in the function index space (imports first). */
    public List<Integer> functionTypeIndices() {
        List<Integer> out = new ArrayList<>();
        for (ImportDesc d : importsOf(ExternKind.FUNC)) {
            out.add(((ImportDesc.Func) d).typeIndex());
        }
        for (Function f : functions) {
            out.add(f.typeIndex());
        }
        return out;
    }

    /** Every table in the table index space (imports first). */
    public List<TableType> allTables() {
        List<TableType> out = new ArrayList<>();
        for (ImportDesc d : importsOf(ExternKind.TABLE)) {
            out.add(((ImportDesc.Table) d).type());
        }
        out.addAll(tables);
        return out;
    }

    /** Every memory in the memory index space (imports first). */
    public List<MemoryType> allMemories() {
        List<MemoryType> out = new ArrayList<>();
        for (ImportDesc d : importsOf(ExternKind.MEMORY)) {
            out.add(((ImportDesc.Memory) d).type());
        }
        out.addAll(memories);
        return out;
    }

    /** Every global's type in the global index space (imports first). */
    public List<GlobalType> allGlobalTypes() {
        List<GlobalType> out = new ArrayList<>();
        for (ImportDesc d : importsOf(ExternKind.GLOBAL)) {
            out.add(((ImportDesc.Global) d).type());
        }
        for (Global g : globals) {
            out.add(g.type());
        }
        return out;
    }
}
