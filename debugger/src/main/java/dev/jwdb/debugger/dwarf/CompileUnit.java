package dev.jwdb.debugger.dwarf;

/**
 * What the debugger needs of a compile unit's root entry.
 *
 * @param offset   the unit's offset in {@code .debug_info}
 * @param name     {@code DW_AT_name}: the primary source file, or null
 * @param compDir  {@code DW_AT_comp_dir}: the directory relative source paths start from, or null
 * @param stmtList {@code DW_AT_stmt_list}: the offset of its line program in {@code .debug_line}, or -1
 * @param producer {@code DW_AT_producer}: the compiler that wrote it ({@code clang version 14.0.6}), or null
 * @param language {@code DW_AT_language}: a {@code DW_LANG} code, or 0
 */
public record CompileUnit(long offset, int version, String name, String compDir, long stmtList, String producer,
                          int language) {
    /** The source language as gdb names it: {@code c} (any standard of C), {@code c++}, {@code rust}... */
    public String languageName() {
        return switch (language) {
            case 0 -> "unknown";
            case 0x01, 0x02, 0x0c, 0x1d, 0x2c -> "c";
            case 0x04, 0x1a, 0x21, 0x2a, 0x2b -> "c++";
            case 0x1c -> "rust";
            case 0x16 -> "go";
            case 0x29 -> "zig";
            case 0x8001 -> "assembler";
            default -> String.format("DW_LANG 0x%x", language);
        };
    }
}
