package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.CompileUnit;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.ModuleLoader;
import dev.jwdb.wat.WatSyntaxException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded module with what the debugger needs to talk about it: display names, byte offsets and source lines, for
 * text from the parser, for a binary from its DWARF line tables when it has them. A text module is encoded and
 * decoded once so that its instructions have byte offsets too; the decoded module is the one that runs, and the
 * parsed one supplies lines (the two have the same instructions, in order).
 */
final class ModuleImage {
    final Module module;
    final String sourceName;
    /** The parsed text module, or null for a binary. */
    private final Module text;
    /** A binary's DWARF lines, or null (text, no DWARF, or DWARF that could not be read). */
    private final DwarfLineMap dwarf;
    /** What loading had to say: DWARF sections ignored, and why. */
    final List<String> notes;
    private final Map<Integer, List<Disassembler.Line>> listings = new HashMap<>();
    private final SourceFinder sources;
    /** A DWARF binary's variables, read when first asked for; null without DWARF lines. */
    private final DwarfVariables variables;

    private ModuleImage(Module module, String sourceName, Module text, DwarfLineMap dwarf, List<String> notes) {
        this.module = module;
        this.sourceName = sourceName;
        this.text = text;
        this.dwarf = dwarf;
        this.notes = List.copyOf(notes);
        this.sources = new SourceFinder(sourceName, text != null, dwarf);
        this.variables = dwarf == null ? null : new DwarfVariables(module, dwarf.codeStart());
    }

    static ModuleImage load(String sourceName, byte[] content) throws DebugException {
        try {
            Module loaded = ModuleLoader.load(content, sourceName);
            Validator.validate(loaded);
            if (ModuleLoader.isBinary(content) || sourceName.endsWith(".wasm")) {
                List<String> notes = new ArrayList<>();
                DwarfLineMap dwarf;
                try {
                    dwarf = DwarfLineMap.read(loaded, content, notes);
                } catch (RuntimeException e) {
                    // a reader bug must not cost the user the module: it still debugs at the Wasm level
                    notes.add("ignoring the DWARF sections: " + e);
                    dwarf = null;
                }
                return new ModuleImage(loaded, sourceName, null, dwarf, notes);
            }
            return new ModuleImage(BinaryDecoder.decode(BinaryEncoder.encode(loaded)), sourceName, loaded, null,
                    List.of());
        } catch (WatSyntaxException e) {
            throw new DebugException(shortTokens(e.getMessage()));
        } catch (WasmException e) {
            throw new DebugException(sourceName + ": " + e.getMessage());
        }
    }

    /** Quoted text longer than this in an error is cut: it echoes input, and the position already says where. */
    private static final int SHOWN_TOKEN = 40;

