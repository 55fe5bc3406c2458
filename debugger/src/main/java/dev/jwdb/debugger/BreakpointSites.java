package dev.jwdb.debugger;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a breakpoint's spec puts it in a module: a function ({@code fib}, {@code $fib}, an export name) at its first
 * instruction, the instruction at a byte offset ({@code @0x1c}), or every instruction of a source line
 * ({@code fib.wat:7}, {@code 7}).
 */
final class BreakpointSites {
    private BreakpointSites() {
    }

    /** Resolves {@code b} in {@code image}: sets its sites ({function, instruction}) and their locations. */
    static void resolve(ModuleImage image, StopPointTable.Breakpoint b) throws DebugException {
        String s = b.spec;
        List<int[]> sites = new ArrayList<>();
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
            if (!image.fromText()) {
                throw new DebugException(image.sourceName + " is a binary module: it has no source lines");
            }
            if (file != null && !sameFile(file, image.sourceName)) {
                throw new DebugException("no source file " + file + " (the module is " + image.sourceName + ")");
            }
            int line = digits.length() > 9 ? -1 : Integer.parseInt(digits);
            sites.addAll(image.instructionsAtLine(line));
            if (sites.isEmpty()) {
                throw new DebugException("no code at line " + digits + " of " + image.sourceName);
            }
        } else {
            sites.add(new int[] {image.definedFunction(s), 0});
        }
        b.sites = sites;
        b.locations = sites.stream().map(x -> image.location(x[0], x[1])).toList();
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
