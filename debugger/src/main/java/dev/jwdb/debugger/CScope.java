package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;

/**
 * What a C expression reads: the variables in scope (the selected frame's, then the program's globals), the
 * types it names in casts, and the Wasm state their values are in. Memory reads are bounds-checked: a bad pointer
 * is a {@link DebugException} saying which bytes could not be read.
 */
interface CScope {
    /** The variable {@code name} where the frame is (innermost declaration first), else a global; null when none. */
    CValue variable(String name) throws DebugException;

    /**
     * The type named {@code name}: {@code kind} STRUCT, UNION or ENUM for {@code struct NAME}..., TYPEDEF for a
     * typedef's (or base type's) name; null when the program has none.
     */
    DwarfType type(String name, DwarfType.Kind kind) throws DebugException;

    /** The raw bits of a value that is not in memory: a Wasm local, global, operand, or a computed value. */
    long slot(DwarfExpression.Place place) throws DebugException;

    /** {@code size} bytes of linear memory from {@code address}. */
    byte[] bytes(long address, int size) throws DebugException;

    /** Linear memory's size in bytes (0 without memory). */
    long memorySize();

    /**
     * The function a C function pointer with value {@code index} calls: element {@code index} of table 0, where
     * wasm32 keeps the functions whose address is taken; null when there is none.
     */
    String functionAt(long index);
}
