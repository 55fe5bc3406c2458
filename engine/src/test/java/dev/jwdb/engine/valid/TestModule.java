package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
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
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds small modules for validator tests. Signatures are written as in the opcode table ("ii:I"), with 'r' for
 * funcref and 'e' for externref; bodies and constant expressions get their final {@code end} added.
 */
final class TestModule {
    private final List<FuncType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();
    private final List<TableType> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final Map<Integer, String> functionNames = new HashMap<>();
    private int start = -1;

    static TestModule module() {
        return new TestModule();
    }

    static List<ValType> types(String letters) {
        List<ValType> out = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'i' -> ValType.I32;
                case 'I' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'F' -> ValType.F64;
                case 'v' -> ValType.V128;
                case 'r' -> ValType.FUNCREF;
                case 'e' -> ValType.EXTERNREF;
                default -> throw new IllegalArgumentException("type letter " + c);
            });
        }
        return out;
    }

    static FuncType signature(String signature) {
        int colon = signature.indexOf(':');
        return new FuncType(types(signature.substring(0, colon)), types(signature.substring(colon + 1)));
    }

    /** The index of the type, added when not yet present. */
    int type(String signature) {
        FuncType type = signature(signature);
        int index = types.indexOf(type);
        if (index >= 0) {
            return index;
        }
        types.add(type);
        return types.size() - 1;
    }

    /** Adds a type even when an equal one exists, so tests can name a fresh index. */
    TestModule addType(String signature) {
        types.add(signature(signature));
        return this;
    }

    TestModule func(String signature, Instruction... body) {
        return funcWithLocals(signature, "", body);
    }

    TestModule funcWithLocals(String signature, String locals, Instruction... body) {
        return rawFunc(type(signature), types(locals), withEnd(body));
    }

    /** A function whose body is taken as is, without an added end. */
    TestModule rawFunc(int typeIndex, List<ValType> locals, List<Instruction> body) {
        functions.add(new Function(typeIndex, locals, body, -1));
        return this;
    }

    TestModule importFunc(String signature) {
        imports.add(new Import("env", "f" + imports.size(), new ImportDesc.Func(type(signature))));
        return this;
    }

    TestModule importFuncOfType(int typeIndex) {
        imports.add(new Import("env", "f" + imports.size(), new ImportDesc.Func(typeIndex)));
        return this;
    }

    TestModule importGlobal(ValType type, boolean mutable) {
        imports.add(new Import("env", "g" + imports.size(), new ImportDesc.Global(new GlobalType(type, mutable))));
        return this;
    }

    TestModule importTable(ValType element, long min, long max) {
        imports.add(new Import("env", "t" + imports.size(),
                new ImportDesc.Table(new TableType(element, new Limits(min, max)))));
        return this;
    }

    TestModule importMemory(long min, long max) {
        imports.add(new Import("env", "m" + imports.size(),
                new ImportDesc.Memory(new MemoryType(new Limits(min, max)))));
        return this;
    }

    TestModule table(ValType element, long min, long max) {
        tables.add(new TableType(element, new Limits(min, max)));
        return this;
    }

    TestModule table(ValType element) {
        return table(element, 1, Limits.NO_MAX);
    }

    TestModule memory(long min, long max) {
        memories.add(new MemoryType(new Limits(min, max)));
        return this;
    }

    TestModule memory() {
        return memory(1, Limits.NO_MAX);
    }

    TestModule global(ValType type, boolean mutable, Instruction... init) {
        globals.add(new Global(new GlobalType(type, mutable), withEnd(init)));
        return this;
    }

    TestModule export(String name, ExternKind kind, int index) {
        exports.add(new Export(name, kind, index));
        return this;
    }

    TestModule start(int function) {
        start = function;
        return this;
    }

    /** An active element segment for {@code table} at {@code offset}, each item one constant instruction. */
    TestModule activeElem(int table, ValType type, Instruction offset, Instruction... items) {
        elements.add(new ElementSegment(type, items(items), new ElementSegment.Active(table, withEnd(offset))));
        return this;
    }

    TestModule passiveElem(ValType type, Instruction... items) {
        elements.add(new ElementSegment(type, items(items), new ElementSegment.Passive()));
        return this;
    }

    TestModule declarativeElem(ValType type, Instruction... items) {
        elements.add(new ElementSegment(type, items(items), new ElementSegment.Declarative()));
        return this;
    }

    /** An element segment with arbitrary item expressions (each given without its end). */
    TestModule elemWithItems(ValType type, ElementSegment.Mode mode, List<List<Instruction>> items) {
        elements.add(new ElementSegment(type, items.stream().map(TestModule::withEnd).toList(), mode));
        return this;
    }

    TestModule activeData(int memory, Instruction... offset) {
        data.add(new DataSegment(new byte[] {1, 2, 3}, new DataSegment.Active(memory, withEnd(offset))));
        return this;
    }

    TestModule passiveData() {
        data.add(new DataSegment(new byte[] {1, 2, 3}, new DataSegment.Passive()));
        return this;
    }

    TestModule name(int function, String name) {
        functionNames.put(function, name);
        return this;
    }

    Module build() {
        return new Module(types, imports, functions, tables, memories, globals, exports, start, elements, data,
                data.isEmpty() ? -1 : data.size(), List.of(),
                new Names(null, functionNames, Map.of(), Map.of()));
    }

    void assertValid() {
        Module module = build();
        assertDoesNotThrow(() -> Validator.validate(module));
    }

    /** Asserts the module is invalid with a message starting with the spec's {@code wording}; returns it. */
    String assertInvalid(String wording) {
        Module module = build();
        InvalidException e = assertThrows(InvalidException.class, () -> Validator.validate(module));
        assertTrue(e.getMessage().startsWith(wording),
                () -> "expected a message starting with \"" + wording + "\" but got \"" + e.getMessage() + "\"");
        return e.getMessage();
    }

    static List<Instruction> withEnd(Instruction... instructions) {
        List<Instruction> out = new ArrayList<>(Arrays.asList(instructions));
        out.add(Instruction.of(Opcode.END));
        return out;
    }

    private static List<Instruction> withEnd(List<Instruction> instructions) {
        return withEnd(instructions.toArray(Instruction[]::new));
    }

    private static List<List<Instruction>> items(Instruction... items) {
        return Arrays.stream(items).map(TestModule::withEnd).toList();
    }
}
