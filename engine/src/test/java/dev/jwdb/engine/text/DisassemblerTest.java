package dev.jwdb.engine.text;

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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.jwdb.engine.model.Instruction.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DisassemblerTest {
    private static final Instruction END = of(Opcode.END);

    private static Instruction i32(int value) {
        return of(Opcode.I32_CONST, new Immediate.I32(value));
    }

    private static Instruction indexed(Opcode op, int index) {
        return of(op, new Immediate.Index(index));
    }

    private static Module module(List<FuncType> types, List<Import> imports, List<Function> functions,
                                 List<Export> exports, Names names) {
        return new Module(types, imports, functions, List.of(), List.of(), List.of(), exports, -1, List.of(),
                List.of(), -1, List.of(), names);
    }

    private static Module factorial() {
        FuncType type = new FuncType(List.of(ValType.I64), List.of(ValType.I64));
        List<Instruction> body = List.of(
                indexed(Opcode.LOCAL_GET, 0),
                of(Opcode.I64_EQZ),
                of(Opcode.IF, new Immediate.Block(new BlockType.Value(ValType.I64))),
                of(Opcode.I64_CONST, new Immediate.I64(1)),
                of(Opcode.ELSE),
                indexed(Opcode.LOCAL_GET, 0),
                indexed(Opcode.LOCAL_GET, 0),
                of(Opcode.I64_CONST, new Immediate.I64(1)),
                of(Opcode.I64_SUB),
                indexed(Opcode.CALL, 0),
                of(Opcode.I64_MUL),
                END,
                END);
        Names names = new Names(null, Map.of(0, "fac"), Map.of(0, Map.of(0, "n")), Map.of());
        return module(List.of(type), List.of(), List.of(new Function(0, List.of(), body, -1)),
                List.of(new Export("fac", ExternKind.FUNC, 0)), names);
    }

    @Test
    void printsAFunctionWithNamesAndNestedBlocksLikeWasm2wat() {
        assertEquals("""
                (module
                  (type (;0;) (func (param i64) (result i64)))
                  (func $fac (type 0) (param $n i64) (result i64)
                    local.get $n
                    i64.eqz
                    if (result i64)  ;; label = @1
                      i64.const 1
                    else
                      local.get $n
                      local.get $n
                      i64.const 1
                      i64.sub
                      call $fac
                      i64.mul
                    end)
                  (export "fac" (func $fac)))
                """, Disassembler.module(factorial()));
    }

    @Test
    void functionListingHasOneLinePerInstructionIncludingTheFinalEnd() {
        List<String> lines = Disassembler.function(factorial(), 0);
        assertEquals(13, lines.size());
        assertEquals("local.get $n", lines.get(0));
        assertEquals("if (result i64)  ;; label = @1", lines.get(2));
        assertEquals("  i64.const 1", lines.get(3));
        assertEquals("else", lines.get(4));
        assertEquals("end", lines.get(11));
        assertEquals("end", lines.get(12));
    }

    @Test
    void listingLinesMarkTheCurrentInstructionAndKnowItsOffset() {
        Module m = factorial();
        List<Instruction> body = new java.util.ArrayList<>(m.functions().get(0).body());
        body.set(1, new Instruction(Opcode.I64_EQZ, Immediate.NONE, 0x2a, 0, 0));
        Module located = module(m.types(), List.of(), List.of(new Function(0, List.of(), body, 0x27)), m.exports(),
                m.names());
        List<Disassembler.Line> lines = Disassembler.functionLines(located, 0);
        Disassembler.Line current = lines.get(1);
        assertEquals(1, current.index());
        assertEquals(0x2a, current.offset());
        assertEquals("=> i64.eqz", current.render(true));
        assertEquals("     i64.const 1", lines.get(3).render(false));
        assertEquals(List.of("(func $fac (type 0) (param $n i64) (result i64)"),
                Disassembler.functionHeader(located, 0));
    }

    @Test
    void branchesShowTheAbsoluteLabelTheyTarget() {
        FuncType type = new FuncType(List.of(ValType.I32), List.of());
        List<Instruction> body = List.of(
                of(Opcode.BLOCK, new Immediate.Block(BlockType.EMPTY)),
                of(Opcode.LOOP, new Immediate.Block(BlockType.EMPTY)),
                indexed(Opcode.LOCAL_GET, 0),
                indexed(Opcode.BR_IF, 1),
                indexed(Opcode.LOCAL_GET, 1),
                of(Opcode.BR_TABLE, new Immediate.BrTable(new int[] {0, 1}, 2)),
                END,
                END,
                END);
        Module m = module(List.of(type), List.of(), List.of(new Function(0, List.of(ValType.I32), body, -1)),
                List.of(), Names.EMPTY);
        assertEquals(List.of(
                "block  ;; label = @1",
                "  loop  ;; label = @2",
                "    local.get 0",
                "    br_if 1 (;@1;)",
                "    local.get 1",
                "    br_table 0 (;@2;) 1 (;@1;) 2 (;@0;)",
                "  end",
                "end",
                "end"), Disassembler.function(m, 0));
        assertEquals(List.of("(func (;0;) (type 0) (param i32)", "  (local i32)"), Disassembler.functionHeader(m, 0));
    }

    @Test
    void printsEveryKindOfModuleField() {
        FuncType binary = new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
        FuncType nullary = new FuncType(List.of(), List.of());
        List<Import> imports = List.of(
                new Import("env", "log", new ImportDesc.Func(0)),
                new Import("env", "mem", new ImportDesc.Memory(new MemoryType(new Limits(1, Limits.NO_MAX)))),
                new Import("env", "tab", new ImportDesc.Table(new TableType(ValType.FUNCREF, new Limits(1, 10)))),
                new Import("env", "g", new ImportDesc.Global(new GlobalType(ValType.I32, false))));
        List<Instruction> body = List.of(indexed(Opcode.GLOBAL_GET, 0), indexed(Opcode.GLOBAL_SET, 1), END);
        Function run = new Function(1, List.of(ValType.F64), body, -1);
        List<Instruction> refFunc1 = List.of(indexed(Opcode.REF_FUNC, 1), END);
        List<ElementSegment> elements = List.of(
                new ElementSegment(ValType.FUNCREF, List.of(refFunc1),
                        new ElementSegment.Active(0, List.of(i32(0), END))),
                new ElementSegment(ValType.EXTERNREF,
                        List.of(List.of(of(Opcode.REF_NULL, new Immediate.Ref(ValType.EXTERNREF)), END)),
                        new ElementSegment.Passive()),
                new ElementSegment(ValType.FUNCREF, List.of(List.of(indexed(Opcode.REF_FUNC, 0), END)),
                        new ElementSegment.Declarative()),
                new ElementSegment(ValType.FUNCREF, List.of(refFunc1, refFunc1),
                        new ElementSegment.Active(1, List.of(i32(2), END))));
        List<DataSegment> data = List.of(
                new DataSegment(new byte[] {'h', 'i', '\n', '"', '\\', 0, (byte) 0xff},
                        new DataSegment.Active(0, List.of(i32(16), END))),
                new DataSegment(new byte[] {'x'}, new DataSegment.Passive()));
        Names names = new Names("demo", Map.of(0, "env log"), Map.of(), Map.of(1, "counter"));
        Module m = new Module(List.of(binary, nullary), imports, List.of(run),
                List.of(new TableType(ValType.FUNCREF, new Limits(0, Limits.NO_MAX))),
                List.of(),
                List.of(new Global(new GlobalType(ValType.I64, true),
                        List.of(of(Opcode.I64_CONST, new Immediate.I64(-42)), END))),
                List.of(new Export("run", ExternKind.FUNC, 1), new Export("counter", ExternKind.GLOBAL, 1),
                        new Export("mem", ExternKind.MEMORY, 0)),
                1, elements, data, -1, List.of(), names);
        assertEquals("""
                (module $demo
                  (type (;0;) (func (param i32 i32) (result i32)))
                  (type (;1;) (func))
                  (import "env" "log" (func $env_log (type 0) (param i32 i32) (result i32)))
                  (import "env" "mem" (memory (;0;) 1))
                  (import "env" "tab" (table (;0;) 1 10 funcref))
                  (import "env" "g" (global (;0;) i32))
                  (func (;1;) (type 1)
                    (local f64)
                    global.get 0
                    global.set $counter)
                  (table (;1;) 0 funcref)
                  (global $counter (mut i64) (i64.const -42))
                  (export "run" (func 1))
                  (export "counter" (global $counter))
                  (export "mem" (memory 0))
                  (start 1)
                  (elem (;0;) (i32.const 0) func 1)
                  (elem (;1;) externref (ref.null extern))
                  (elem (;2;) declare func $env_log)
                  (elem (;3;) (table 1) (i32.const 2) func 1 1)
                  (data (;0;) (i32.const 16) "hi\\0a\\22\\5c\\00\\ff")
                  (data (;1;) "x"))
                """, Disassembler.module(m));
    }

    @Test
    void immediatesAreSpelledAsTheTextFormatExpects() {
        FuncType binary = new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
        List<Instruction> body = List.of(
                of(Opcode.I32_LOAD, new Immediate.MemArg(2, 8, 0)),
                of(Opcode.I32_LOAD16_S, new Immediate.MemArg(0, 0, 0)),
                of(Opcode.I64_STORE32, new Immediate.MemArg(2, 0, 0)),
                of(Opcode.F64_LOAD, new Immediate.MemArg(0, 4294967295L, 0)),
                of(Opcode.CALL_INDIRECT, new Immediate.TwoIndex(0, 0)),
                of(Opcode.CALL_INDIRECT, new Immediate.TwoIndex(0, 2)),
                of(Opcode.SELECT_T, new Immediate.Types(List.of(ValType.F32))),
                of(Opcode.REF_NULL, new Immediate.Ref(ValType.FUNCREF)),
                indexed(Opcode.MEMORY_SIZE, 0),
                indexed(Opcode.MEMORY_GROW, 0),
                of(Opcode.MEMORY_INIT, new Immediate.TwoIndex(3, 0)),
                of(Opcode.MEMORY_COPY, new Immediate.TwoIndex(0, 0)),
                indexed(Opcode.MEMORY_FILL, 0),
                indexed(Opcode.DATA_DROP, 3),
                of(Opcode.TABLE_INIT, new Immediate.TwoIndex(1, 0)),
                of(Opcode.TABLE_INIT, new Immediate.TwoIndex(1, 2)),
                of(Opcode.TABLE_COPY, new Immediate.TwoIndex(0, 0)),
                of(Opcode.TABLE_COPY, new Immediate.TwoIndex(2, 1)),
                indexed(Opcode.TABLE_GET, 0),
                indexed(Opcode.ELEM_DROP, 1),
                i32(Integer.MIN_VALUE),
                of(Opcode.I64_CONST, new Immediate.I64(-1)),
                of(Opcode.F32_CONST, new Immediate.F32(0x80000000)),
                of(Opcode.F32_CONST, new Immediate.F32(Float.floatToRawIntBits(0.1f))),
                of(Opcode.F64_CONST, new Immediate.F64(0x7ff4000000000000L)),
                of(Opcode.F64_CONST, new Immediate.F64(0xfff0000000000000L)),
                of(Opcode.BLOCK, new Immediate.Block(new BlockType.TypeIndex(0))),
                END,
                END);
        Module m = module(List.of(binary), List.of(), List.of(new Function(0, List.of(), body, -1)), List.of(),
                Names.EMPTY);
        assertEquals(List.of(
                "i32.load offset=8",
                "i32.load16_s align=1",
                "i64.store32",
                "f64.load offset=4294967295 align=1",
                "call_indirect (type 0) (param i32 i32) (result i32)",
                "call_indirect 2 (type 0) (param i32 i32) (result i32)",
                "select (result f32)",
                "ref.null func",
                "memory.size",
                "memory.grow",
                "memory.init 3",
                "memory.copy",
                "memory.fill",
                "data.drop 3",
                "table.init 1",
                "table.init 2 1",
                "table.copy",
                "table.copy 2 1",
                "table.get 0",
                "elem.drop 1",
                "i32.const -2147483648",
                "i64.const -1",
                "f32.const -0",
                "f32.const 0.1",
                "f64.const nan:0x4000000000000",
                "f64.const -inf",
                "block (type 0) (param i32 i32) (result i32)  ;; label = @1",
                "end",
                "end"), Disassembler.function(m, 0));
    }

    @Test
    void namesAreMadeValidAndUnique() {
        FuncType nullary = new FuncType(List.of(), List.of());
        List<Instruction> calls = List.of(indexed(Opcode.CALL, 0), indexed(Opcode.CALL, 1), indexed(Opcode.CALL, 2),
                END);
        Function f = new Function(0, List.of(), calls, -1);
        Names names = new Names(null, Map.of(0, "core::fmt{write}", 1, "core::fmt_write_", 2, ""), Map.of(),
                Map.of());
        Module m = module(List.of(nullary), List.of(), List.of(f, f, f), List.of(), names);
        assertEquals(List.of("call $core::fmt_write_", "call $core::fmt_write_.1", "call 2", "end"),
                Disassembler.function(m, 0));
        assertEquals(List.of("(func (;2;) (type 0)"), Disassembler.functionHeader(m, 2));
    }

    @Test
    void emptyModulesAndBodiesStayWellFormed() {
        FuncType nullary = new FuncType(List.of(), List.of());
        assertEquals("(module)\n", Disassembler.module(module(List.of(), List.of(), List.of(), List.of(),
                Names.EMPTY)));
        Module m = module(List.of(nullary), List.of(), List.of(new Function(0, List.of(), List.of(END), -1)),
                List.of(), Names.EMPTY);
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (func (;0;) (type 0)))
                """, Disassembler.module(m));
    }

    @Test
    void importedOrMissingFunctionsHaveNoListing() {
        Module m = module(List.of(new FuncType(List.of(), List.of())),
                List.of(new Import("env", "f", new ImportDesc.Func(0))), List.of(), List.of(), Names.EMPTY);
        IllegalArgumentException imported = assertThrows(IllegalArgumentException.class,
                () -> Disassembler.function(m, 0));
        assertEquals("function 0 is imported and has no body", imported.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Disassembler.function(m, 1));
    }

    @Test
    void deeplyNestedBodyPrintsInLinearSpaceWithIndentationCappedAt50Levels() {
        int depth = 100_000;
        List<Instruction> body = new java.util.ArrayList<>();
        for (int i = 0; i < depth; i++) {
            body.add(of(Opcode.BLOCK, new Immediate.Block(BlockType.EMPTY)));
        }
        for (int i = 0; i <= depth; i++) {
            body.add(END);
        }
        Module m = module(List.of(new FuncType(List.of(), List.of())), List.of(),
                List.of(new Function(0, List.of(), body, -1)), List.of(), null);

        List<String> lines = Disassembler.function(m, 0);

        assertEquals("  ".repeat(50) + "block  ;; label = @100000", lines.get(depth - 1));
        assertEquals("  ".repeat(50) + "end", lines.get(depth));
        assertEquals("end", lines.get(2 * depth));
        // Uncapped, the text alone would be 10^10 characters and the heap would run out long before.
        String text = Disassembler.module(m);
        assertEquals(true, text.length() < 30_000_000, "module text of " + text.length() + " chars");
    }
}
