package dev.jwdb.wat.encode;

import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/** Writes the type encodings shared by several sections. */
final class TypeEncoder {
    private static final int FUNCTION_TYPE_FORM = 0x60;

    private TypeEncoder() {
    }

    static void valueTypes(List<ValType> types, ByteSink out) {
        out.u32(types.size());
        types.forEach(t -> out.u8(t.code()));
    }

    static void functionType(FuncType type, ByteSink out) {
        out.u8(FUNCTION_TYPE_FORM);
        valueTypes(type.params(), out);
        valueTypes(type.results(), out);
    }

    static void limits(Limits limits, ByteSink out) {
        if (limits.hasMax()) {
            out.u8(1).u32(limits.min()).u32(limits.max());
        } else {
            out.u8(0).u32(limits.min());
        }
    }

    static void tableType(TableType type, ByteSink out) {
        out.u8(type.elementType().code());
        limits(type.limits(), out);
    }

    static void globalType(GlobalType type, ByteSink out) {
        out.u8(type.type().code()).u8(type.mutable() ? 1 : 0);
    }
}
