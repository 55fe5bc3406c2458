package dev.jwdb.debugger.dwarf;

/**
 * What the debugger needs of a compile unit's root entry.
 *
 * @param offset   the unit's offset in {@code .debug_info}
 * @param name     {@code DW_AT_name}: the primary source file, or null
 * @param compDir  {@code DW_AT_comp_dir}: the directory relative source paths start from, or null
 * @param stmtList {@code DW_AT_stmt_list}: the offset of its line program in {@code .debug_line}, or -1
 */
public record CompileUnit(long offset, int version, String name, String compDir, long stmtList) {
}
