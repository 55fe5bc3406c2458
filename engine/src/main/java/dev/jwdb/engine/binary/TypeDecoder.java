package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.List;

/** Reads the type encodings shared by several sections: value, reference, function, table, memory, global types. */
final class TypeDecoder {
    private static final int FUNCTION_TYPE_FORM = 0x60;

    private TypeDecoder() {
    }

    static ValType valueType(ByteReader in) {
        int at = in.position();
        ValType t = ValType.fromCode(typeCode(in));
        if (t == null) {
            throw in.error("malformed value type", at);
        }
        return t;
    }

    static ValType referenceType(ByteReader in) {
        int at = in.position();
        ValType t = ValType.fromCode(typeCode(in));
        if (t == null || !t.isReference()) {
            throw in.error("malformed reference type", at);
        }
        return t;
    }

    /**
     * Type codes are negative numbers in one-byte signed LEB128, so a continuation bit makes the encoding too long
     * rather than naming an unknown type; the spec tests check exactly that.
     */
    private static int typeCode(ByteReader in) {
        return (int) in.signed(7) & 0x7F;
    }

    static List<ValType> valueTypes(ByteReader in) {
        int n = in.count();
        List<ValType> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(valueType(in));
        }
        return out;
    }

    static FuncType functionType(ByteReader in) {
        int at = in.position();
        if (typeCode(in) != FUNCTION_TYPE_FORM) {
            throw in.error("malformed function type", at);
        }
        List<ValType> params = valueTypes(in);
        List<ValType> results = valueTypes(in);
        return new FuncType(params, results);
    }

    /**
     * The flag is read as a one-bit LEB128 number, as the reference decoder does: that is why flag 2 is "integer too
     * large" and {@code 0x81 0x00} is "integer representation too long" in the spec tests.
     */
    static Limits limits(ByteReader in) {
        boolean hasMax = in.unsigned(1) == 1;
        long min = in.unsigned(32);
        long max = hasMax ? in.unsigned(32) : Limits.NO_MAX;
        return new Limits(min, max);
    }

    static TableType tableType(ByteReader in) {
        ValType element = referenceType(in);
        return new TableType(element, limits(in));
    }

    static MemoryType memoryType(ByteReader in) {
        return new MemoryType(limits(in));
    }

    static GlobalType globalType(ByteReader in) {
        ValType t = valueType(in);
        int at = in.position();
        int mutability = in.u8();
        if (mutability > 1) {
            throw in.error("malformed mutability", at);
        }
        return new GlobalType(t, mutability == 1);
    }
}
