package dev.jwdb.engine.testing;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.valid.Validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds model modules for tests, valid or not, so that each test names only the parts of a module it is about.
 *
 * <p>Bodies come in two notations. As text, a tiny assembly ({@link #assemble}): one instruction per line or
 * separated by {@code ;}, mnemonic then plain immediates ({@code block i32}, {@code block t2} for a type index,
 * {@code br_table 0 1 2} with the default last, {@code i32.load offset=4}, {@code f32.const bits=0x7fa00000});
 * everything is a plain number, no names, no folded forms. Or as {@link Instruction}s, for instructions a test
 * builds itself (with offsets or source lines, or invalid ones). Either way the final {@code end} is added, except
 * by {@link #rawFunc}. Signatures are {@link FuncType}s ({@link #sig}, {@link #t}) or written as in the opcode table
 * ({@code "ii:I"}, with 'r' for funcref and 'e' for externref).
 *
 * <p>Adders that name what they add return its index; the others return the builder.
 */
public final class TestModule {
    private final List<FuncType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customSections = new ArrayList<>();
    private final Map<Integer, String> functionNames = new HashMap<>();
    private Names names;
    private int start = -1;
    /** The data count section: unset means one exactly when there are data segments. */
    private Integer dataCount;

    public static TestModule module() {
        return new TestModule();
    }

    // ---- signatures ----

    public static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    public static List<ValType> t(ValType... types) {
        return List.of(types);
    }

    /** Types written as letters: i I f F for i32 i64 f32 f64, v for v128, r funcref, e externref. */
    public static List<ValType> types(String letters) {
        return new ArrayList<>(ValType.ofLetters(letters));
    }

    /** A signature written as "params:results" in type letters. */
    public static FuncType signature(String signature) {
        int colon = signature.indexOf(':');
        return new FuncType(types(signature.substring(0, colon)), types(signature.substring(colon + 1)));
    }

    // ---- types and functions ----

    /** The index of the type, added when not yet present. */
    public int type(FuncType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        types.add(type);
        return types.size() - 1;
    }

    public int type(String signature) {
        return type(signature(signature));
    }

    /** Adds a type even when an equal one exists, so tests can name a fresh index. */
    public TestModule addType(String signature) {
        types.add(signature(signature));
        return this;
    }

    /** Adds a function whose body is assembly text and returns its index in the function index space. */
    public int func(FuncType type, List<ValType> locals, String body) {
        rawFunc(type(type), locals, assemble(body));
        return importedFunctions() + functions.size() - 1;
    }

    /** Adds a function and exports it under {@code name}; returns its index. */
    public int export(String name, FuncType type, List<ValType> locals, String body) {
        int index = func(type, locals, body);
        exports.add(new Export(name, ExternKind.FUNC, index));
        return index;
    }

    public TestModule func(String signature, Instruction... body) {
        return funcWithLocals(signature, "", body);
    }

    public TestModule funcWithLocals(String signature, String locals, Instruction... body) {
        return rawFunc(type(signature), types(locals), withEnd(body));
    }

    /** A function whose body is taken as is, without an added end. */
    public TestModule rawFunc(int typeIndex, List<ValType> locals, List<Instruction> body) {
        functions.add(new Function(typeIndex, locals, body, -1));
        return this;
    }

    // ---- imports ----

    public int importFunc(String module, String name, FuncType type) {
        imports.add(new Import(module, name, new ImportDesc.Func(type(type))));
        return importedFunctions() - 1;
    }

    /** Imports a function from "env", named after its position among the imports (f0, f1, ...). */
    public TestModule importFunc(String signature) {
        return importFuncOfType(type(signature));
    }

    public TestModule importFuncOfType(int typeIndex) {
        imports.add(new Import("env", "f" + imports.size(), new ImportDesc.Func(typeIndex)));
        return this;
    }

    public TestModule importTable(String module, String name, ValType element, long min, long max) {
        imports.add(new Import(module, name, new ImportDesc.Table(new TableType(element, new Limits(min, max)))));
        return this;
    }

    public TestModule importTable(ValType element, long min, long max) {
        return importTable("env", "t" + imports.size(), element, min, max);
    }

    public TestModule importMemory(String module, String name, long min, long max) {
        imports.add(new Import(module, name, new ImportDesc.Memory(new MemoryType(new Limits(min, max)))));
        return this;
    }

    public TestModule importMemory(long min, long max) {
        return importMemory("env", "m" + imports.size(), min, max);
    }

    public TestModule importGlobal(String module, String name, ValType type, boolean mutable) {
        imports.add(new Import(module, name, new ImportDesc.Global(new GlobalType(type, mutable))));
        return this;
    }

    public TestModule importGlobal(ValType type, boolean mutable) {
        return importGlobal("env", "g" + imports.size(), type, mutable);
    }

    // ---- tables, memories, globals, exports, start ----

    public TestModule table(ValType element, long min, long max) {
        tables.add(new TableType(element, new Limits(min, max)));
        return this;
    }

    public TestModule table(ValType element) {
        return table(element, 1, Limits.NO_MAX);
    }

    public TestModule memory(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max)));
        return this;
    }

    public TestModule memory() {
        return memory(1, Limits.NO_MAX);
    }

    public TestModule global(ValType type, boolean mutable, String init) {
        globals.add(new Global(new GlobalType(type, mutable), assemble(init)));
        return this;
    }

    public TestModule global(ValType type, boolean mutable, Instruction... init) {
        globals.add(new Global(new GlobalType(type, mutable), withEnd(init)));
        return this;
    }

    public TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    public TestModule start(int function) {
        start = function;
        return this;
    }

    // ---- element segments ----

    public TestModule element(ElementSegment segment) {
        elements.add(segment);
        return this;
    }

    /** An active funcref segment into table 0 listing function indices. */
    public TestModule activeElements(int offset, int... functionIndices) {
        return element(new ElementSegment(ValType.FUNCREF, refFuncs(functionIndices),
                new ElementSegment.Active(0, assemble("i32.const " + offset))));
    }

    public TestModule passiveElements(int... functionIndices) {
        return element(new ElementSegment(ValType.FUNCREF, refFuncs(functionIndices), new ElementSegment.Passive()));
    }

    /** An active element segment for {@code table} at {@code offset}, each item one constant instruction. */
    public TestModule activeElem(int table, ValType type, Instruction offset, Instruction... items) {
        return element(new ElementSegment(type, items(items), new ElementSegment.Active(table, withEnd(offset))));
    }

    public TestModule passiveElem(ValType type, Instruction... items) {
        return element(new ElementSegment(type, items(items), new ElementSegment.Passive()));
    }

    public TestModule declarativeElem(ValType type, Instruction... items) {
        return element(new ElementSegment(type, items(items), new ElementSegment.Declarative()));
    }

    /** An element segment with arbitrary item expressions (each given without its end). */
    public TestModule elemWithItems(ValType type, ElementSegment.Mode mode, List<List<Instruction>> items) {
        return element(new ElementSegment(type, items.stream().map(TestModule::withEnd).toList(), mode));
    }

    // ---- data segments ----

    public TestModule data(DataSegment segment) {
        data.add(segment);
        return this;
    }

    /** Active data in memory 0 at {@code offset}. */
    public TestModule activeData(int offset, byte... bytes) {
        return data(new DataSegment(bytes, new DataSegment.Active(0, assemble("i32.const " + offset))));
    }

    /** Three bytes of active data in {@code memory}, at the offset these instructions compute. */
    public TestModule activeDataAt(int memory, Instruction... offset) {
        return data(new DataSegment(new byte[] {1, 2, 3}, new DataSegment.Active(memory, withEnd(offset))));
    }

    public TestModule passiveData(byte... bytes) {
        return data(new DataSegment(bytes, new DataSegment.Passive()));
    }

    /** Sets the data count section (-1: none), whatever the data segments are. */
    public TestModule dataCount(int count) {
        dataCount = count;
        return this;
    }

    // ---- names and custom sections ----

    public TestModule name(int function, String name) {
        functionNames.put(function, name);
        return this;
    }

    /** All the names at once, in place of those given by {@link #name}. */
    public TestModule names(Names all) {
        names = all;
        return this;
    }

    public TestModule custom(CustomSection section) {
        customSections.add(section);
        return this;
    }

    // ---- the module ----

    public Module build() {
        Names n = names != null ? names
                : functionNames.isEmpty() ? Names.EMPTY : new Names(null, functionNames, Map.of(), Map.of());
        return new Module(types, imports, functions, tables, memories, globals, exports, start, elements, data,
                dataCount != null ? dataCount : data.isEmpty() ? -1 : data.size(), customSections, n);
    }

    public void assertValid() {
        Module module = build();
        assertDoesNotThrow(() -> Validator.validate(module));
    }

    /** Asserts the module is invalid with a message starting with the spec's {@code wording}; returns it. */
    public String assertInvalid(String wording) {
        Module module = build();
        InvalidException e = assertThrows(InvalidException.class, () -> Validator.validate(module));
        assertTrue(e.getMessage().startsWith(wording),
                () -> "expected a message starting with \"" + wording + "\" but got \"" + e.getMessage() + "\"");
        return e.getMessage();
    }

    private int importedFunctions() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Func).count();
    }

    private static List<List<Instruction>> refFuncs(int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> assemble("ref.func " + i)).toList();
    }

    private static List<List<Instruction>> items(Instruction... items) {
        return Arrays.stream(items).map(TestModule::withEnd).toList();
    }

    public static List<Instruction> withEnd(Instruction... instructions) {
        List<Instruction> out = new ArrayList<>(Arrays.asList(instructions));
        out.add(Instruction.of(Opcode.END));
        return out;
    }

    private static List<Instruction> withEnd(List<Instruction> instructions) {
        return withEnd(instructions.toArray(Instruction[]::new));
    }

    // ---- the assembly ----

    /** Assembles a body or constant expression; the final {@code end} is added. */
    public static List<Instruction> assemble(String text) {
        List<Instruction> out = new ArrayList<>();
        for (String line : text.split("[;\n]")) {
            String[] w = line.trim().split("\\s+");
            if (w[0].isEmpty()) {
                continue;
            }
            Opcode op = Opcode.byMnemonic(w[0]);
            if (op == null) {
                throw new IllegalArgumentException("unknown mnemonic " + w[0]);
            }
            if (op == Opcode.SELECT && w.length > 1) {
                op = Opcode.SELECT_T;
            }
            out.add(Instruction.of(op, immediate(op, Arrays.copyOfRange(w, 1, w.length))));
        }
        out.add(Instruction.of(Opcode.END));
        return out;
    }

    private static Immediate immediate(Opcode op, String[] a) {
        return switch (op.immediate()) {
            case NONE -> Immediate.NONE;
            case BLOCK_TYPE -> new Immediate.Block(a.length == 0 ? BlockType.EMPTY
                    : a[0].startsWith("t") && a[0].length() > 1 && Character.isDigit(a[0].charAt(1))
                    ? new BlockType.TypeIndex(Integer.parseInt(a[0].substring(1)))
                    : new BlockType.Value(ValType.fromText(a[0])));
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM -> new Immediate.Index(Integer.parseInt(a[0]));
            case MEMORY -> new Immediate.Index(a.length == 0 ? 0 : Integer.parseInt(a[0]));
            case BR_TABLE -> {
                int[] all = Arrays.stream(a).mapToInt(Integer::parseInt).toArray();
                yield new Immediate.BrTable(Arrays.copyOf(all, all.length - 1), all[all.length - 1]);
            }
            case CALL_INDIRECT -> new Immediate.TwoIndex(Integer.parseInt(a[0]), a.length > 1 ? Integer.parseInt(a[1]) : 0);
            case MEMORY_INIT, TABLE_INIT -> new Immediate.TwoIndex(Integer.parseInt(a[0]), a.length > 1 ? Integer.parseInt(a[1]) : 0);
            case MEMORY_COPY, TABLE_COPY -> new Immediate.TwoIndex(a.length > 0 ? Integer.parseInt(a[0]) : 0,
                    a.length > 1 ? Integer.parseInt(a[1]) : 0);
            case MEMARG -> new Immediate.MemArg(0, a.length == 0 ? 0 : Long.parseLong(a[0].substring("offset=".length())), 0);
            case I32 -> new Immediate.I32((int) Long.decode(a[0]).longValue());
            case I64 -> new Immediate.I64(a[0].startsWith("0x") ? Long.parseUnsignedLong(a[0].substring(2), 16) : Long.parseLong(a[0]));
            case F32 -> new Immediate.F32(a[0].startsWith("bits=")
                    ? (int) Long.parseLong(a[0].substring(7), 16) : Float.floatToRawIntBits(Float.parseFloat(a[0])));
            case F64 -> new Immediate.F64(a[0].startsWith("bits=")
                    ? Long.parseUnsignedLong(a[0].substring(7), 16) : Double.doubleToRawLongBits(Double.parseDouble(a[0])));
            case SELECT_TYPES -> new Immediate.Types(Arrays.stream(a).map(ValType::fromText).toList());
            case REF_TYPE -> new Immediate.Ref(ValType.fromText(a[0]));
            default -> throw new IllegalArgumentException("no test syntax for " + op);
        };
    }
}
