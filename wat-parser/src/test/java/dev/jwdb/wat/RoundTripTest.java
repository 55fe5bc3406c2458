package dev.jwdb.wat;

import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.testing.SpecBinaryModules;
import dev.jwdb.engine.testing.TestModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.jwdb.engine.testing.TestModule.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** encode(decode(encode(M))) is encode(M), and decoding what we encode gives back the same module. */
class RoundTripTest {

    private static Immediate sample(Opcode op) {
        return switch (op.immediate()) {
            case NONE -> Immediate.NONE;
            case BLOCK_TYPE -> new Immediate.Block(new BlockType.Value(ValType.F64));
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM -> new Immediate.Index(300);
            case MEMORY -> new Immediate.Index(0);
            case BR_TABLE -> new Immediate.BrTable(new int[] {0, 129, -1}, 2);
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> new Immediate.TwoIndex(1, 2);
            case MEMORY_INIT -> new Immediate.TwoIndex(5, 0);
            case MEMORY_COPY -> new Immediate.TwoIndex(0, 0);
            case MEMARG -> new Immediate.MemArg(3, 0xFFFFFFFFL, 0);
            case I32 -> new Immediate.I32(Integer.MIN_VALUE);
            case I64 -> new Immediate.I64(-129);
            case F32 -> new Immediate.F32(0x7FA00001);
            case F64 -> new Immediate.F64(0xFFF8000000000123L);
            case SELECT_TYPES -> new Immediate.Types(List.of(ValType.EXTERNREF));
            case REF_TYPE -> new Immediate.Ref(ValType.EXTERNREF);
            case V128_CONST, SHUFFLE -> new Immediate.V128(new byte[16]);
            case LANE -> new Immediate.Lane(1);
            case MEMARG_LANE -> new Immediate.MemLane(new Immediate.MemArg(0, 1, 0), 1);
        };
    }

    /** One function holding every instruction once, structured ones properly nested. */
    private static Module everyInstruction() {
        List<Instruction> body = new ArrayList<>();
        body.add(Instruction.of(Opcode.BLOCK, new Immediate.Block(BlockType.EMPTY)));
        body.add(Instruction.of(Opcode.LOOP, new Immediate.Block(new BlockType.TypeIndex(0))));
        body.add(Instruction.of(Opcode.IF, new Immediate.Block(new BlockType.TypeIndex(70000))));
        body.add(Instruction.of(Opcode.ELSE));
        body.add(Instruction.of(Opcode.END));
        body.add(Instruction.of(Opcode.END));
        body.add(Instruction.of(Opcode.END));
        for (Opcode op : Opcode.values()) {
            boolean structured = op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF
                    || op == Opcode.ELSE || op == Opcode.END;
            if (!structured) {
                body.add(Instruction.of(op, sample(op)));
            }
        }
        body.add(Instruction.of(Opcode.END));
        TestModule m = module().dataCount(0);
        return m.rawFunc(m.type(new FuncType(List.of(), List.of())), List.of(ValType.V128, ValType.FUNCREF), body)
                .build();
    }

    @Test
    void everyInstructionSurvivesEncodingAndDecoding() {
        Module original = everyInstruction();
        byte[] encoded = BinaryEncoder.encode(original);
        Module decoded = BinaryDecoder.decode(encoded);
        assertEquals(ModelShape.of(original.functions()), ModelShape.of(decoded.functions()));
        assertArrayEquals(encoded, BinaryEncoder.encode(decoded));
    }

    @Test
    void specBinariesReencodeToModulesThatDecodeToTheSameStructure() throws IOException {
        List<byte[]> binaries = SpecBinaryModules.all().stream().map(SpecBinaryModules.Case::bytes).toList();
        Assumptions.assumeFalse(binaries.isEmpty(), "spec tests not found");
        int decodable = 0;
        for (byte[] bytes : binaries) {
            Module first;
            try {
                first = BinaryDecoder.decode(bytes);
            } catch (MalformedException expectedForSome) {
                continue;
            }
            decodable++;
            byte[] encoded = BinaryEncoder.encode(first);
            Module second = BinaryDecoder.decode(encoded);
            assertEquals(ModelShape.of(first), ModelShape.of(second));
            assertArrayEquals(encoded, BinaryEncoder.encode(second));
            assertTrue(encoded.length <= bytes.length, "re-encoding is never longer than the spec's own bytes");
        }
        assertEquals(782, binaries.size());
        assertTrue(decodable >= 60, "only " + decodable + " spec binaries decoded");
    }
}