    /**
     * The parser's message with every long quoted token cut short: a token can be as long as the file (an
     * unterminated string), and an error should stay one readable line.
     */
    static String shortTokens(String message) {
        String quotedCut = shortQuoted(message);
        // then bare words (an unknown operator is not quoted), all but the first: the file and position
        String[] words = quotedCut.split(" ", -1);
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > SHOWN_TOKEN + 20 && !words[i].contains("...")) {
                words[i] = words[i].substring(0, SHOWN_TOKEN) + "... (" + words[i].length() + " characters)";
            }
        }
        return String.join(" ", words);
    }

    private static String shortQuoted(String message) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = message.indexOf('"', at);
            int close = open < 0 ? -1 : message.indexOf('"', open + 1);
            if (close < 0) {
                String rest = message.substring(at);
                if (open >= 0 && rest.length() > SHOWN_TOKEN + (open - at) + 1) {
                    rest = rest.substring(0, open - at + 1 + SHOWN_TOKEN) + "...";
                }
                return out.append(rest).toString();
            }
            out.append(message, at, open + 1);
            String token = message.substring(open + 1, close);
            out.append(token.length() > SHOWN_TOKEN ? token.substring(0, SHOWN_TOKEN) + "... (" + token.length()
                    + " characters)" : token).append('"');
            at = close + 1;
        }
    }

    boolean fromText() {
        return text != null;
    }

    /** Whether source lines come from DWARF (a binary compiled with {@code -g}). */
    boolean fromDwarf() {
        return dwarf != null;
    }

    /** Whether instructions have source lines: from text, or from DWARF. */
    boolean hasLines() {
        return text != null || dwarf != null;
    }

    DwarfLineMap dwarf() {
        return dwarf;
    }

    /**
     * Whether a line step may stop before this instruction. In text every instruction may (the step stops where
     * the line changes); with DWARF only at a statement start past the function's prologue, as gdb does.
     */
    boolean stepStop(int function, int instruction) {
        if (dwarf == null) {
            return true;
        }
        int defined = function - module.importedFunctionCount();
        return dwarf.statementStart(defined, instruction) && instruction >= dwarf.entry(defined);
    }

    /** Where {@code break FUNC} stops: the first instruction, or with DWARF the first after the prologue. */
    int entryInstruction(int function) {
        return dwarf == null ? 0 : dwarf.entry(function - module.importedFunctionCount());
    }

    /** The source-level variables in scope where {@code frame} is; empty without DWARF or when it says nothing. */
    List<SourceVariable> sourceVariables(FrameView frame, InstanceState state) throws DebugException {
        return variables == null ? List.of() : variables.variables(frame, state);
    }

    /** Whether expressions can be C here: the module's DWARF has variables ({@code .debug_info} that reads). */
    boolean hasSourceVariables() {
        return variables != null && variables.readable();
    }

    /** What a C expression over {@code frame} reads (its variables, then the globals; null frame: the globals). */
    CScope sourceScope(FrameView frame, InstanceState state) throws DebugException {
        if (!hasSourceVariables()) {
            throw new DebugException("C expressions need the module's DWARF variables (.debug_info), and "
                    + sourceName + " has none");
        }
        return variables.scope(frame, state);
    }

    /** Whether a C expression at byte {@code offset} can name {@code name}: a variable in scope there, or a global. */
    boolean knowsVariable(long offset, String name) throws DebugException {
        return hasSourceVariables() && variables.knows(offset, name);
    }

    /** What {@code info source} says of the file {@code location} is in (which has a source). */
    SourceSummary sourceSummary(Location location) {
        SourceText found = null;
        String missing = null;
        try {
            found = source(location.source());
        } catch (DebugException e) {
            missing = e.getMessage();
        }
        Path path = found == null ? null : found.path();
        int lines = found == null ? 0 : found.lines().size();
        if (text != null) {
            return new SourceSummary(location.source(), null, path, missing, lines, "WebAssembly text", null, 0);
        }
        int defined = location.functionIndex() - module.importedFunctionCount();
        int file = dwarf.file(defined, location.instruction());
        String compDir = file < 0 ? null : dwarf.file(file).compDir();
        CompileUnit unit = variables == null ? null : variables.unitAt(location.offset());
        return new SourceSummary(location.source(), compDir, path, missing, lines, unit == null ? "unknown"
                : unit.languageName(), unit == null ? null : unit.producer(), unit == null ? 0 : unit.version());
    }

    /** Whether {@code name} names a typedef of the program. */
    boolean isTypedef(String name) {
        return hasSourceVariables() && variables.isTypedef(name);
    }

    /** Whether DWARF describes the function {@code frame} is in. */
    boolean sourceFunction(FrameView frame) throws DebugException {
        return variables != null && variables.describes(frame);
    }

    /** The lines of source file {@code path} (a {@link Location#source()}), or why they cannot be shown. */
    SourceText source(String path) throws DebugException {
        return sources.find(path);
    }

    int functionCount() {
        return module.importedFunctionCount() + module.functions().size();
    }

    boolean isImported(int function) {
        return function < module.importedFunctionCount();
    }

    /** {@code $name}, else the export name, else {@code module.name} for an import, else {@code func[i]}. */
    String functionName(int index) {
        String name = module.names().function(index);
        if (name != null) {
            return "$" + name;
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() == index) {
                return e.name();
            }
        }
        Import imp = importOf(ExternKind.FUNC, index);
        return imp != null ? imp.module() + "." + imp.name() : "func[" + index + "]";
    }

    /** The import that is function {@code index}, or null when the function is defined here. */
    Import importOf(ExternKind kind, int index) {
        int n = 0;
        for (Import i : module.imports()) {
            if (i.desc().kind() == kind && n++ == index) {
                return i;
            }
        }
        return null;
    }

    /**
     * The function a user means by {@code spec}: {@code $name}, a bare name (name section or export), an index, or
     * a Rust function's path or the end of it ({@code scores::total}, {@code total}) when it names only one.
     */
    int function(String spec) throws DebugException {
        String bare = spec.startsWith("$") ? spec.substring(1) : spec;
        for (Map.Entry<Integer, String> e : module.names().functions().entrySet()) {
            if (e.getValue().equals(bare)) {
                return e.getKey();
            }
        }
        if (!spec.startsWith("$")) {
            for (Export e : module.exports()) {
                if (e.kind() == ExternKind.FUNC && e.name().equals(spec)) {
                    return e.index();
                }
            }
            String digits = spec.startsWith("func[") && spec.endsWith("]") ? spec.substring(5, spec.length() - 1)
                    : spec;
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 10) {
                int index = Integer.parseInt(digits);
                if (index < functionCount()) {
                    return index;
                }
            }
            List<Integer> paths = rustPaths(spec);
            if (paths.size() == 1) {
                return paths.get(0);
            }
            if (paths.size() > 1) {
                List<String> some = new ArrayList<>();
                for (int i = 0; i < paths.size() && i < 4; i++) {
                    some.add(RustSymbols.demangle(module.names().function(paths.get(i))));
                }
                throw new DebugException("\"" + spec + "\" names " + paths.size() + " functions: "
                        + String.join(", ", some) + (paths.size() > some.size() ? ", ..." : "")
                        + " (name one by more of its path, or by $symbol)");
            }
        }
        throw new DebugException("no function named \"" + spec + "\"");
    }

    /**
     * The functions {@code break spec} stops in: those with that name, and the Rust functions whose path is it or
     * ends with it, as gdb matches a name in every namespace ({@code break main} in a Rust program is both the C
     * {@code main} that rustc generates to start the runtime and the program's {@code scores::main}); else the one
     * {@link #function} finds. Imports are left out: they have no code.
     */
    List<Integer> breakFunctions(String spec) throws DebugException {
        List<Integer> out = new ArrayList<>();
        if (!spec.startsWith("$")) {
            for (Map.Entry<Integer, String> e : module.names().functions().entrySet()) {
                if (e.getValue().equals(spec)) {
                    out.add(e.getKey());
                }
            }
            for (int f : rustPaths(spec)) {
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
            out.removeIf(this::isImported);
            out.sort(null);
        }
        return out.isEmpty() ? List.of(definedFunction(spec)) : out;
    }

    /**
     * The functions whose demangled Rust path is {@code spec} ({@code scores::total}) or, when none is, ends with
     * it at a {@code ::} ({@code total}); in index order.
     */
    private List<Integer> rustPaths(String spec) {
        List<Integer> whole = new ArrayList<>();
        List<Integer> ending = new ArrayList<>();
        for (Map.Entry<Integer, String> e : module.names().functions().entrySet()) {
            String name = e.getValue();
            String path = RustSymbols.demangle(name);
            if (path.equals(name) && !name.contains("::")) {
                continue; // not Rust
            }
            if (path.equals(spec)) {
                whole.add(e.getKey());
            } else if (RustSymbols.names(spec, path)) {
                ending.add(e.getKey());
            }
        }
        List<Integer> out = whole.isEmpty() ? ending : whole;
        out.sort(null);
        return out;
    }

    /** The defined function a user means, with a clear error for an import. */
    int definedFunction(String spec) throws DebugException {
        int index = function(spec);
        if (isImported(index)) {
            throw new DebugException(spec + " is imported: it has no code to stop in");
        }
        return index;
    }

    List<Instruction> body(int function) {
        return module.functions().get(function - module.importedFunctionCount()).body();
    }

    List<Disassembler.Line> listing(int function) {
        return listings.computeIfAbsent(function, f -> Disassembler.functionLines(module, f));
    }

    Location location(int function, int instruction) {
        Instruction ins = body(function).get(instruction);
        int line = 0;
        int column = 0;
        String file = null;
        if (text != null) {
            Instruction source = text.functions().get(function - module.importedFunctionCount()).body()
                    .get(instruction);
            line = source.line();
            column = source.column();
            file = sourceName;
        } else if (dwarf != null) {
            int defined = function - module.importedFunctionCount();
            int id = dwarf.file(defined, instruction);
            if (id >= 0) {
                file = dwarf.file(id).path();
                line = dwarf.line(defined, instruction);
                column = dwarf.column(defined, instruction);
            }
        }
        return new Location(function, functionName(function), instruction, ins.offset(), file, line, column,
                listing(function).get(instruction).text());
    }

    /** The instruction starting at byte {@code offset}: {function, instruction}. */
    int[] instructionAt(long offset) throws DebugException {
        for (int f = module.importedFunctionCount(); f < functionCount(); f++) {
            List<Instruction> body = body(f);
            for (int i = 0; i < body.size(); i++) {
                int start = body.get(i).offset();
                // the last instruction is the body's end, one byte long
                int next = i + 1 < body.size() ? body.get(i + 1).offset() : start + 1;
                if (start == offset) {
                    return new int[] {f, i};
                }
                if (offset > start && offset < next) {
                    throw new DebugException(String.format("0x%x is inside the instruction at 0x%x (%s)", offset,
                            start, listing(f).get(i).text()));
                }
            }
        }
        throw new DebugException(String.format("no instruction starts at 0x%x", offset));
    }

    /** For each function with code on source line {@code line}, its first instruction there: {function, instruction}. */
    List<int[]> instructionsAtLine(int line) {
        List<int[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (int f = module.importedFunctionCount(); f < functionCount(); f++) {
            List<Instruction> body = text.functions().get(f - module.importedFunctionCount()).body();
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i).line() == line) {
                    out.add(new int[] {f, i});
                    break;
                }
            }
        }
        return out;
    }

    String globalName(int index) {
        String name = module.names().global(index);
        if (name != null) {
            return name;
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.GLOBAL && e.index() == index) {
                return e.name();
            }
        }
        return null;
    }

    /** The global a user means: {@code $name}, an export name, or an index. */
    int global(String spec, int globalCount) throws DebugException {
        String bare = spec.startsWith("$") ? spec.substring(1) : spec;
        for (int i = 0; i < globalCount; i++) {
            if (bare.equals(module.names().global(i))) {
                return i;
            }
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.GLOBAL && e.name().equals(bare)) {
                return e.index();
            }
        }
        if (!bare.isEmpty() && bare.chars().allMatch(Character::isDigit) && bare.length() < 10) {
            int index = Integer.parseInt(bare);
            if (index < globalCount) {
                return index;
            }
        }
        throw new DebugException("no global named \"" + spec + "\"");
    }

    String localName(int function, int local) {
        return module.names().local(function, local);
    }

    boolean importsFunction(String module, String name) {
        for (Import i : this.module.imports()) {
            if (i.desc() instanceof ImportDesc.Func && i.module().equals(module) && i.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
