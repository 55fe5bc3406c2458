package dev.jwdb.wat;

import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.TableType;

import java.util.ArrayList;
import java.util.List;

/** Test-only builder, so that each test names only the parts of a module it is about. */
final class TestModule {
    final List<FuncType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    int start = -1;
    final List<ElementSegment> elements = new ArrayList<>();
    final List<DataSegment> data = new ArrayList<>();
    int dataCount = -1;
    final List<CustomSection> customSections = new ArrayList<>();
    Names names = Names.EMPTY;

    Module build() {
        return new Module(types, imports, functions, tables, memories, globals, exports, start, elements, data,
                dataCount, customSections, names);
    }
}
