package dev.jwdb.debugger;

import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.wasi.CapabilityEvent;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.GuestStdio;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One debugging session: a module, its instance, a run that can stop and continue, stop points and the capability
 * event log. Every shell command of DESIGN section 5 maps onto a method here. The session never prints: it returns
 * values and {@link StopEvent}s; guest output goes to the {@link GuestStdio} given at construction.
 *
 * <p>Threads: the methods are called from one thread (the shell's), except {@link #interrupt}, which any thread may
 * call while that thread is inside a run method. Bad requests throw {@link DebugException} with a one-line
 * message; nothing else leaves the API.
 */
public final class DebugSession {
    public DebugSession(GuestStdio stdio) {
    }

    /** A session whose guest uses the process's standard streams. */
    public DebugSession() {
        this(GuestStdio.system());
    }

    /** Reads {@code file} (binary {@code .wasm} or {@code .wat} text), validates it and makes it the session's module. Stop points are kept and re-resolved; a run in progress is ended. */
    public void load(Path file) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Like {@link #load(Path)} for content already read; {@code sourceName} names it in locations and decides text or binary with the content's magic. */
    public void load(String sourceName, byte[] content) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The loaded module, or null. */
    public Module module() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The file or name the module was loaded from, or null. */
    public String sourceName() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Display names of every function defined or imported, in index order, for completion and {@code info functions}. */
    public List<String> functionNames() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The guest's command-line arguments for the next run (argv[0] included; by default the file name). */
    public void arguments(List<String> args) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The capabilities granted to the guest. Changes take effect at the next WASI call, also while stopped. */
    public Grants grants() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Starts the program: a fresh instance, then {@code _start}. Returns when it stops. */
    public StopEvent run() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Calls export {@code function} with {@code args} parsed by its parameter types ({@code 10}, {@code 1.5}, {@code 0x10}), on the current instance (instantiated, with {@code _initialize} run, if there is none yet). Stop points apply. */
    public StopEvent invoke(String function, List<String> args) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Continues a stopped run ({@code continue}). */
    public StopEvent resume() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code stepi}: runs one instruction; a call stops at the callee's first instruction, a host call runs and stops with {@link StopEvent.WasiCall} after it. */
    public StopEvent stepInstruction() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code step}: runs to the next source line, entering calls; without source lines, like {@link #stepInstruction}. */
    public StopEvent stepLine() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code next}: runs to the next source line (or instruction, without lines) of this frame or its caller, running calls to their end. */
    public StopEvent stepOver() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code finish}: runs until the selected frame returns; stops in its caller right after the call, the results on the caller's operand stack. */
    public StopEvent stepOut() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Runs a call held by a capability denial again (after a grant, it may now succeed). */
    public StopEvent retry() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Lets a held denial's errno reach the guest and continues. */
    public StopEvent deliver() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops the running program at its next loop iteration or call; thread-safe, returns at once. No effect when nothing runs. */
    public void interrupt() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Ends the current run, if any (its frames are gone; the instance's memory and globals stay). */
    public void kill() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public SessionState state() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The stop event of the last run command, or null. */
    public StopEvent lastStop() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sets a breakpoint on a function ({@code fib}, {@code $fib}, an export name), a byte offset ({@code @0x1c}) or a source line ({@code fib.wat:7}, {@code 7}), with an optional {@code condition} (null for none). Before a module is loaded it is pending. */
    public StopPoint.Breakpoint breakAt(String spec, String condition) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Watches {@code length} bytes of linear memory at {@code address}. */
    public StopPoint.Watchpoint watchMemory(long address, int length, StopPoint.WatchKind kind) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Watches writes of a global, by {@code $name}, export name or index. */
    public StopPoint.Watchpoint watchGlobal(String global) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops before every WASI call, or only those named in {@code functions}. */
    public StopPoint.Catchpoint catchWasi(List<String> functions) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops at capability denials, holding the call. */
    public StopPoint.Catchpoint catchDenied() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Counts traps as a catch point (traps always stop at the faulting instruction). */
    public StopPoint.Catchpoint catchTrap() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every breakpoint, watchpoint and catch point, by id. */
    public List<StopPoint> stopPoints() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void delete(int id) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void enable(int id, boolean enabled) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The live frames, innermost first ({@code bt}). */
    public List<Frame> backtrace() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Selects frame {@code number} for the inspection commands ({@code frame N}). */
    public Frame selectFrame(int number) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Selects the caller of the selected frame. */
    public Frame up() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Selects the callee of the selected frame. */
    public Frame down() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Frame selectedFrame() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The selected frame's locals, parameters first, with names and types. */
    public List<Local> locals() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The selected frame's operand stack, bottom first, typed. */
    public List<Value> operandStack() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The instance's globals (imported ones included). */
    public List<GlobalVariable> globals() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Memory 0's size in bytes. */
    public long memorySize() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code count} values of {@code format} from {@code address} on. */
    public List<MemoryCell> readMemory(long address, MemoryFormat format, int count) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code length} raw bytes, for hex dumps. */
    public byte[] readBytes(long address, int length) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The NUL-terminated UTF-8 string at {@code address}, at most {@code maxBytes} long. */
    public String readString(long address, int maxBytes) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every element of table {@code index}. */
    public List<TableEntry> table(int index) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public int tableCount() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The selected frame's function as WAT, its current instruction marked. */
    public Listing disassemble() throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Function {@code function} as WAT; marked when the selected frame is in it. */
    public Listing disassemble(String function) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Evaluates an expression of the condition language over the selected frame: {@code $n}, {@code local 2}, {@code global 0}, {@code i32[0x1000]}, arithmetic and comparisons. */
    public Value evaluate(String expression) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sets a local of the selected frame ({@code $n} or an index) to {@code value}, parsed by its type. */
    public void setLocal(String local, String value) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sets a mutable global ({@code $g}, export name or index) to {@code value}, parsed by its type. */
    public void setGlobal(String global, String value) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes {@code value}, parsed as {@code format}, to memory at {@code address}. */
    public void writeMemory(long address, MemoryFormat format, String value) throws DebugException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every capability decision since the module was loaded, oldest first. */
    public List<CapabilityEvent> events() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The denials only. */
    public List<CapabilityEvent> deniedEvents() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The decisions made by WASI function {@code function} (e.g. {@code path_open}). */
    public List<CapabilityEvent> events(String function) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Receives every WASI call after it ran ({@code trace wasi on}); null switches tracing off. Called on the running thread. */
    public void traceWasi(Consumer<HostCall> listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
