package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module instance: the module plus the runtime entities its index spaces refer to (imports first). Methods marked
 * engine internal hand out live arrays for the interpreter and must not be used to change state from outside.
 */
public final class Instance {
    private static final byte[] DROPPED_DATA = new byte[0];
    private static final long[] DROPPED_ELEMENTS = new long[0];

    private final Module module;
    final FunctionInstance[] functions;
    final TableInstance[] tables;
    final MemoryInstance[] memories;
    final GlobalInstance[] globals;
    final int[] typeIds;
    final byte[][] data;
    final long[][] elements;
    final Map<String, ExternVal> exports = new LinkedHashMap<>();
    private List<FuncType> functionTypes;

    Instance(Module module, int[] typeIds) {
        this.module = module;
        this.typeIds = typeIds;
        this.functions = new FunctionInstance[module.importedFunctionCount() + module.functions().size()];
        this.tables = new TableInstance[module.importedTableCount() + module.tables().size()];
        this.memories = new MemoryInstance[module.importedMemoryCount() + module.memories().size()];
        this.globals = new GlobalInstance[module.importedGlobalCount() + module.globals().size()];
        this.data = new byte[module.data().size()][];
        this.elements = new long[module.elements().size()][];
    }

    public Module module() {
        return module;
    }

    /** The export called {@code name}, or null. */
    public ExternVal export(String name) {
        return exports.get(name);
    }

    /** Every export, in declaration order. */
    public Map<String, ExternVal> exports() {
        return Collections.unmodifiableMap(exports);
    }

    /** The module's start function, which instantiation calls last, or null when it has none. */
    public FunctionInstance startFunction() {
        return module.start() < 0 ? null : functions[module.start()];
    }

    public FunctionInstance function(int index) {
        return functions[index];
    }

    public TableInstance table(int index) {
        return tables[index];
    }

    public MemoryInstance memory(int index) {
        return memories[index];
    }

    public GlobalInstance global(int index) {
        return globals[index];
    }

    public int functionCount() {
        return functions.length;
    }

    public int tableCount() {
        return tables.length;
    }

    public int memoryCount() {
        return memories.length;
    }

    public int globalCount() {
        return globals.length;
    }

    /** The type of every function in the function index space; what the compiler needs to type calls. */
    public List<FuncType> functionTypes() {
        if (functionTypes == null) {
            FuncType[] types = new FuncType[functions.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = functions[i].type();
            }
            functionTypes = List.of(types);
        }
        return functionTypes;
    }

    /** Engine internal: the function index space. */
    public FunctionInstance[] functions() {
        return functions;
    }

    /** Engine internal: the global index space. */
    public GlobalInstance[] globals() {
        return globals;
    }

    /** Engine internal: the table index space. */
    public TableInstance[] tables() {
        return tables;
    }

    /** Engine internal: memory 0, or null when the module has none. */
    public MemoryInstance memoryOrNull() {
        return memories.length == 0 ? null : memories[0];
    }

    /** Engine internal: the store's canonical id for the module's type {@code typeIndex}. */
    public int typeId(int typeIndex) {
        return typeIds[typeIndex];
    }

    /** Engine internal: the bytes of data segment {@code index}, empty once dropped. */
    public byte[] dataSegment(int index) {
        return data[index];
    }

    /** Engine internal: data.drop, also applied to active segments once instantiation has copied them. */
    public void dropData(int index) {
        data[index] = DROPPED_DATA;
    }

    /** Engine internal: the reference slots of element segment {@code index}, empty once dropped. */
    public long[] elementSegment(int index) {
        return elements[index];
    }

    /** Engine internal: elem.drop, also applied to active and declarative segments at instantiation. */
    public void dropElements(int index) {
        elements[index] = DROPPED_ELEMENTS;
    }
}
