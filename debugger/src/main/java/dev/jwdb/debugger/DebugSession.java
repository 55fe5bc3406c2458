package dev.jwdb.debugger;

import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.Execution;
import dev.jwdb.engine.exec.ExecutionState;
import dev.jwdb.engine.exec.Instrumentation;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.TableInstance;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.text.Disassembler;
import dev.jwdb.engine.wasi.CallHeld;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;
import dev.jwdb.engine.wasi.ProcExit;
import dev.jwdb.engine.wasi.WasiFunction;
import dev.jwdb.engine.wasi.WasiHost;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One debugging session: a module, its instance, a run that can stop and continue, stop points and the capability
 * event log. Every shell command of DESIGN section 5 maps onto a method here. The session never prints: it returns
 * values and {@link StopEvent}s; guest output goes to the {@link GuestStdio} given at construction.
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
    private Store store;
    private Instance instance;
    private WasiBinding wasi;
    private CodeVariants variants;

    private Execution execution;
    private volatile Execution running;
    private SessionState state = SessionState.EMPTY;
    private StopEvent lastStop;
    private Step step;
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
        endInstance();
        image = loaded.image;
        if (args == null) {
            args = List.of(Path.of(image.sourceName).getFileName().toString());
        }
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            try {
                resolve(b);
            } catch (DebugException e) {
                // stays pending: the spec does not match this module
                b.sites = List.of();
                b.locations = List.of();
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

    /** Display names of every function defined or imported, in index order, for completion and {@code info functions}. */
    public List<String> functionNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; image != null && i < image.functionCount(); i++) {
            out.add(image.functionName(i));
        }
        return out;
    }

    /** The guest's command-line arguments for the next run (argv[0] included; by default the file name). */
    public void arguments(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** The capabilities granted to the guest. Changes take effect at the next WASI call, also while stopped. */
    public Grants grants() {
        return grants;
    }

    // ---- running ----

    /** Starts the program: a fresh instance, then {@code _start}. Returns when it stops. */
    public StopEvent run() throws DebugException {
        requireModule();
        instantiate();
        ExternVal start = instance.export("_start");
        if (!(start instanceof FunctionInstance f)) {
            throw new DebugException("the module exports no _start function; call an export with invoke");
        }
        return start(f, new Value[0]);
    }

    /** Calls export {@code function} with {@code args} parsed by its parameter types ({@code 10}, {@code 1.5}, {@code 0x10}), on the current instance (instantiated, with {@code _initialize} run, if there is none yet). Stop points apply. */
    public StopEvent invoke(String function, List<String> args) throws DebugException {
        requireModule();
        if (execution != null && execution.canContinue()) {
            throw new DebugException("the program is stopped in a run: continue it or kill it first");
        }
        if (instance == null) {
            instantiate();
            if (instance.export("_initialize") instanceof FunctionInstance init) {
                try {
                    store.invoke(init);
                } catch (WasmException e) {
                    throw new DebugException("_initialize failed: " + e.getMessage());
                }
            }
        }
        int index = image.function(function);
        FunctionInstance f = instance.function(index);
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
        return start(f, values);
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

    /** Runs a call held by a capability denial again (after a grant, it may now succeed). */
    public StopEvent retry() throws DebugException {
        requireHeld();
        return drive();
    }

    /** Lets a held denial's errno reach the guest and continues. */
    public StopEvent deliver() throws DebugException {
        requireHeld();
        wasi.deliverOnce = true;
        return drive();
    }

    /** Stops the running program at its next loop iteration or call; thread-safe, returns at once. No effect when nothing runs. */
    public void interrupt() {
        Execution e = running;
        if (e != null) {
            e.interrupt();
        }
    }

    /** Ends the current run, if any (its frames are gone; the instance's memory and globals stay). */
    public void kill() {
        execution = null;
        step = null;
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

    private void instantiate() throws DebugException {
        endInstance();
        store = new Store();
        wasi = new WasiBinding(args, grants, stdio, log);
        try {
            instance = store.instantiate(image.module, wasi);
        } catch (WasmException e) {
            wasi.close();
            wasi = null;
            throw new DebugException("cannot instantiate " + image.sourceName + ": " + e.getMessage());
        }
        wasi.bind(instance);
        variants = new CodeVariants(instance);
    }

    private void endInstance() {
        kill();
        if (wasi != null) {
            wasi.close();
        }
        wasi = null;
        instance = null;
        store = null;
        variants = null;
        if (image != null) {
            state = SessionState.LOADED;
        }
    }

    private StopEvent start(FunctionInstance f, Value[] values) {
        execution = new Execution(store, f, values, points, () -> variants.all());
        step = null;
        return drive();
    }

    private StopEvent step(Step.Kind kind, int frame) throws DebugException {
        requireStopped();
        FrameView top = frame(frame);
        Location at = top.location();
        step = new Step(kind, image.fromText() && kind != Step.Kind.INSTRUCTION, top.depth, at.line(), wasi.calls);
        return drive();
    }

    /** Runs until something the user wants to see: a stop event. */
    private StopEvent drive() {
        applyStopPoints();
        while (true) {
            ExecutionState st = execution.state();
            if (step != null) {
                if (step.entersCalls()) {
                    for (FunctionInstance f : instance.functions()) {
                        if (!f.isHost() && f.instance() == instance) {
                            variants.install(f, true, points.watchNeeds());
                        }
                    }
                }
                variants.relocateFrames(st, true, points.watchNeeds());
                st.stepDepth(step.pauseDepth());
            }
            wasi.caught = name -> !points.catchingWasi(name).isEmpty();
            wasi.holdDenials = !points.catching(StopPoint.CatchKind.DENIED).isEmpty();
            wasi.trace = trace;
            if (execution.last() instanceof Execution.Outcome.HostThrew h && h.exception() instanceof CaughtCall) {
                wasi.skipCatchOnce = true;
            }
            state = SessionState.RUNNING;
            running = execution;
            Execution.Outcome outcome;
            try {
                outcome = execution.run();
            } finally {
                running = null;
            }
            StopEvent event = decide(outcome);
            if (event != null) {
                st.stepDepth(-1);
                step = null;
                wasi.skipCatchOnce = false;
                selected = 0;
                lastStop = event;
                applyStopPoints();
                return event;
            }
        }
    }

    /** The stop event for an outcome, or null when the run should just continue. */
    private StopEvent decide(Execution.Outcome outcome) {
        if (outcome instanceof Execution.Outcome.Returned r) {
            List<Value> results = r.results();
            execution = null;
            state = SessionState.LOADED;
            return new StopEvent.Finished(results);
        }
        if (outcome instanceof Execution.Outcome.Trapped t) {
            return trapped(t.error().getMessage());
        }
        state = SessionState.STOPPED;
        if (outcome instanceof Execution.Outcome.HostThrew h) {
            RuntimeException e = h.exception();
            if (e instanceof ProcExit exit) {
                execution = null;
                state = SessionState.LOADED;
                return new StopEvent.Exited(exit.code());
            }
            if (e instanceof CallHeld held) {
                points.catching(StopPoint.CatchKind.DENIED).forEach(c -> c.hits++);
                return new StopEvent.Denied(held.event(), wasi.lastCall, here(true));
            }
            if (e instanceof CaughtCall caught) {
                points.catchingWasi(caught.call.name()).forEach(c -> c.hits++);
                return new StopEvent.WasiCall(caught.call, here(true));
            }
            return trapped("host function failed: " + e.getMessage());
        }
        Execution.Pause pause = ((Execution.Outcome.Paused) outcome).reason();
        if (pause == Execution.Pause.INTERRUPTED) {
            return new StopEvent.Interrupted(here(false));
        }
        if (pause == Execution.Pause.AFTER_ACCESS) {
            StopEvent watch = watchTriggered(execution.state().lastAccess());
            if (watch != null) {
                return watch;
            }
        } else {
            StopEvent hit = breakpointHit();
            if (hit != null) {
                return hit;
            }
        }
        if (step != null && pause == Execution.Pause.BEFORE_INSTRUCTION) {
            FrameView top = frame0();
            Location at = top.location();
            if (step.done(top.depth, at.line())) {
                if (wasi.calls != step.callsBefore && step.kind == Step.Kind.INSTRUCTION && wasi.lastCall != null) {
                    return new StopEvent.WasiCall(wasi.lastCall, at);
                }
                return new StopEvent.StepDone(at);
            }
        }
        return null;
    }

    private StopEvent trapped(String message) {
        points.catching(StopPoint.CatchKind.TRAP).forEach(c -> c.hits++);
        state = SessionState.TRAPPED;
        Location at = execution.state().frameCount() > 0 ? here(true) : null;
        return new StopEvent.Trapped(message, at);
    }

    private StopEvent breakpointHit() {
        FrameView top = frame0();
        int fn = top.function.index();
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            if (!b.enabled || !b.at(fn, top.instruction)) {
                continue;
            }
            if (b.condition != null) {
                try {
                    if (!Expression.truthy(b.condition.evaluate(scope(top)))) {
                        continue;
                    }
                } catch (DebugException e) {
                    // a condition that cannot be evaluated here stops, as gdb does, so the user can see why
                }
            }
            b.hits++;
            return new StopEvent.BreakpointHit(top.location(), b.snapshot());
        }
        return null;
    }

    private StopEvent watchTriggered(Access access) {
        FrameView top = frame0();
        List<StopPointTable.Watchpoint> hit = points.triggered(access.global(), access.address(), access.width(),
                access.write());
        for (StopPointTable.Watchpoint w : hit) {
            if (w.kind == StopPoint.WatchKind.WRITE && access.oldBits() == access.newBits()) {
                // gdb's software watchpoints report changes only
                continue;
            }
            w.hits++;
            Value old;
            Value now;
            if (access.global() >= 0) {
                ValType t = instance.global(access.global()).type().type();
                old = Value.ofSlot(t, access.oldBits());
                now = Value.ofSlot(t, access.newBits());
            } else if (access.width() == 8) {
                old = Value.i64(access.oldBits());
                now = Value.i64(access.newBits());
            } else {
                old = Value.i32((int) access.oldBits());
                now = Value.i32((int) access.newBits());
            }
            return new StopEvent.WatchTriggered(w.snapshot(), image.location(top.function.index(),
                    access.instruction()), top.location(), old, now);
        }
        return null;
    }

    /** Where frame 0 is; {@code inside} for a stop within its instruction (trap, host call) rather than before. */
    private Location here(boolean inside) {
        return new FrameView(image, variants, execution.state(), 0, inside).location();
    }

    private boolean faulted() {
        Execution.Outcome last = execution.last();
        return last instanceof Execution.Outcome.Trapped || last instanceof Execution.Outcome.HostThrew;
    }

    private FrameView frame0() {
        return new FrameView(image, variants, execution.state(), 0, faulted());
    }

    /**
     * Installs in every function the compilation its stop points need, arms the CHECKs of breakpoints, and moves
     * live frames that now need more instrumentation onto it.
     */
    private void applyStopPoints() {
        if (variants == null) {
            return;
        }
        Instrumentation watches = points.watchNeeds();
        Map<Integer, Set<Integer>> armed = new HashMap<>();
        for (StopPointTable.Breakpoint b : points.breakpoints()) {
            if (b.enabled) {
                for (int[] s : b.sites) {
                    armed.computeIfAbsent(s[0], k -> new HashSet<>()).add(s[1]);
                }
            }
        }
        for (FunctionInstance f : instance.functions()) {
            if (f.isHost() || f.instance() != instance) {
                continue;
            }
            Set<Integer> sites = armed.getOrDefault(f.index(), Set.of());
            variants.install(f, !sites.isEmpty(), watches);
            variants.arm(f, sites);
        }
        if (execution != null && execution.canContinue()) {
            ExecutionState st = execution.state();
            for (int i = 0; i < st.frameCount(); i++) {
                variants.relocate(st, i, armed.containsKey(st.frameFunction(i).index()), watches);
            }
        }
    }

    // ---- stop points ----

    /** Sets a breakpoint on a function ({@code fib}, {@code $fib}, an export name), a byte offset ({@code @0x1c}) or a source line ({@code fib.wat:7}, {@code 7}), with an optional {@code condition} (null for none). Before a module is loaded it is pending. */
    public StopPoint.Breakpoint breakAt(String spec, String condition) throws DebugException {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            throw new DebugException("break needs a function, @offset or file:line");
        }
        Expression cond = condition == null || condition.isBlank() ? null : Expression.parse(condition.trim());
        StopPointTable.Breakpoint b = new StopPointTable.Breakpoint(points.nextId(), s, cond);
        if (image != null) {
            resolve(b);
        }
        points.add(b.id, b);
        applyStopPoints();
        return b.snapshot();
    }

    private void resolve(StopPointTable.Breakpoint b) throws DebugException {
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
        } catch (java.nio.file.InvalidPathException e) {
            return false; // a name no file can have (a NUL in it) names none of the module's files
        }
        return l.endsWith(a) || a.endsWith(l) || java.util.Objects.equals(l.getFileName(), a.getFileName());
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

    public void delete(int id) throws DebugException {
        points.delete(id);
        applyStopPoints();
    }

    public void enable(int id, boolean enabled) throws DebugException {
        points.enable(id, enabled);
        applyStopPoints();
    }

    // ---- inspection ----

    /** The live frames, innermost first ({@code bt}). */
    public List<Frame> backtrace() throws DebugException {
        requireFrames();
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < execution.state().frameCount(); i++) {
            out.add(new Frame(i, frame(i).location()));
        }
        return out;
    }

    /** Selects frame {@code number} for the inspection commands ({@code frame N}). */
    public Frame selectFrame(int number) throws DebugException {
        requireFrames();
        frame(number);
        selected = number;
        return selectedFrame();
    }

    /** Selects the caller of the selected frame. */
    public Frame up() throws DebugException {
        requireFrames();
        if (selected + 1 >= execution.state().frameCount()) {
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
        requireFrames();
        return new Frame(selected, frame(selected).location());
    }

    private FrameView frame(int number) throws DebugException {
        requireFrames();
        int count = execution.state().frameCount();
        if (number < 0 || number >= count) {
            throw new DebugException("no frame " + number + ": there " + (count == 1 ? "is 1 frame" : "are " + count
                    + " frames") + " (0.." + (count - 1) + ")");
        }
        return new FrameView(image, variants, execution.state(), number, number == 0 && faulted());
    }

    /** The selected frame's locals, parameters first, with names and types. */
    public List<Local> locals() throws DebugException {
        return frame(selected).locals();
    }

    /** The selected frame's operand stack, bottom first, typed. */
    public List<Value> operandStack() throws DebugException {
        return frame(selected).operands();
    }

    /** The instance's globals (imported ones included). */
    public List<GlobalVariable> globals() throws DebugException {
        requireInstance();
        List<GlobalVariable> out = new ArrayList<>();
        for (int i = 0; i < instance.globalCount(); i++) {
            GlobalInstance g = instance.global(i);
            out.add(new GlobalVariable(i, image.globalName(i), g.type().mutable(), g.value()));
        }
        return out;
    }

    /** Memory 0's size in bytes. */
    public long memorySize() throws DebugException {
        return memory().bytes().length;
    }

    private MemoryInstance memory() throws DebugException {
        requireInstance();
        MemoryInstance m = instance.memoryOrNull();
        if (m == null) {
            throw new DebugException("the module has no memory");
        }
        return m;
    }

    private byte[] checkedBytes(long address, long length) throws DebugException {
        byte[] bytes = memory().bytes();
        if (length < 0 || address < 0 || address + length > bytes.length) {
            throw new DebugException(String.format("0x%x..0x%x is out of bounds: the memory has 0x%x bytes",
                    address, address + length, bytes.length));
        }
        return bytes;
    }

    /** {@code count} values of {@code format} from {@code address} on. */
    public List<MemoryCell> readMemory(long address, MemoryFormat format, int count) throws DebugException {
        if (count < 1) {
            throw new DebugException("the count must be at least 1");
        }
        byte[] bytes = checkedBytes(address, (long) count * format.width());
        List<MemoryCell> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = address + (long) i * format.width();
            long bits = 0;
            for (int b = format.width() - 1; b >= 0; b--) {
                bits = (bits << 8) | (bytes[(int) at + b] & 0xFF);
            }
            out.add(new MemoryCell(at, format, bits));
        }
        return out;
    }

    /** {@code length} raw bytes, for hex dumps. */
    public byte[] readBytes(long address, int length) throws DebugException {
        byte[] bytes = checkedBytes(address, length);
        return Arrays.copyOfRange(bytes, (int) address, (int) address + length);
    }

    /** The NUL-terminated UTF-8 string at {@code address}, at most {@code maxBytes} long. */
    public String readString(long address, int maxBytes) throws DebugException {
        byte[] bytes = checkedBytes(address, 1);
        int end = (int) address;
        long limit = Math.min(bytes.length, address + Math.max(0, maxBytes));
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, (int) address, end - (int) address, StandardCharsets.UTF_8);
    }

    /** Every element of table {@code index}. */
    public List<TableEntry> table(int index) throws DebugException {
        requireInstance();
        if (index < 0 || index >= instance.tableCount()) {
            throw new DebugException("no table " + index + ": the module has " + instance.tableCount());
        }
        TableInstance t = instance.table(index);
        List<TableEntry> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            long slot = t.get(i);
            String name = null;
            if (slot != Value.NULL_REF) {
                if (t.elementType() == ValType.FUNCREF) {
                    FunctionInstance f = store.function((int) slot);
                    name = f.instance() == instance ? image.functionName(f.index())
                            : f.isHost() ? "<host>" : "<function " + slot + ">";
                } else {
                    name = "externref " + slot;
                }
            }
            out.add(new TableEntry(i, name));
        }
        return out;
    }

    public int tableCount() throws DebugException {
        requireInstance();
        return instance.tableCount();
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
        if (execution != null) {
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

    /** Evaluates an expression of the condition language over the selected frame: {@code $n}, {@code local 2}, {@code global 0}, {@code i32[0x1000]}, arithmetic and comparisons. */
    public Value evaluate(String expression) throws DebugException {
        requireInstance();
        Expression e = Expression.parse(expression);
        FrameView f = execution != null && execution.state().frameCount() > 0 ? frame(selected) : null;
        return e.evaluate(scope(f));
    }

    private Expression.Scope scope(FrameView frame) {
        return new Expression.Scope() {
            @Override
            public Value namedLocal(String name) {
                if (frame == null) {
                    return null;
                }
                int i = frame.localNamed(name);
                return i < 0 ? null : frame.local(i);
            }

            @Override
            public Value local(int index) throws DebugException {
                if (frame == null) {
                    throw new DebugException("no frame: the program is not stopped");
                }
                if (index >= frame.localCount()) {
                    throw new DebugException("no local " + index + ": the function has " + frame.localCount());
                }
                return frame.local(index);
            }

            @Override
            public Value namedGlobal(String name) {
                for (int i = 0; i < instance.globalCount(); i++) {
                    if (name.equals(image.globalName(i))) {
                        return instance.global(i).value();
                    }
                }
                return null;
            }

            @Override
            public Value global(int index) throws DebugException {
                if (index >= instance.globalCount()) {
                    throw new DebugException("no global " + index + ": the module has " + instance.globalCount());
                }
                return instance.global(index).value();
            }

            @Override
            public MemoryCell memory(MemoryFormat format, long address) throws DebugException {
                return readMemory(address, format, 1).get(0);
            }
        };
    }

    /** Sets a local of the selected frame ({@code $n} or an index) to {@code value}, parsed by its type. */
    public void setLocal(String local, String value) throws DebugException {
        FrameView f = frame(selected);
        int index;
        if (local.startsWith("$")) {
            index = f.localNamed(local.substring(1));
        } else {
            try {
                index = Integer.parseInt(local);
            } catch (NumberFormatException e) {
                index = f.localNamed(local);
            }
        }
        if (index < 0 || index >= f.localCount()) {
            throw new DebugException("no local " + local + " in " + image.functionName(f.function.index()));
        }
        f.setLocal(index, ValueText.parse(f.localType(index), value));
    }

    /** Sets a mutable global ({@code $g}, export name or index) to {@code value}, parsed by its type. */
    public void setGlobal(String global, String value) throws DebugException {
        requireInstance();
        int index = image.global(global, instance.globalCount());
        GlobalInstance g = instance.global(index);
        if (!g.type().mutable()) {
            throw new DebugException("global " + global + " is immutable");
        }
        g.set(ValueText.parse(g.type().type(), value));
    }

    /** Writes {@code value}, parsed as {@code format}, to memory at {@code address}. */
    public void writeMemory(long address, MemoryFormat format, String value) throws DebugException {
        byte[] bytes = checkedBytes(address, format.width());
        long bits;
        String t = value.trim();
        try {
            bits = switch (format) {
                case F32 -> Float.floatToRawIntBits((float) ValueText.floating(t));
                case F64 -> Double.doubleToRawLongBits(ValueText.floating(t));
                default -> ValueText.integer(t, 64);
            };
        } catch (NumberFormatException e) {
            throw new DebugException("\"" + value + "\" is not a " + format.name().toLowerCase() + " value");
        }
        if (format.width() < 8 && format != MemoryFormat.F32) {
            long limit = 1L << (8 * format.width());
            if (bits >= limit || bits < -(limit / 2)) {
                throw new DebugException(value + " does not fit in " + format.name().toLowerCase());
            }
        }
        for (int i = 0; i < format.width(); i++) {
            bytes[(int) address + i] = (byte) (bits >>> (8 * i));
        }
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
        if (wasi != null) {
            wasi.trace = listener;
        }
    }

    // ---- preconditions ----

    private void requireModule() throws DebugException {
        if (image == null) {
            throw new DebugException("no module loaded");
        }
    }

    private void requireInstance() throws DebugException {
        requireModule();
        if (instance == null) {
            throw new DebugException("the program has not been started");
        }
    }

    private void requireFrames() throws DebugException {
        requireModule();
        if (execution == null) {
            throw new DebugException("the program is not stopped");
        }
    }

    private void requireStopped() throws DebugException {
        requireFrames();
        if (!execution.canContinue()) {
            throw new DebugException("the program trapped; it cannot continue (run starts it again)");
        }
    }

    private void requireHeld() throws DebugException {
        requireStopped();
        if (!(execution.last() instanceof Execution.Outcome.HostThrew h && h.exception() instanceof CallHeld)) {
            throw new DebugException("no call is held: retry and deliver answer a denied call");
        }
    }
}
