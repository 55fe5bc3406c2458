package dev.jwdb.debugger;

import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.engine.wasi.WasiFunction;
import dev.jwdb.engine.wasi.WasiHost;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One debugging session: a module, its instance, a run that can stop and continue, stop points and the capability
 * event log. Every shell command of DESIGN section 5 maps onto a method here. The session never prints: it returns
 * values and {@link StopEvent}s; guest output goes to the {@link GuestStdio} given at construction.
 *
 * <p>The work is shared out: a {@link Program} is the instantiated module with its code variants, a {@link Run}
 * drives guest code and decides where it stops, {@link InstanceState} reads and writes memory, globals, tables and
 * locals, {@link BreakpointSites} resolves where a breakpoint goes. This class keeps them in step and checks that
 * each request makes sense in the session's state.
 *
 * <p>How it stops: functions run their plain compiled code unless something needs more. A function with a
 * breakpoint runs an instrumented compilation with a CHECK before each instruction (armed where the breakpoint
 * is); while any watchpoint exists every function runs with watched loads and stores; a step puts the live frames
 * (and, stepping into calls, every function) on checked code for its duration. An interrupt patches the code from
 * the interrupting thread (see {@link Execution#interrupt()}). So a run without stop points runs the engine's
 * plain code.
 *
 * <p>Threads: the methods are called from one thread (the shell's), except {@link #interrupt}, which any thread may
 * call while that thread is inside a run method. Bad requests throw {@link DebugException} with a one-line
 * message; nothing else leaves the API.
 */
public final class DebugSession {
    private final GuestStdio stdio;
    private final Grants grants = new Grants();
    private final List<CapabilityEvent> log = new ArrayList<>();
    private final StopPointTable points = new StopPointTable();
    private List<String> args;
    private Consumer<HostCall> trace;

    private ModuleImage image;
    private Program program;
    /** The run whose frames can be inspected (stopped or trapped), or null. */
    private volatile Run run;
    private volatile SessionState state = SessionState.EMPTY;
    private StopEvent lastStop;
    private int selected;

    public DebugSession(GuestStdio stdio) {
        this.stdio = stdio;
    }

    /** A session whose guest uses the process's standard streams. */
    public DebugSession() {
        this(GuestStdio.system());
    }

    // ---- loading ----

    /** Reads {@code file} (binary {@code .wasm} or {@code .wat} text), validates it and makes it the session's module. Stop points are kept and re-resolved; a run in progress is ended. */
    public void load(Path file) throws DebugException {
        load(LoadedModule.read(file));
    }

    /** Like {@link #load(Path)} for content already read; {@code sourceName} names it in locations and decides text or binary with the content's magic. */
    public void load(String sourceName, byte[] content) throws DebugException {
        load(LoadedModule.of(sourceName, content));
    }

    /** Makes a module read beforehand (possibly on another thread) the session's module, as {@link #load(Path)} does. */
    public void load(LoadedModule loaded) {
        endProgram();
        image = loaded.image;
        if (args == null) {
            args = List.of(Path.of(image.sourceName).getFileName().toString());
        }
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            try {
                BreakpointSites.resolve(image, b);
            } catch (DebugException e) {
                // stays pending: the spec does not match this module
                BreakpointSites.unresolve(b);
            }
        }
        state = SessionState.LOADED;
    }

    /** The loaded module, or null. */
    public Module module() {
        return image == null ? null : image.module;
    }

    /** The file or name the module was loaded from, or null. */
    public String sourceName() {
        return image == null ? null : image.sourceName;
    }

    /**
     * What loading the module had to say, one line each: DWARF sections that could not be read and were ignored
     * (the module then debugs at the Wasm level). Empty when all went well or nothing is loaded.
     */
    public List<String> loadNotes() {
        return image == null ? List.of() : image.notes;
    }

    /**
     * Whether locations carry lines of C, Rust or other sources from the module's DWARF (a binary built with
     * {@code -g}), rather than lines of a {@code .wat} file or none.
     */
    public boolean sourceLevel() {
        return image != null && image.fromDwarf();
    }

    /**
     * The text of the source file {@code location} is in ({@link Location#source()}): the {@code .wat} file, or
     * a DWARF source file found by its compilation directory or next to the module. The message of the exception
     * says in one line where it was looked for.
     */
    public SourceText source(Location location) throws DebugException {
        requireModule();
        if (location == null || location.source() == null) {
            throw new DebugException("no source file for this location");
        }
        return image.source(location.source());
    }

    /**
     * The source files the module's DWARF line tables give code to, as recorded ({@code stats.c},
     * {@code libc-top-half/musl/src/stdlib/strtol.c}), for completion; empty without DWARF lines.
     */
    public List<String> sourceFiles() {
        return image != null && image.fromDwarf() ? image.dwarf().filesWithCode() : List.of();
    }

    /**
     * The source file the selected frame is in ({@code info source}): where it was found (or looked for), its
     * lines, and from its DWARF the compilation directory, language, compiler and DWARF version.
     */
    public SourceSummary sourceSummary() throws DebugException {
        Location l = frame(selected).location();
        if (l.source() == null) {
            throw new DebugException("no source file: " + l.function() + " has no source lines here");
        }
        return image.sourceSummary(l);
    }

    /** Display names of every function defined or imported, in index order, for completion and {@code info functions}. */
    public List<String> functionNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; image != null && i < image.functionCount(); i++) {
            out.add(image.functionName(i));
        }
        return out;
    }

    /**
     * Every global's name ({@code $name} from the name section or text, else its export name, else null), imported
     * ones first: known from the module alone, without an instance, for completion.
     */
    public List<String> globalNames() {
        List<String> out = new ArrayList<>();
        int count = image == null ? 0 : image.module.importedGlobalCount() + image.module.globals().size();
        for (int i = 0; i < count; i++) {
            out.add(image.globalName(i));
        }
        return out;
    }

    /** The guest's command-line arguments for the next run (argv[0] included; by default the file name). */
    public void arguments(List<String> args) {
        this.args = List.copyOf(args);
        if (program != null && !program.ranCode()) {
            endProgram(); // made for inspection with the old arguments; the next invoke makes one with these
        }
    }

    /** The capabilities granted to the guest. Changes take effect at the next WASI call, also while stopped. */
    public Grants grants() {
        return grants;
    }

    // ---- running ----

    /**
     * Starts the program: a fresh instance, then its start function (if the module has one) and {@code _start}, all
     * under the debugger. Returns when it stops.
     */
    public StopEvent run() throws DebugException {
        requireModule();
        instantiate();
        ExternVal export = program.instance.export("_start");
        if (!(export instanceof FunctionInstance start)) {
            throw new DebugException("the module exports no _start function; call an export with invoke");
        }
        if (start.isHost()) {
            throw new DebugException("_start is imported: run needs the module's own _start");
        }
        List<Run.Call> calls = program.startup(false);
        calls.add(new Run.Call(start, new Value[0], false));
        return start(calls);
    }

    /**
     * Calls export {@code function} with {@code args} parsed by its parameter types ({@code 10}, {@code 1.5},
     * {@code 0x10}), on the current instance. An instance whose start-up code has not run yet runs it first, under
     * the debugger: its start function, then {@code _initialize} if the module exports one (a WASI reactor); when
     * there is no instance, or its start-up never returned, a fresh one is made. Stop points apply.
     */
    public StopEvent invoke(String function, List<String> args) throws DebugException {
        requireModule();
        if (run != null && run.canContinue()) {
            throw new DebugException("the program is stopped in a run: continue it or kill it first");
        }
        if (program == null || program.startupFailed()) {
            instantiate();
        }
        int index = image.function(function);
        FunctionInstance f = program.instance.function(index);
        if (f.isHost()) {
            throw new DebugException(function + " is imported: invoke a function of the module");
        }
        FuncType type = f.type();
        if (args.size() != type.params().size()) {
            throw new DebugException(function + " takes " + type.params().size() + " argument(s) " + type
                    + ", got " + args.size());
        }
        Value[] values = new Value[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ValueText.parse(type.params().get(i), args.get(i));
        }
        // invoke _initialize is the reactor's start-up itself: it runs once
        List<Run.Call> calls = program.startup(program.instance.export(Program.INITIALIZE) != f);
        calls.add(new Run.Call(f, values, false));
        return start(calls);
    }

    /** Continues a stopped run ({@code continue}). */
    public StopEvent resume() throws DebugException {
        requireStopped();
        return drive();
    }

    /** {@code stepi}: runs one instruction; a call stops at the callee's first instruction, a host call runs and stops with {@link StopEvent.WasiCall} after it. */
    public StopEvent stepInstruction() throws DebugException {
        return step(Step.Kind.INSTRUCTION, 0);
    }

    /** {@code step}: runs to the next source line, entering calls; without source lines, like {@link #stepInstruction}. */
    public StopEvent stepLine() throws DebugException {
        return step(Step.Kind.LINE, 0);
    }

    /** {@code next}: runs to the next source line (or instruction, without lines) of this frame or its caller, running calls to their end. */
    public StopEvent stepOver() throws DebugException {
        return step(Step.Kind.OVER, 0);
    }

    /** {@code finish}: runs until the selected frame returns; stops in its caller right after the call, the results on the caller's operand stack. */
    public StopEvent stepOut() throws DebugException {
        return step(Step.Kind.OUT, selected);
    }

    /**
     * {@code advance LOCATION}: runs until {@code spec} (a function, {@code $id}, {@code @offset} or
     * {@code file:line}, as for {@link #breakAt}) is reached or the selected frame returns, whichever comes first;
     * either is a {@link StopEvent.StepDone}. Other stop points still stop it on the way.
     */
    public StopEvent advance(String spec) throws DebugException {
        requireStopped();
        StopPoint.Breakpoint there = breakAt(spec, null, true);
        StopEvent event;
        try {
            if (there.pending()) {
                throw new DebugException("advance: " + spec + " matches no code of " + image.sourceName);
            }
            event = stepOut();
        } finally {
            points.withdraw(there.id());
            applyStopPoints();
        }
        if (event instanceof StopEvent.BreakpointHit hit && hit.breakpoint().id() == there.id()) {
            return new StopEvent.StepDone(hit.location());
        }
        return event;
    }

    /** Runs a call held by a capability denial again (after a grant, it may now succeed). */
    public StopEvent retry() throws DebugException {
        requireHeld();
        return drive();
    }

    /** Lets a held denial's errno reach the guest and continues. */
    public StopEvent deliver() throws DebugException {
        requireHeld();
        program.wasi.deliverOnce = true;
        return drive();
    }

    /** Stops the running program at its next loop iteration or call; thread-safe, returns at once. No effect when nothing runs. */
    public void interrupt() {
        Run r = run;
        // an interrupt asked for as a run starts reaches it (Execution keeps it until it runs); one while stopped is
        // not kept for the next continue
        if (r != null && state == SessionState.RUNNING) {
            r.interrupt();
        }
    }

    /** Ends the current run, if any (its frames are gone; the instance's memory and globals stay). */
    public void kill() {
        run = null;
        if (state == SessionState.STOPPED || state == SessionState.TRAPPED) {
            state = SessionState.LOADED;
        }
    }

    public SessionState state() {
        return state;
    }

    /** The stop event of the last run command, or null. */
    public StopEvent lastStop() {
        return lastStop;
    }

    /** Replaces the program with a fresh instance of the module. */
    private void instantiate() throws DebugException {
        endProgram();
        program = Program.instantiate(image, args, grants, stdio, log, trace);
    }

    private void endProgram() {
        kill();
        if (program != null) {
            program.close();
        }
        program = null;
        if (image != null) {
            state = SessionState.LOADED;
        }
    }

    private StopEvent start(List<Run.Call> calls) {
        run = new Run(image, program, points, calls);
        return drive();
    }

    private StopEvent step(Step.Kind kind, int frame) throws DebugException {
        requireStopped();
        FrameView top = run.frame(frame);
        state = SessionState.RUNNING;
        return stopped(run.step(kind, top));
    }

    private StopEvent drive() {
        state = SessionState.RUNNING;
        return stopped(run.drive());
    }

    /** Takes in where the run stopped: the session's state follows, and the innermost frame is selected. */
    private StopEvent stopped(StopEvent event) {
        if (event instanceof StopEvent.Finished || event instanceof StopEvent.Exited) {
            run = null;
            state = SessionState.LOADED;
        } else if (event instanceof StopEvent.Trapped) {
            state = SessionState.TRAPPED;
        } else {
            state = SessionState.STOPPED;
        }
        selected = 0;
        lastStop = event;
        return event;
    }

    /** Installs in the program's code what the stop points need (see {@link Program#applyStopPoints}). */
    private void applyStopPoints() {
        Run r = run;
        if (r != null) {
            r.applyStopPoints();
        } else if (program != null) {
            program.applyStopPoints(points, null);
        }
    }

    // ---- stop points ----

    /**
     * Sets a breakpoint on a function ({@code fib}, {@code $fib}, an export name), a byte offset ({@code @0x1c}) or
     * a source line ({@code fib.wat:7}, {@code 7}; {@code stats.c:18} in a binary with DWARF), with an optional
     * {@code condition} (null for none). Before a module is loaded it is pending. With DWARF, a function breakpoint
     * goes after the function's prologue and a line without code moves to the next line with code, as in gdb.
     */
    public StopPoint.Breakpoint breakAt(String spec, String condition) throws DebugException {
        return breakAt(spec, condition, false);
    }

    /** As {@link #breakAt(String, String)}; a {@code temporary} breakpoint is deleted when it stops the program. */
    public StopPoint.Breakpoint breakAt(String spec, String condition, boolean temporary) throws DebugException {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            throw new DebugException("break needs a function, @offset or file:line");
        }
        StopPointTable.Breakpoint b = new StopPointTable.Breakpoint(points.nextId(), s, temporary);
        if (image != null) {
            BreakpointSites.resolve(image, b);
        }
        if (condition != null && !condition.isBlank()) {
            b.condition = Condition.of(condition.trim(), image, b.locations);
        }
        points.add(b.id, b);
        applyStopPoints();
        return b.snapshot();
    }

    /** Watches {@code length} bytes of linear memory at {@code address}. */
    public StopPoint.Watchpoint watchMemory(long address, int length, StopPoint.WatchKind kind) throws DebugException {
        if (length < 1) {
            throw new DebugException("a watched range needs at least one byte");
        }
        if (address < 0 || address + length > 0x1_0000_0000L) {
            throw new DebugException(String.format("0x%x..0x%x is outside any 32-bit memory", address,
                    address + length));
        }
        StopPointTable.Watchpoint w = new StopPointTable.Watchpoint(points.nextId(),
                kind == null ? StopPoint.WatchKind.WRITE : kind, address, length, -1, null);
        points.add(w.id, w);
        applyStopPoints();
        return w.snapshot();
    }

    /** Watches writes of a global, by {@code $name}, export name or index. */
    public StopPoint.Watchpoint watchGlobal(String global) throws DebugException {
        requireModule();
        int count = image.module.importedGlobalCount() + image.module.globals().size();
        int index = image.global(global, count);
        String name = image.globalName(index);
        StopPointTable.Watchpoint w = new StopPointTable.Watchpoint(points.nextId(), StopPoint.WatchKind.WRITE, 0, 0,
                index, name != null ? "$" + name : "global[" + index + "]");
        points.add(w.id, w);
        applyStopPoints();
        return w.snapshot();
    }

    /** Stops before every WASI call, or only those named in {@code functions}. */
    public StopPoint.Catchpoint catchWasi(List<String> functions) throws DebugException {
        WasiHost names = new WasiHost(List.of(), new Grants(), stdio, ev -> null);
        try {
            for (String f : functions) {
                if (names.functions().stream().map(WasiFunction::name).noneMatch(f::equals)) {
                    throw new DebugException("no WASI function named " + f);
                }
            }
        } finally {
            names.close();
        }
        return addCatch(StopPoint.CatchKind.WASI, functions);
    }

    /** Stops at capability denials, holding the call. */
    public StopPoint.Catchpoint catchDenied() {
        return addCatch(StopPoint.CatchKind.DENIED, List.of());
    }

    /** Counts traps as a catch point (traps always stop at the faulting instruction). */
    public StopPoint.Catchpoint catchTrap() {
        return addCatch(StopPoint.CatchKind.TRAP, List.of());
    }

    private StopPoint.Catchpoint addCatch(StopPoint.CatchKind kind, List<String> functions) {
        StopPointTable.Catchpoint c = new StopPointTable.Catchpoint(points.nextId(), kind, functions);
        points.add(c.id, c);
        return c.snapshot();
    }

    /** Every breakpoint, watchpoint and catch point, by id. */
    public List<StopPoint> stopPoints() {
        return points.snapshot();
    }

    /** Breakpoint {@code id} passes over its next {@code count} hits without stopping ({@code ignore}). */
    public StopPoint.Breakpoint ignore(int id, int count) throws DebugException {
        if (count < 0) {
            throw new DebugException("ignore needs a count of 0 or more, not " + count);
        }
        StopPointTable.Breakpoint b = points.breakpoint(id);
        b.ignoreCount = count;
        return b.snapshot();
    }

    /** Gives breakpoint {@code id} the condition {@code condition}, or none when it is null or blank. */
    public StopPoint.Breakpoint condition(int id, String condition) throws DebugException {
        StopPointTable.Breakpoint b = points.breakpoint(id);
        b.condition = condition == null || condition.isBlank() ? null : Condition.of(condition.trim(), image,
                b.locations);
        return b.snapshot();
    }

    public void delete(int id) throws DebugException {
        points.delete(id);
        applyStopPoints();
    }

    public void enable(int id, boolean enabled) throws DebugException {
        points.enable(id, enabled);
        applyStopPoints();
    }

    // ---- frames ----

    /** The live frames, innermost first ({@code bt}). */
    public List<Frame> backtrace() throws DebugException {
        requireFrames();
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < run.frameCount(); i++) {
            out.add(new Frame(i, run.frame(i).location()));
        }
        return out;
    }

    /** Selects frame {@code number} for the inspection commands ({@code frame N}). */
    public Frame selectFrame(int number) throws DebugException {
        frame(number);
        selected = number;
        return selectedFrame();
    }

    /** Selects the caller of the selected frame. */
    public Frame up() throws DebugException {
        requireFrames();
        if (selected + 1 >= run.frameCount()) {
            throw new DebugException("frame " + selected + " is the outermost frame");
        }
        return selectFrame(selected + 1);
    }

    /** Selects the callee of the selected frame. */
    public Frame down() throws DebugException {
        requireFrames();
        if (selected == 0) {
            throw new DebugException("frame 0 is the innermost frame");
        }
        return selectFrame(selected - 1);
    }

    public Frame selectedFrame() throws DebugException {
        return new Frame(selected, frame(selected).location());
    }

    private FrameView frame(int number) throws DebugException {
        requireFrames();
        return run.frame(number);
    }

    /** The selected frame's locals, parameters first, with names and types. */
    public List<Local> locals() throws DebugException {
        return frame(selected).locals();
    }

    /**
     * The selected frame's variables of the source program (C, Rust...) from the module's DWARF, parameters first:
     * empty when the module has no DWARF or it describes no function there. A {@link DebugException} says why
     * they cannot be read.
     */
    public List<SourceVariable> sourceVariables() throws DebugException {
        FrameView f = frame(selected);
        return image.sourceVariables(f, instanceState());
    }

    /**
     * Whether the module's DWARF describes the function of the selected frame: then no {@link #sourceVariables}
     * means that none is in scope there (at the start of Rust's {@code main}, before its first {@code let}), not
     * that the function is unknown (one of the runtime's, built without {@code -g}).
     */
    public boolean sourceFunction() throws DebugException {
        return image.sourceFunction(frame(selected));
    }

    /** The selected frame's operand stack, bottom first, typed. */
    public List<Value> operandStack() throws DebugException {
        return frame(selected).operands();
    }

    /** Sets a local of the selected frame ({@code $n} or an index) to {@code value}, parsed by its type. */
    public Local setLocal(String local, String value) throws DebugException {
        FrameView f = frame(selected);
        return new InstanceState(image, program).setLocal(f, local, value);
    }

    /** The selected frame's function as WAT, its current instruction marked. */
    public Listing disassemble() throws DebugException {
        FrameView f = frame(selected);
        return listing(f.function.index(), f.instruction);
    }

    /** Function {@code function} as WAT; marked when the selected frame is in it. */
    public Listing disassemble(String function) throws DebugException {
        requireModule();
        int index = image.definedFunction(function);
        int current = -1;
        if (run != null) {
            FrameView f = frame(selected);
            if (f.function.index() == index) {
                current = f.instruction;
            }
        }
        return listing(index, current);
    }

    private Listing listing(int function, int current) {
        return new Listing(image.location(function, 0), Disassembler.functionHeader(image.module, function),
                image.listing(function), current);
    }

    // ---- memory, globals, tables ----

    /** The instance's globals (imported ones included). */
    public List<GlobalVariable> globals() throws DebugException {
        return instanceState().globals();
    }

    /** Memory 0's size in bytes. */
    public long memorySize() throws DebugException {
        return instanceState().memorySize();
    }

    /** {@code count} values of {@code format} from {@code address} on. */
    public List<MemoryCell> readMemory(long address, MemoryFormat format, int count) throws DebugException {
        return instanceState().readMemory(address, format, count);
    }

    /** {@code length} raw bytes, for hex dumps. */
    public byte[] readBytes(long address, int length) throws DebugException {
        return instanceState().readBytes(address, length);
    }

    /** The NUL-terminated UTF-8 string at {@code address}, at most {@code maxBytes} long. */
    public String readString(long address, int maxBytes) throws DebugException {
        return instanceState().readString(address, maxBytes);
    }

    /** Every element of table {@code index}. */
    public List<TableEntry> table(int index) throws DebugException {
        return instanceState().table(index);
    }

    public int tableCount() throws DebugException {
        return instanceState().tableCount();
    }

    /** Sets a mutable global ({@code $g}, export name or index) to {@code value}, parsed by its type. */
    public GlobalVariable setGlobal(String global, String value) throws DebugException {
        return instanceState().setGlobal(global, value);
    }

    /** Writes {@code value}, parsed as {@code format}, to memory at {@code address}. */
    public void writeMemory(long address, MemoryFormat format, String value) throws DebugException {
        instanceState().writeMemory(address, format, value);
    }

    /** Evaluates an expression of the condition language over the selected frame: {@code $n}, {@code local 2}, {@code global 0}, {@code i32[0x1000]}, arithmetic and comparisons. */
    public Value evaluate(String expression) throws DebugException {
        InstanceState data = instanceState();
        Expression e = Expression.parse(expression);
        FrameView f = run != null && run.frameCount() > 0 ? frame(selected) : null;
        return e.evaluate(data.scope(f));
    }

    /**
     * Whether {@code expression} is C, to be evaluated by {@link #evaluateSource}: the module's DWARF has variables
     * and the expression uses none of the Wasm-level forms ({@code $name}, {@code local N}, {@code global N},
     * {@code i32[ADDR]}...), which {@link #evaluate} reads.
     */
    public boolean isSourceExpression(String expression) {
        return image != null && image.hasSourceVariables() && !CExpression.usesWasmForms(expression);
    }

    /**
     * Evaluates a C expression over the selected frame's variables in scope and the program's global variables
     * (only the globals when no frame is stopped): {@code s->min}, {@code argv[1]}, {@code *end},
     * {@code value * 2 > 5}, {@code (char) value}. The value is shown by its type as {@link #sourceVariables} shows
     * values, in {@code radix}. Memory is read within bounds: a bad pointer is a {@link DebugException} saying which
     * bytes could not be read.
     */
    public SourceValue evaluateSource(String expression, SourceValue.Radix radix) throws DebugException {
        CScope scope = sourceScope();
        CValue v = CExpression.parse(expression, image::isTypedef).evaluate(scope);
        long size = v.type().size();
        if (v.address() >= 0 && size > 8 && size <= 4096) {
            scope.bytes(v.address(), (int) size); // the whole of a structure or array, or a clear error
        }
        return new SourceValue(v.type().toString(), CValueText.format(v.type(), v.place(), scope, radix));
    }

    /**
     * The address a C expression gives, for {@code x}: a pointer's value, an integer, or where an array starts
     * ({@code x/4dw s}, {@code x/s argv[1]}).
     */
    public long sourceAddress(String expression) throws DebugException {
        CScope scope = sourceScope();
        CValue v = COperators.decay(CExpression.parse(expression, image::isTypedef).evaluate(scope), expression);
        if (CTypes.isPointer(v.type())) {
            return COperators.address(v, scope);
        }
        if (CTypes.isInteger(v.type())) {
            return COperators.integer(v, scope) & 0xFFFF_FFFFL;
        }
        throw new DebugException(expression + " is " + v.type() + ", not an address" + (v.address() >= 0 ? " (&"
                + expression + " is where it is)" : ""));
    }

    private CScope sourceScope() throws DebugException {
        InstanceState data = instanceState();
        FrameView f = run != null && run.frameCount() > 0 ? frame(selected) : null;
        return image.sourceScope(f, data);
    }

    private InstanceState instanceState() throws DebugException {
        requireInstance();
        return new InstanceState(image, program);
    }

    // ---- capability events ----

    /** Every capability decision since the session began, oldest first. */
    public List<CapabilityEvent> events() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The denials only. */
    public List<CapabilityEvent> deniedEvents() {
        return events().stream().filter(CapabilityEvent::denied).toList();
    }

    /** The decisions made by WASI function {@code function} (e.g. {@code path_open}). */
    public List<CapabilityEvent> events(String function) {
        return events().stream().filter(e -> e.function().equals(function)).toList();
    }

    /** Receives every WASI call after it ran ({@code trace wasi on}); null switches tracing off. Called on the running thread. */
    public void traceWasi(Consumer<HostCall> listener) {
        trace = listener;
        if (program != null) {
            program.wasi.trace = listener;
        }
    }

    // ---- preconditions ----

    private void requireModule() throws DebugException {
        if (image == null) {
            throw new DebugException("no module loaded");
        }
    }

    /**
     * An instance to inspect. Before the first run or invoke it is made now, without running any code, so that
     * memory, globals and tables show the module's initial image (its data and element segments), as a debugger
     * shows a program's static data before it starts.
     */
    private void requireInstance() throws DebugException {
        requireModule();
        if (program == null) {
            program = Program.instantiate(image, args, grants, stdio, log, trace);
        }
    }

    private void requireFrames() throws DebugException {
        requireModule();
        if (run == null) {
            throw new DebugException("the program is not stopped");
        }
    }

    private void requireStopped() throws DebugException {
        requireFrames();
        if (!run.canContinue()) {
            throw new DebugException("the program trapped; it cannot continue (run starts it again)");
        }
    }

    private void requireHeld() throws DebugException {
        requireStopped();
        if (!run.holdsCall()) {
            throw new DebugException("no call is held: retry and deliver answer a denied call");
        }
    }
}
