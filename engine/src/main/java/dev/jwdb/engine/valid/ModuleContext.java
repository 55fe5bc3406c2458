package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.BitSet;
import java.util.List;

/**
 * The spec's validation context C: every index space of the module, looked up in constant time. Each lookup throws
 * the spec's "unknown ..." error for an index that does not exist. Indices are compared unsigned because a u32 from
 * the binary above 2^31 arrives here as a negative int.
 */
final class ModuleContext {
    private final List<FuncType> types;
    private final FuncType[] functions;
    private final TableType[] tables;
    private final MemoryType[] memories;
    private final GlobalType[] globals;
    private final int importedGlobals;
    private final ValType[] elementTypes;
    private final int dataSegments;
    private final BitSet declaredFunctions;

    private ModuleContext(Module module, FuncType[] functions) {
        this.types = module.types();
        this.functions = functions;
        this.tables = module.allTables().toArray(TableType[]::new);
        this.memories = module.allMemories().toArray(MemoryType[]::new);
        this.globals = module.allGlobalTypes().toArray(GlobalType[]::new);
        this.importedGlobals = module.importedGlobalCount();
        this.elementTypes = module.elements().stream().map(ElementSegment::type).toArray(ValType[]::new);
        this.dataSegments = module.data().size();
        this.declaredFunctions = declaredFunctions(module);
    }

    /** Builds the context; every function's type index must already be known to exist. */
    static ModuleContext of(Module module) {
        List<Integer> typeIndices = module.functionTypeIndices();
        FuncType[] functions = new FuncType[typeIndices.size()];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = module.types().get(typeIndices.get(i));
        }
        return new ModuleContext(module, functions);
    }

    /**
     * The spec's C.refs: functions that may be named by ref.func inside a function body, because they occur outside
     * of function bodies (exports, element segments, global initializers, segment offsets).
     */
    private static BitSet declaredFunctions(Module module) {
        BitSet declared = new BitSet();
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() >= 0) {
                declared.set(e.index());
            }
        }
        for (Global g : module.globals()) {
            declareIn(g.init(), declared);
        }
        for (ElementSegment segment : module.elements()) {
            segment.init().forEach(item -> declareIn(item, declared));
            if (segment.mode() instanceof ElementSegment.Active active) {
                declareIn(active.offset(), declared);
            }
        }
        for (DataSegment segment : module.data()) {
            if (segment.mode() instanceof DataSegment.Active active) {
                declareIn(active.offset(), declared);
            }
        }
        return declared;
    }

    private static void declareIn(List<Instruction> expression, BitSet declared) {
        for (Instruction ins : expression) {
            if (ins.opcode() == Opcode.REF_FUNC && ins.index() >= 0) {
                declared.set(ins.index());
            }
        }
    }

    FuncType type(int index) {
        check(index, types.size(), "unknown type ");
        return types.get(index);
    }

    FuncType function(int index) {
        check(index, functions.length, "unknown function ");
        return functions[index];
    }

    int functionCount() {
        return functions.length;
    }

    TableType table(int index) {
        check(index, tables.length, "unknown table ");
        return tables[index];
    }

    int tableCount() {
        return tables.length;
    }

    MemoryType memory(int index) {
        check(index, memories.length, "unknown memory ");
        return memories[index];
    }

    int memoryCount() {
        return memories.length;
    }

    GlobalType global(int index) {
        check(index, globals.length, "unknown global ");
        return globals[index];
    }

    int globalCount() {
        return globals.length;
    }

    /**
     * A global as seen from a constant expression: Wasm 2.0 lets those read imported globals only, so a
     * module-defined global is as unknown there as a missing one.
     */
    GlobalType importedGlobal(int index) {
        check(index, importedGlobals, "unknown global ");
        return globals[index];
    }

    ValType elementSegment(int index) {
        check(index, elementTypes.length, "unknown elem segment ");
        return elementTypes[index];
    }

    void dataSegment(int index) {
        check(index, dataSegments, "unknown data segment ");
    }

    boolean isDeclared(int functionIndex) {
        return declaredFunctions.get(functionIndex);
    }

    private static void check(int index, int count, String unknown) {
        if (Integer.compareUnsigned(index, count) >= 0) {
            throw new InvalidException(unknown + Integer.toUnsignedString(index));
        }
    }
}
