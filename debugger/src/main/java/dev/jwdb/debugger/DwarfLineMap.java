package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.CompileUnit;
import dev.jwdb.debugger.dwarf.DebugInfoReader;
import dev.jwdb.debugger.dwarf.DebugLineReader;
import dev.jwdb.debugger.dwarf.DebugSections;
import dev.jwdb.debugger.dwarf.DwarfException;
import dev.jwdb.debugger.dwarf.FileEntry;
import dev.jwdb.debugger.dwarf.LineProgram;
import dev.jwdb.debugger.dwarf.LineRow;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binary module's DWARF line tables laid over its instructions. A row of a line table covers the addresses from
 * its own up to the next row's in the same sequence; an instruction belongs to the row whose range holds its
 * address (its byte offset from the Code section's payload), so an instruction between two rows belongs to the
 * earlier one. An instruction is a <em>statement start</em> when it is the first instruction of an
 * {@code is_stmt} row with a line: where a breakpoint on that line goes, and where a line step may stop, as in gdb.
 * A function's <em>entry</em> is its first instruction after the prologue (the row marked {@code prologue_end}),
 * where {@code break FUNC} stops and a step into the function arrives.
 */
final class DwarfLineMap {
    /** A source file the line tables name: its path as shown and matched, and where it was compiled. */
    record SourceFile(String path, String compDir, byte[] md5) {
    }

    /** One row's address range, with what the row says. */
    private record Range(long start, long end, int file, int line, int column, boolean stmt, boolean prologueEnd) {
    }

    /** The rows of one function's instructions, computed when first asked for. */
    private record FunctionRows(int[] range, boolean[] statement, int entry) {
    }

    private final Module module;
    private final long codeStart;
    private final List<SourceFile> files;
    private final List<Range> ranges;
    private final FunctionRows[] functions;

    private DwarfLineMap(Module module, long codeStart, List<SourceFile> files, List<Range> ranges) {
        this.module = module;
        this.codeStart = codeStart;
        this.files = files;
        this.ranges = ranges;
        this.functions = new FunctionRows[module.functions().size()];
    }

    /**
     * The line map of {@code module} (decoded from {@code binary}), or null when it has no line tables or they
     * cannot be read. A section that cannot be read is ignored with a one-line note in {@code notes}: the module
     * still loads, debugged at the Wasm level.
     */
    static DwarfLineMap read(Module module, byte[] binary, List<String> notes) {
        DebugSections sections = new DebugSections();
        for (CustomSection c : module.customSections()) {
            sections.add(c.name(), c.content());
        }
        if (!sections.has(".debug_line")) {
            return null;
        }
        long codeStart = CodeSection.payloadStart(binary);
        if (codeStart < 0) {
            return null;
        }
        Map<Long, CompileUnit> unitsByLines = new HashMap<>();
        try {
            for (CompileUnit u : DebugInfoReader.compileUnits(sections)) {
                if (u.stmtList() >= 0) {
                    unitsByLines.putIfAbsent(u.stmtList(), u);
                }
            }
        } catch (DwarfException | RuntimeException e) {
            notes.add("ignoring .debug_info: " + message(e) + " (source files are looked for without their"
                    + " compilation directory)");
        }
        List<LineProgram> programs;
        try {
            programs = DebugLineReader.readAll(sections);
        } catch (DwarfException | RuntimeException e) {
            notes.add("ignoring .debug_line: " + message(e) + " (debugging at the Wasm level)");
            return null;
        }
        long codeSize = codeSize(module, codeStart);
        List<SourceFile> files = new ArrayList<>();
        Map<String, Integer> fileIds = new HashMap<>();
        List<Range> ranges = new ArrayList<>();
        for (LineProgram p : programs) {
            CompileUnit unit = unitsByLines.get(p.offset());
            String compDir = p.compDir() != null ? p.compDir() : unit != null ? unit.compDir() : null;
            int[] ids = new int[p.files().size()];
            for (int i = 0; i < ids.length; i++) {
                FileEntry f = p.files().get(i);
                String path = SourcePaths.normalize(f.path());
                String key = compDir + "\0" + path;
                Integer id = fileIds.get(key);
                if (id == null) {
                    id = files.size();
                    fileIds.put(key, id);
                    files.add(new SourceFile(path, compDir, f.md5()));
                }
                ids[i] = id;
            }
            addSequences(p, ids, codeSize, ranges);
        }
        ranges.sort(Comparator.comparingLong(Range::start));
        return new DwarfLineMap(module, codeStart, files, ranges);
    }

    private static String message(Exception e) {
        return e instanceof DwarfException ? e.getMessage() : e.toString();
    }

    /** The Code section's size as far as its functions reach: no real code lies at or past it. */
    private static long codeSize(Module module, long codeStart) {
        List<Function> fs = module.functions();
        if (fs.isEmpty()) {
            return 0;
        }
        List<Instruction> last = fs.get(fs.size() - 1).body();
        return last.get(last.size() - 1).offset() + 1 - codeStart;
    }

    /**
     * The ranges of each complete sequence of {@code p}. A sequence starting at address 0 or past the code is
     * for code the linker dropped (address 0 is the Code section's function count, never an instruction; newer
     * linkers write -1 or -2 there instead), and would otherwise cover real functions.
     */
    private static void addSequences(LineProgram p, int[] fileIds, long codeSize, List<Range> out) {
        List<LineRow> rows = p.rows();
        int first = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).endSequence()) {
                continue;
            }
            long start = rows.get(first).address();
            if (start > 0 && start < codeSize) {
                for (int k = first; k < i; k++) {
                    LineRow r = rows.get(k);
                    long end = rows.get(k + 1).address();
                    if (end <= r.address()) {
                        continue; // an empty row (a later one at the same address wins) or out of order
                    }
                    int index = r.file() - p.firstFile();
                    int file = index >= 0 && index < fileIds.length ? fileIds[index] : -1;
                    out.add(new Range(r.address(), end, file, file < 0 ? 0 : Math.max(r.line(), 0), r.column(),
                            r.isStmt(), r.prologueEnd()));
                }
            }
            first = i + 1;
        }
    }

    /** The offset of the Code section's payload in the binary: DWARF addresses count from there. */
    long codeStart() {
        return codeStart;
    }

    // ---- instructions to lines ----

    /** The source file with id {@code id}. */
    SourceFile file(int id) {
        return files.get(id);
    }

    List<SourceFile> files() {
        return files;
    }

    /** The paths of the files with a statement in the code, once each, in the order of their ids. */
    List<String> filesWithCode() {
        boolean[] has = new boolean[files.size()];
        for (Range r : ranges) {
            if (r.stmt && r.file >= 0 && r.file < has.length) {
                has[r.file] = true;
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < has.length; i++) {
            if (has[i]) {
                out.add(files.get(i).path());
            }
        }
        return List.copyOf(out);
    }

    /** The file id of instruction {@code instruction} of defined function {@code defined}, -1 for none. */
    int file(int defined, int instruction) {
        Range r = range(defined, instruction);
        return r == null || r.line == 0 ? -1 : r.file;
    }

    /** Its line, 0 when it has none. */
    int line(int defined, int instruction) {
        Range r = range(defined, instruction);
        return r == null ? 0 : r.line;
    }

    int column(int defined, int instruction) {
        Range r = range(defined, instruction);
        return r == null || r.line == 0 ? 0 : r.column;
    }

    /** Whether the instruction starts a statement (see the class comment). */
    boolean statementStart(int defined, int instruction) {
        return rows(defined).statement[instruction];
    }

    /** The function's first instruction after its prologue; 0 when the line table marks none. */
    int entry(int defined) {
        return rows(defined).entry;
    }

    private Range range(int defined, int instruction) {
        int r = rows(defined).range[instruction];
        return r < 0 ? null : ranges.get(r);
    }

    private FunctionRows rows(int defined) {
        FunctionRows known = functions[defined];
        if (known != null) {
            return known;
        }
        List<Instruction> body = module.functions().get(defined).body();
        int[] range = new int[body.size()];
        boolean[] statement = new boolean[body.size()];
        int entry = -1;
        int previous = -1;
        for (int i = 0; i < body.size(); i++) {
            int r = rangeAt(body.get(i).offset() - codeStart);
            range[i] = r;
            statement[i] = r >= 0 && r != previous && ranges.get(r).stmt && ranges.get(r).line > 0;
            if (entry < 0 && statement[i] && ranges.get(r).prologueEnd) {
                entry = i;
            }
            previous = r;
        }
        FunctionRows rows = new FunctionRows(range, statement, Math.max(entry, 0));
        functions[defined] = rows;
        return rows;
    }

    /** The index of the range holding {@code address}, or -1. */
    private int rangeAt(long address) {
        int lo = 0;
        int hi = ranges.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid).start <= address) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && address < ranges.get(found).end ? found : -1;
    }

    // ---- lines to instructions ----

    /** The ids of the files {@code asked} names (see {@link SourcePaths#names}). */
    List<Integer> filesNamed(String asked) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (SourcePaths.names(asked, files.get(i).path)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The breakpoint sites of line {@code line} of the files {@code fileIds}: for each function with a statement
     * on that line, its first one ({function index, instruction}); a statement in a function's prologue (its
     * opening line) moves to the function's entry, as gdb does.
     */
    List<int[]> sites(Set<Integer> fileIds, int line) {
        Map<Integer, int[]> byFunction = new HashMap<>();
        for (Range r : ranges) {
            if (r.line != line || !r.stmt || !fileIds.contains(r.file)) {
                continue;
            }
            int[] at = firstInstruction(r);
            if (at == null) {
                continue;
            }
            int defined = at[0] - module.importedFunctionCount();
            if (at[1] < entry(defined)) {
                at[1] = entry(defined);
            }
            int[] known = byFunction.get(at[0]);
            if (known == null || at[1] < known[1]) {
                byFunction.put(at[0], at);
            }
        }
        List<int[]> out = new ArrayList<>(byFunction.values());
        out.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
        return out;
    }

    /** The lowest line at or after {@code line} in {@code fileIds} with a statement, or -1. */
    int nextLineWithCode(Set<Integer> fileIds, int line) {
        int best = -1;
        for (Range r : ranges) {
            if (r.stmt && r.line >= line && (best < 0 || r.line < best) && fileIds.contains(r.file)
                    && firstInstruction(r) != null) {
                best = r.line;
            }
        }
        return best;
    }

    /** The first instruction whose address lies in {@code r}: {function index, instruction}, or null. */
    private int[] firstInstruction(Range r) {
        List<Function> fs = module.functions();
        int lo = 0;
        int hi = fs.size() - 1;
        int f = 0;
        while (lo <= hi) { // the last function whose body starts at or before the range
            int mid = (lo + hi) >>> 1;
            if (fs.get(mid).bodyOffset() - codeStart <= r.start) {
                f = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int candidate = f; candidate <= f + 1 && candidate < fs.size(); candidate++) {
            int i = firstAtOrAfter(fs.get(candidate).body(), r.start);
            if (i >= 0) {
                List<Instruction> body = fs.get(candidate).body();
                return body.get(i).offset() - codeStart < r.end
                        ? new int[] {candidate + module.importedFunctionCount(), i} : null;
            }
        }
        return null;
    }

    /** The index of the first instruction of {@code body} at or after {@code address}, or -1. */
    private int firstAtOrAfter(List<Instruction> body, long address) {
        int lo = 0;
        int hi = body.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (body.get(mid).offset() - codeStart >= address) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }
}
