package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validation phase: checks that a decoded or parsed module is valid per WebAssembly 2.0 before it may be
 * instantiated. Errors are {@link InvalidException}s whose message starts with the spec's wording and ends with
 * where the problem is.
 */
public final class Validator {
    private static final long MAX_MEMORY_PAGES = 65536;
    private static final long MAX_TABLE_SIZE = 0xFFFF_FFFFL;

    private final Module module;

    private Validator(Module module) {
        this.module = module;
    }

    public static void validate(Module module) {
        new Validator(module).run();
    }

    /**
     * The operand types just before body instruction {@code instruction} of function {@code functionIndex} (function
     * index space, imports first) of a valid module, bottom first; null for a type unreachable code cannot know.
     */
    public static List<ValType> operandTypes(Module module, int functionIndex, int instruction) {
        FunctionValidator v = new FunctionValidator(ModuleContext.of(module), module.names());
        return v.operandsBefore(functionIndex,
                module.functions().get(functionIndex - module.importedFunctionCount()), instruction);
    }

    private void run() {
        checkImports();
        checkFunctionTypeIndices();
        ModuleContext context = ModuleContext.of(module);
        for (int i = 0; i < module.tables().size(); i++) {
            TableType table = module.tables().get(i);
            at("table " + (module.importedTableCount() + i), () -> checkTable(table));
        }
        for (int i = 0; i < module.memories().size(); i++) {
            MemoryType memory = module.memories().get(i);
            at("memory " + (module.importedMemoryCount() + i), () -> checkMemory(memory));
        }
        if (context.memoryCount() > 1) {
            throw new InvalidException("multiple memories: the module has " + context.memoryCount()
                    + ", at most one is allowed");
        }
        checkGlobals(context);
        checkElements(context);
        checkData(context);
        checkStart(context);
        checkExports(context);
        FunctionValidator bodies = new FunctionValidator(context, module.names());
        int imported = module.importedFunctionCount();
        for (int i = 0; i < module.functions().size(); i++) {
            bodies.validate(imported + i, module.functions().get(i));
        }
    }

    private void checkImports() {
        List<Import> imports = module.imports();
        for (int i = 0; i < imports.size(); i++) {
            Import imp = imports.get(i);
            at("import " + i + " \"" + imp.module() + "\" \"" + imp.name() + "\"", () -> {
                if (imp.desc() instanceof ImportDesc.Func func) {
                    typeAt(func.typeIndex());
                } else if (imp.desc() instanceof ImportDesc.Table table) {
                    checkTable(table.type());
                } else if (imp.desc() instanceof ImportDesc.Memory memory) {
                    checkMemory(memory.type());
                }
            });
        }
    }

    private void checkFunctionTypeIndices() {
        int imported = module.importedFunctionCount();
        for (int i = 0; i < module.functions().size(); i++) {
            int typeIndex = module.functions().get(i).typeIndex();
            at(ErrorLocation.function(imported + i, module.names()), () -> typeAt(typeIndex));
        }
    }

    private void typeAt(int index) {
        if (Integer.compareUnsigned(index, module.types().size()) >= 0) {
            throw new InvalidException("unknown type " + Integer.toUnsignedString(index));
        }
    }

    private static void checkTable(TableType table) {
        if (!table.elementType().isReference()) {
            throw new InvalidException("type mismatch: table elements must be references, not "
                    + table.elementType());
        }
        checkLimits(table.limits(), MAX_TABLE_SIZE, "table size must be at most 2^32-1");
    }

    private static void checkMemory(MemoryType memory) {
        checkLimits(memory.limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)");
    }

    private static void checkLimits(Limits limits, long bound, String tooLarge) {
        if (limits.min() < 0 || limits.min() > bound) {
            throw new InvalidException(tooLarge + ": minimum is " + limits.min());
        }
        if (limits.hasMax()) {
            if (limits.max() < 0 || limits.max() > bound) {
                throw new InvalidException(tooLarge + ": maximum is " + limits.max());
            }
            if (limits.min() > limits.max()) {
                throw new InvalidException("size minimum must not be greater than maximum: "
                        + limits.min() + " > " + limits.max());
            }
        }
    }

    private void checkGlobals(ModuleContext context) {
        int imported = module.importedGlobalCount();
        for (int i = 0; i < module.globals().size(); i++) {
            Global global = module.globals().get(i);
            ConstantExpressionValidator.validate(global.init(), global.type().type(), context,
                    "global " + (imported + i));
        }
    }

    private void checkElements(ModuleContext context) {
        List<ElementSegment> elements = module.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment segment = elements.get(i);
            String where = "elem " + i;
            if (!segment.type().isReference()) {
                throw new InvalidException("type mismatch: element segments hold references, not "
                        + segment.type() + " at " + where);
            }
            for (int item = 0; item < segment.init().size(); item++) {
                ConstantExpressionValidator.validate(segment.init().get(item), segment.type(), context,
                        where + " item " + item);
            }
            if (segment.mode() instanceof ElementSegment.Active active) {
                at(where, () -> {
                    ValType tableType = context.table(active.table()).elementType();
                    if (tableType != segment.type()) {
                        throw new InvalidException("type mismatch: " + segment.type()
                                + " elements cannot initialize a table of " + tableType);
                    }
                });
                ConstantExpressionValidator.validate(active.offset(), ValType.I32, context,
                        where + " offset expression");
            }
        }
    }

    private void checkData(ModuleContext context) {
        List<DataSegment> data = module.data();
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).mode() instanceof DataSegment.Active active) {
                String where = "data " + i;
                at(where, () -> context.memory(active.memory()));
                ConstantExpressionValidator.validate(active.offset(), ValType.I32, context,
                        where + " offset expression");
            }
        }
    }

    private void checkStart(ModuleContext context) {
        int start = module.start();
        if (start == -1) {
            return;
        }
        at("start", () -> {
            FuncType type = context.function(start);
            if (!type.params().isEmpty() || !type.results().isEmpty()) {
                throw new InvalidException("start function must have type [] -> [], "
                        + ErrorLocation.function(start, module.names()) + " has " + type);
            }
        });
    }

    private void checkExports(ModuleContext context) {
        Set<String> names = new HashSet<>();
        for (Export export : module.exports()) {
            at("export \"" + export.name() + "\"", () -> {
                if (!names.add(export.name())) {
                    throw new InvalidException("duplicate export name \"" + export.name() + "\"");
                }
                switch (export.kind()) {
                    case FUNC -> context.function(export.index());
                    case TABLE -> context.table(export.index());
                    case MEMORY -> context.memory(export.index());
                    case GLOBAL -> context.global(export.index());
                }
            });
        }
    }

    private static void at(String where, Runnable check) {
        try {
            check.run();
        } catch (InvalidException e) {
            throw ErrorLocation.at(e, where);
        }
    }
}
