package dev.jwdb.debugger;

/**
 * A variable of the source program (C, Rust...) in scope in a frame, from the module's DWARF.
 *
 * @param type  its type as the language writes it ({@code int}, {@code struct stats *})
 * @param value its value shown as gdb shows it ({@code 3}, {@code 0x115b0}, {@code {count = 1, min = 3}},
 *              {@code 0x400 "abc"}), or why it cannot be ({@code <optimized out>})
 */
public record SourceVariable(String name, String type, String value, boolean parameter) {
}
