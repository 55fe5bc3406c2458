package dev.jwdb.engine.testing;

import dev.jwdb.engine.model.BlockType;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds model modules for tests. Bodies are written as a tiny assembly: one instruction per line or separated by
 * {@code ;}, mnemonic then plain immediates ({@code block i32}, {@code block t2} for a type index, {@code br_table 0 1 2}
 * with the default last, {@code i32.load offset=4}, {@code f32.const bits=0x7fa00000}). Everything is a plain
 * number: no names, no folded forms.
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
    private int start = -1;

    public static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    public static List<ValType> t(ValType... types) {
        return List.of(types);
    }

    public int type(FuncType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        types.add(type);
        return types.size() - 1;
    }

    /** Adds a function and returns its index in the function index space. */
    public int func(FuncType type, List<ValType> locals, String body) {
        functions.add(new Function(type(type), locals, assemble(body), -1));
        return importedFunctions() + functions.size() - 1;
    }

    /** Adds a function and exports it under {@code name}. */
    public int export(String name, FuncType type, List<ValType> locals, String body) {
        int index = func(type, locals, body);
        exports.add(new Export(name, ExternKind.FUNC, index));
        return index;
    }

    public TestModule exportAs(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    public int importFunc(String module, String name, FuncType type) {
        imports.add(new Import(module, name, new ImportDesc.Func(type(type))));
        return importedFunctions() - 1;
    }

    public TestModule importTable(String module, String name, ValType element, long min, long max) {
        imports.add(new Import(module, name, new ImportDesc.Table(new TableType(element, new Limits(min, max)))));
        return this;
    }

    public TestModule importMemory(String module, String name, long min, long max) {
        imports.add(new Import(module, name, new ImportDesc.Memory(new MemoryType(new Limits(min, max)))));
        return this;
    }

    public TestModule importGlobal(String module, String name, ValType type, boolean mutable) {
        imports.add(new Import(module, name, new ImportDesc.Global(new GlobalType(type, mutable))));
        return this;
    }

    public TestModule memory(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max)));
        return this;
    }

    public TestModule table(ValType element, long min, long max) {
        tables.add(new TableType(element, new Limits(min, max)));
        return this;
    }

    public TestModule global(ValType type, boolean mutable, String init) {
        globals.add(new Global(new GlobalType(type, mutable), assemble(init)));
        return this;
    }

    public TestModule activeData(int offset, byte... bytes) {
        data.add(new DataSegment(bytes, new DataSegment.Active(0, assemble("i32.const " + offset))));
        return this;
    }

    public TestModule passiveData(byte... bytes) {
        data.add(new DataSegment(bytes, new DataSegment.Passive()));
        return this;
    }

    /** An active funcref segment into table 0 listing function indices. */
    public TestModule activeElements(int offset, int... functionIndices) {
        elements.add(new ElementSegment(ValType.FUNCREF, refFuncs(functionIndices),
                new ElementSegment.Active(0, assemble("i32.const " + offset))));
        return this;
    }

    public TestModule passiveElements(int... functionIndices) {
        elements.add(new ElementSegment(ValType.FUNCREF, refFuncs(functionIndices), new ElementSegment.Passive()));
        return this;
    }

    public TestModule start(int function) {
        start = function;
        return this;
    }

    public Module build() {
        return new Module(types, imports, functions, tables, memories, globals, exports, start, elements, data,
                -1, List.of(), Names.EMPTY);
    }

    private int importedFunctions() {
        return (int) imports.stream().filter(i -> i.desc() instanceof ImportDesc.Func).count();
    }

    private static List<List<Instruction>> refFuncs(int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> assemble("ref.func " + i)).toList();
    }

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
