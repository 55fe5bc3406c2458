package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;

/**
 * A value of a C expression: its type, and where it is. A variable, a member, an element or what a pointer points
 * to is in linear memory ({@link DwarfExpression.Place.Memory}: it has an address, so {@code &} applies) or in a
 * Wasm local, global or operand; a computed value is {@link DwarfExpression.Place.Value}, its bits held here.
 */
record CValue(DwarfType type, DwarfExpression.Place place) {
    /** A computed value of integer or pointer {@code type}, cut to its width. */
    static CValue of(DwarfType type, long bits) {
        return new CValue(type, new DwarfExpression.Place.Value(CTypes.isPointer(type)
                ? bits & 0xFFFF_FFFFL : CTypes.wrap(bits, type)));
    }

    /** A computed {@code float} or {@code double}. */
    static CValue floating(DwarfType type, double value) {
        return new CValue(type, new DwarfExpression.Place.Value(CTypes.size(type) == 4
                ? Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL : Double.doubleToRawLongBits(value)));
    }

    /** The address of a value in memory, or -1. */
    long address() {
        return place instanceof DwarfExpression.Place.Memory m ? m.address() : -1;
    }
}
