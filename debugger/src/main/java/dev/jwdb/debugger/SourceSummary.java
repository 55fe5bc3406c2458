package dev.jwdb.debugger;

import java.nio.file.Path;

/**
 * What {@code info source} says about the source file of the selected frame.
 *
 * @param name         the file as locations name it ({@code stats.c})
 * @param compDir      the compilation directory DWARF records for it, or null
 * @param path         where jwdb found its text, or null
 * @param missing      when it was not found, where it was looked for (one line); else null
 * @param lines        how many lines it has, 0 when not found
 * @param language     the source language: {@code c}, {@code rust}, {@code WebAssembly text}...
 * @param producer     the compiler DWARF names ({@code clang version 14.0.6}), or null
 * @param dwarfVersion the version of its compile unit's DWARF; 0 for a text module or when unknown
 */
public record SourceSummary(String name, String compDir, Path path, String missing, int lines, String language,
                            String producer, int dwarfVersion) {
}
