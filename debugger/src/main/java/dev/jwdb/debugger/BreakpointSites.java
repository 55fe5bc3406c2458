package dev.jwdb.debugger;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * Where a breakpoint's spec puts it in a module: a function ({@code fib}, {@code $fib}, an export name) at its first
 * instruction, the instruction at a byte offset ({@code @0x1c}), or every instruction of a source line
 * ({@code fib.wat:7}, {@code 7}; for a binary with DWARF, a line of one of its C or Rust files, {@code stats.c:18}).
 */
final class BreakpointSites {
    private BreakpointSites() {
    }

    /** Resolves {@code b} in {@code image}: sets its sites ({function, instruction}) and their locations. */
    static void resolve(ModuleImage image, StopPointTable.Breakpoint b) throws DebugException {
        String s = b.spec;
        List<int[]> sites = new ArrayList<>();
        b.note = null;
        if (s.startsWith("@")) {
            long offset;
            try {
                offset = ValueText.integer(s.substring(1), 64);
            } catch (NumberFormatException e) {
                throw new DebugException("\"" + s + "\" is not a byte offset like @0x1c");
            }
            sites.add(image.instructionAt(offset));
        } else if (isLineSpec(s)) {
            int colon = s.lastIndexOf(':');
            String file = colon < 0 ? null : s.substring(0, colon);
            String digits = s.substring(colon + 1);
            if (image.fromDwarf()) {
                sites.addAll(dwarfLine(image, b, file, digits));
            } else if (!image.fromText()) {
                throw new DebugException(image.sourceName + " is a binary module: it has no source lines");
            } else {
                if (file != null && !sameFile(file, image.sourceName)) {
                    throw new DebugException("no source file " + file + " (the module is " + image.sourceName
                            + ")");
                }
                int line = digits.length() > 9 ? -1 : Integer.parseInt(digits);
                sites.addAll(image.instructionsAtLine(line));
                if (sites.isEmpty()) {
                    throw new DebugException("no code at line " + digits + " of " + image.sourceName);
                }
            }
        } else {
            for (int function : image.breakFunctions(s)) {
                sites.add(new int[] {function, image.entryInstruction(function)});
            }
        }
        b.sites = sites;
        b.locations = sites.stream().map(x -> image.location(x[0], x[1])).toList();
    }

    /**
     * A line of a DWARF source file: in each function with a statement on it, the first one; a line without
     * code moves to the next line that has some, saying so (as gdb moves it). {@code file} null means the file
     * of {@code main}, as gdb's default source file.
     */
    private static List<int[]> dwarfLine(ModuleImage image, StopPointTable.Breakpoint b, String file, String digits)
            throws DebugException {
        DwarfLineMap lines = image.dwarf();
        Set<Integer> files = new HashSet<>();
        String shown = file;
        if (file != null) {
            files.addAll(lines.filesNamed(file));
            if (files.isEmpty()) {
                throw new DebugException("no source file " + file + " in the debugging information of "
                        + image.sourceName);
            }
        } else {
            int main = mainFile(image);
            if (main < 0) {
                throw new DebugException("which file? name it: break FILE:" + digits);
            }
            files.add(main);
            shown = lines.file(main).path();
        }
        int line = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        int actual = line < 1 ? -1 : lines.nextLineWithCode(files, line);
        if (actual < 0) {
            throw new DebugException("no code at or after line " + digits + " of " + shown);
        }
        if (actual != line) {
            b.note = "line " + line + " has no code; line " + actual + " is the next that has";
        }
        return lines.sites(files, actual);
    }

    /**
     * The file id of {@code main}'s entry, or -1: C's {@code main}, or in Rust, where that {@code main} is generated
     * and has no lines, the program's ({@code scores::main}).
     */
    private static int mainFile(ModuleImage image) {
        try {
            for (int main : image.breakFunctions("main")) {
                int file = image.dwarf().file(main - image.module.importedFunctionCount(),
                        image.entryInstruction(main));
                if (file >= 0) {
                    return file;
                }
            }
            return -1;
        } catch (DebugException e) {
            return -1;
        }
    }

    /** Leaves {@code b} pending: its spec matches nothing in the module. */
    static void unresolve(StopPointTable.Breakpoint b) {
        b.sites = List.of();
        b.locations = List.of();
    }

    private static boolean isLineSpec(String s) {
        String digits = s.substring(s.lastIndexOf(':') + 1);
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
    }

    private static boolean sameFile(String asked, String loaded) {
        Path a;
        Path l;
        try {
            a = Path.of(asked).normalize();
            l = Path.of(loaded).normalize();
        } catch (InvalidPathException e) {
            return false; // a name no file can have (a NUL in it) names none of the module's files
        }
        return l.endsWith(a) || a.endsWith(l) || Objects.equals(l.getFileName(), a.getFileName());
    }
}
