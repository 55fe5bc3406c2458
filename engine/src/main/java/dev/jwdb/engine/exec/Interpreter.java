package dev.jwdb.engine.exec;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.TableInstance;
import dev.jwdb.engine.runtime.Value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Runs compiled code (register form, see {@link Op}). One loop executes every Wasm frame: a call saves the caller in
 * the {@link ExecutionState}'s frame arrays and switches to the callee's code, a return switches back, so Wasm
 * recursion never becomes Java recursion. Locals and operands of every frame share one long[] stack; an instruction
 * names its operand and result cells relative to the frame base, so there is no stack pointer at run time. i32 and
 * f32 values use the low 32 bits of their cell and every consumer of them reads only those.
 *
 * <p>The loop's method must stay under HotSpot's 8000-byte limit for compiled methods (beyond it, it would never
 * be JIT-compiled): rare operators, SIMD and the debugging ops run in {@link #rare}, out of the loop. So plain code
 * pays nothing for debugging: its ops are only in code a debugger compiled with an {@link Instrumentation}, or
 * patched in by {@link Execution#interrupt()}, and the loop sees them as one more rare op.
 */
public final class Interpreter {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NO_MEMORY = new byte[0];

    private Interpreter() {
    }

    /** Calls {@code function} with arguments already checked against its type and returns its results. */
    public static Value[] invoke(Store store, FunctionInstance function, Value[] args) {
        if (function.isHost()) {
            return callHostDirectly(function, args);
        }
        CompiledFunction cf = function.compiled();
        ExecutionState st = new ExecutionState(store, cf.maxHeight() * 4);
        long[] stack = st.stack;
        if (cf.maxHeight() > stack.length) {
            stack = st.growStack(cf.maxHeight());
        }
        Slots.write(args, stack, 0);
        enterLocals(stack, 0, cf);
        st.function = function;
        st.code = cf.code();
        st.fp = 0;
        st.pc = 0;
        try {
            execute(st);
        } catch (TrapException | ExhaustionException e) {
            e.addWasmFrames(backtrace(st));
            throw e;
        } catch (StackOverflowError e) {
            throw new ExhaustionException(ExecutionState.CALL_STACK_EXHAUSTED);
        } catch (OutOfMemoryError e) {
            throw new ExhaustionException("out of memory");
        }
        return Slots.read(function.type().results(), st.stack, 0);
    }

    /** The functions of the live frames, innermost first, as execute left them on a trap. */
    private static List<FunctionInstance> backtrace(ExecutionState st) {
        List<FunctionInstance> frames = new java.util.ArrayList<>(st.frameCount());
        for (int i = st.frameCount() - 1; i >= 0; i--) {
            frames.add(st.frameFunction(i));
        }
        return frames;
    }

    static void enterLocals(long[] stack, int fp, CompiledFunction cf) {
        long[] defaults = cf.localDefaults();
        int from = fp + cf.paramSlots();
        if (defaults == null) {
            for (int i = from, end = fp + cf.localSlots(); i < end; i++) {
                stack[i] = 0;
            }
        } else {
            System.arraycopy(defaults, 0, stack, from, defaults.length);
        }
    }

    static Value[] callHostDirectly(FunctionInstance function, Value[] args) {
        Value[] results = function.hostCode().call(args);
        checkHostResults(function, results);
        return results;
    }

    private static void checkHostResults(FunctionInstance function, Value[] results) {
        List<ValType> types = function.type().results();
        boolean ok = results != null && results.length == types.size();
        for (int i = 0; ok && i < results.length; i++) {
            ok = results[i] != null && results[i].type() == types.get(i);
        }
        if (!ok) {
            throw new IllegalStateException("host function " + function + " returned "
                    + (results == null ? "null" : Arrays.toString(results)));
        }
    }

    /**
     * Calls a host function with the arguments from cell {@code base} on, leaving its results in their place. The
     * state is saved at the call; a host function that asks to pause after it ({@link PauseAfterHostCall}) leaves
     * it paused at {@code next}, the pc after the call, and the exception ends {@link #execute}.
     */
    private static void callHost(ExecutionState st, FunctionInstance callee, long[] stack, int base, int next) {
        Value[] results;
        try {
            results = callHostDirectly(callee, Slots.read(callee.type().params(), stack, base));
        } catch (PauseAfterHostCall p) {
            Value[] returned = p.results();
            checkHostResults(callee, returned);
            Slots.write(returned, stack, base);
            st.access = p.access();
            st.paused = ExecutionState.PAUSED_AFTER_ACCESS;
            st.pc = next;
            throw p;
        }
        Slots.write(results, stack, base);
    }

    /** The effective address of an access of {@code width} bytes, or a trap when it is out of bounds. */
    private static int address(long base, int offset, int width, byte[] bytes) {
        long ea = (base & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
        if (ea > bytes.length - width) {
            throw new TrapException(MemoryInstance.OUT_OF_BOUNDS);
        }
        return (int) ea;
    }

    private static float f32(long cell) {
        return Float.intBitsToFloat((int) cell);
    }

    private static double f64(long cell) {
        return Double.longBitsToDouble(cell);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static FunctionInstance indirectCallee(Store store, Instance inst, TableInstance table, int typeIndex,
                                                   int i) {
        long[] elements = table.elements();
        if (i < 0 || i >= elements.length) {
            throw new TrapException("undefined element " + i);
        }
        long ref = elements[i];
        if (ref == Value.NULL_REF) {
            throw new TrapException("uninitialized element " + i);
        }
        FunctionInstance callee = store.function((int) ref);
        if (callee.typeId() != inst.typeId(typeIndex)) {
            throw new TrapException("indirect call type mismatch");
        }
        return callee;
    }

    /**
     * Runs from the state's current pc until the outermost frame returns, or until a debugging op pauses (then
     * {@code st.paused} says why; plain code has none). On a trap or exhaustion the state is left at the failing
     * instruction, every frame still in place.
     */
    static void execute(ExecutionState st) {
        final int maxDepth = st.maxDepth;
        long[] stack = st.stack;
        int fp = st.fp;
        int pc = st.pc;
        int depth = st.depth;
        FunctionInstance fn = st.function;
        int[] code = st.code;
        st.paused = 0;
        Instance inst = fn.instance();
        FunctionInstance[] funcs = inst.functions();
        GlobalInstance[] globals = inst.globals();
        MemoryInstance mem = inst.memoryOrNull();
        byte[] mb = mem == null ? NO_MEMORY : mem.bytes();
        try {
            while (true) {
                switch (code[pc]) {
                case Op.NOP:
                    pc++;
                    break;
                case Op.UNREACHABLE:
                    throw new TrapException("unreachable");
                case Op.BR:
                    pc = code[pc + 1];
                    break;
                case Op.BR_IF:
                    pc = (int) stack[fp + code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_UNLESS:
                    pc = (int) stack[fp + code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_IF_MOVE:
                    if ((int) stack[fp + code[pc + 1]] != 0) {
                        System.arraycopy(stack, fp + code[pc + 3], stack, fp + code[pc + 4], code[pc + 5]);
                        pc = code[pc + 2];
                    } else {
                        pc += 6;
                    }
                    break;
                case Op.MOVE:
                    System.arraycopy(stack, fp + code[pc + 1], stack, fp + code[pc + 2], code[pc + 3]);
                    pc += 4;
                    break;
                case Op.BR_TABLE: {
                    int i = (int) stack[fp + code[pc + 1]];
                    int count = code[pc + 2];
                    int entry = pc + 5 + 2 * (Integer.compareUnsigned(i, count) < 0 ? i : count);
                    int n = code[pc + 4];
                    if (n > 0) {
                        System.arraycopy(stack, fp + code[pc + 3], stack, fp + code[entry + 1], n);
                    }
                    pc = code[entry];
                    break;
                }
                case Op.RETURN: {
                    int n = code[pc + 2];
                    if (n == 1) {
                        stack[fp] = stack[fp + code[pc + 1]];
                    } else if (n > 0) {
                        System.arraycopy(stack, fp + code[pc + 1], stack, fp, n);
                    }
                    if (depth == 0) {
                        st.stack = stack;
                        st.pc = pc;
                        st.fp = fp;
                        return;
                    }
                    depth--;
                    FunctionInstance caller = st.frameFunctions[depth];
                    code = st.frameCode[depth];
                    pc = st.framePcs[depth];
                    fp = st.frameFps[depth];
                    if (caller.instance() != inst) {
                        inst = caller.instance();
                        funcs = inst.functions();
                        globals = inst.globals();
                        mem = inst.memoryOrNull();
                    }
                    if (mem != null) {
                        mb = mem.bytes();
                    }
                    fn = caller;
                    break;
                }
                case Op.CALL:
                case Op.CALL_INDIRECT: {
                    FunctionInstance callee;
                    int argBase;
                    int next;
                    if (code[pc] == Op.CALL) {
                        callee = funcs[code[pc + 1]];
                        argBase = fp + code[pc + 2];
                        next = pc + 3;
                    } else {
                        callee = indirectCallee(st.store, inst, inst.tables()[code[pc + 2]], code[pc + 1],
                                (int) stack[fp + code[pc + 3]]);
                        argBase = fp + code[pc + 4];
                        next = pc + 5;
                    }
                    CompiledFunction target = callee.compiled();
                    if (target == null) {
                        st.save(stack, fp, pc, depth, fn, code);
                        callHost(st, callee, stack, argBase, next);
                        if (mem != null) {
                            mb = mem.bytes();
                        }
                        pc = next;
                        break;
                    }
                    if (depth + 1 >= maxDepth) {
                        throw new ExhaustionException(ExecutionState.CALL_STACK_EXHAUSTED);
                    }
                    if (depth == st.framePcs.length) {
                        st.growFrames();
                    }
                    st.frameFunctions[depth] = fn;
                    st.frameCode[depth] = code;
                    st.framePcs[depth] = next;
                    st.frameFps[depth] = fp;
                    depth++;
                    fp = argBase;
                    if (fp + target.maxHeight() > stack.length) {
                        stack = st.growStack(fp + target.maxHeight());
                    }
                    enterLocals(stack, fp, target);
                    code = target.code();
                    pc = 0;
                    fn = callee;
                    if (callee.instance() != inst) {
                        inst = callee.instance();
                        funcs = inst.functions();
                        globals = inst.globals();
                        mem = inst.memoryOrNull();
                        mb = mem == null ? NO_MEMORY : mem.bytes();
                    }
                    break;
                }
                case Op.SELECT:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 4]] != 0
                            ? stack[fp + code[pc + 2]] : stack[fp + code[pc + 3]];
                    pc += 5;
                    break;
                case Op.COPY:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]];
                    pc += 3;
                    break;
                case Op.CONST:
                    stack[fp + code[pc + 1]] = code[pc + 2];
                    pc += 3;
                    break;
                case Op.CONST64:
                    stack[fp + code[pc + 1]] = (code[pc + 2] & 0xFFFF_FFFFL) | ((long) code[pc + 3] << 32);
                    pc += 4;
                    break;
                case Op.GLOBAL_GET:
                    stack[fp + code[pc + 1]] = globals[code[pc + 2]].bits();
                    pc += 3;
                    break;
                case Op.GLOBAL_SET:
                    globals[code[pc + 1]].setBits(stack[fp + code[pc + 2]]);
                    pc += 3;
                    break;

                // ---- memory: loads are d address k offset, stores address value k offset (address + k wraps) ----
                case Op.I32_LOAD:
                    stack[fp + code[pc + 1]] = (int) I32.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 4, mb));
                    pc += 5;
                    break;
                case Op.I64_LOAD:
                    stack[fp + code[pc + 1]] = (long) I64.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 8, mb));
                    pc += 5;
                    break;
                case Op.I32_LOAD8_S:
                case Op.I64_LOAD8_S:
                    stack[fp + code[pc + 1]] = mb[address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 1, mb)];
                    pc += 5;
                    break;
                case Op.I32_LOAD8_U:
                case Op.I64_LOAD8_U:
                    stack[fp + code[pc + 1]] = mb[address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 1, mb)] & 0xFF;
                    pc += 5;
                    break;
                case Op.I32_LOAD16_S:
                case Op.I64_LOAD16_S:
                    stack[fp + code[pc + 1]] = (short) I16.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 2, mb));
                    pc += 5;
                    break;
                case Op.I32_LOAD16_U:
                case Op.I64_LOAD16_U:
                    stack[fp + code[pc + 1]] =
                            (short) I16.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 2, mb)) & 0xFFFF;
                    pc += 5;
                    break;
                case Op.I64_LOAD32_S:
                    stack[fp + code[pc + 1]] = (int) I32.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 4, mb));
                    pc += 5;
                    break;
                case Op.I64_LOAD32_U:
                    stack[fp + code[pc + 1]] =
                            (int) I32.get(mb, address(stack[fp + code[pc + 2]] + code[pc + 3], code[pc + 4], 4, mb)) & 0xFFFF_FFFFL;
                    pc += 5;
                    break;
                case Op.I32_STORE:
                case Op.I64_STORE32:
                    I32.set(mb, address(stack[fp + code[pc + 1]] + code[pc + 3], code[pc + 4], 4, mb), (int) stack[fp + code[pc + 2]]);
                    pc += 5;
                    break;
                case Op.I64_STORE:
                    I64.set(mb, address(stack[fp + code[pc + 1]] + code[pc + 3], code[pc + 4], 8, mb), stack[fp + code[pc + 2]]);
                    pc += 5;
                    break;
                case Op.I32_STORE8:
                case Op.I64_STORE8:
                    mb[address(stack[fp + code[pc + 1]] + code[pc + 3], code[pc + 4], 1, mb)] = (byte) stack[fp + code[pc + 2]];
                    pc += 5;
                    break;
                case Op.I32_STORE16:
                case Op.I64_STORE16:
                    I16.set(mb, address(stack[fp + code[pc + 1]] + code[pc + 3], code[pc + 4], 2, mb), (short) stack[fp + code[pc + 2]]);
                    pc += 5;
                    break;
                case Op.MEMORY_SIZE:
                    stack[fp + code[pc + 1]] = mem.pages();
                    pc += 2;
                    break;
                case Op.MEMORY_GROW:
                    stack[fp + code[pc + 1]] = mem.grow((int) stack[fp + code[pc + 2]]);
                    mb = mem.bytes();
                    pc += 3;
                    break;

                // ---- operators: d a b, d a, or d a immediate ----
                case Op.I32_EQZ: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = (int) a == 0 ? 1 : 0;
                    pc += 3;
                    break;
                }
                case Op.I32_EQ: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a == (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_NE: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a != (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LT_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a < (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LT_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) < 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GT_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a > (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GT_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) > 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LE_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a <= (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LE_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) <= 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GE_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a >= (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GE_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) >= 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I64_EQZ: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = a == 0 ? 1 : 0;
                    pc += 3;
                    break;
                }
                case Op.I64_EQ: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a == b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I64_NE: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a != b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I64_LT_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a < b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I64_GT_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a > b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.F64_EQ: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = f64(a) == f64(b) ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.F64_LT: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = f64(a) < f64(b) ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.F64_GT: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = f64(a) > f64(b) ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_ADD: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a + (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SUB: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a - (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_MUL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a * (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_DIV_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Numerics.i32DivS((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I32_DIV_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Numerics.i32DivU((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I32_REM_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Numerics.i32RemS((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I32_REM_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Numerics.i32RemU((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I32_AND: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a & (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_OR: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a | (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_XOR: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a ^ (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a << (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHR_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a >> (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHR_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (int) a >>> (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_ROTL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = Integer.rotateLeft((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I64_ADD: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a + b;
                    pc += 4;
                    break;
                }
                case Op.I64_SUB: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a - b;
                    pc += 4;
                    break;
                }
                case Op.I64_MUL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a * b;
                    pc += 4;
                    break;
                }
                case Op.I64_AND: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a & b;
                    pc += 4;
                    break;
                }
                case Op.I64_OR: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a | b;
                    pc += 4;
                    break;
                }
                case Op.I64_XOR: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a ^ b;
                    pc += 4;
                    break;
                }
                case Op.I64_SHL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a << b;
                    pc += 4;
                    break;
                }
                case Op.I64_SHR_S: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a >> b;
                    pc += 4;
                    break;
                }
                case Op.I64_SHR_U: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = a >>> b;
                    pc += 4;
                    break;
                }
                case Op.F64_ABS: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = Numerics.f64Abs(a);
                    pc += 3;
                    break;
                }
                case Op.F64_NEG: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = Numerics.f64Neg(a);
                    pc += 3;
                    break;
                }
                case Op.F64_SQRT: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = Numerics.f64Sqrt(a);
                    pc += 3;
                    break;
                }
                case Op.F64_ADD: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = bits(f64(a) + f64(b));
                    pc += 4;
                    break;
                }
                case Op.F64_SUB: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = bits(f64(a) - f64(b));
                    pc += 4;
                    break;
                }
                case Op.F64_MUL: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = bits(f64(a) * f64(b));
                    pc += 4;
                    break;
                }
                case Op.F64_DIV: {
                    long a = stack[fp + code[pc + 2]];
                    long b = stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = bits(f64(a) / f64(b));
                    pc += 4;
                    break;
                }
                case Op.I64_EXTEND_I32_S: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = (int) a;
                    pc += 3;
                    break;
                }
                case Op.I64_EXTEND_I32_U: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = a & 0xFFFF_FFFFL;
                    pc += 3;
                    break;
                }
                case Op.F64_CONVERT_I32_S: {
                    long a = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 1]] = bits((double) (int) a);
                    pc += 3;
                    break;
                }
                case Op.I32_ADD_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a + (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_MUL_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a * (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_AND_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a & (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_OR_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a | (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_XOR_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a ^ (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHL_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a << (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHR_S_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a >> (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_SHR_U_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a >>> (int) b;
                    pc += 4;
                    break;
                }
                case Op.I32_ROTL_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = Integer.rotateLeft((int) a, (int) b);
                    pc += 4;
                    break;
                }
                case Op.I32_EQ_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a == (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_NE_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a != (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LT_S_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a < (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_LT_U_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) < 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GT_S_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = (int) a > (int) b ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.I32_GT_U_C: {
                    long a = stack[fp + code[pc + 2]];
                    long b = (long) code[pc + 3];
                    stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) > 0 ? 1 : 0;
                    pc += 4;
                    break;
                }
                case Op.BR_IF_I32_EQ: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a == (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_NE: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a != (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LT_S: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a < (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LT_U: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a + Integer.MIN_VALUE < (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GT_S: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a > (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GT_U: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a + Integer.MIN_VALUE > (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LE_S: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a <= (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LE_U: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a + Integer.MIN_VALUE <= (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GE_S: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a >= (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GE_U: {
                    long a = stack[fp + code[pc + 1]];
                    long b = stack[fp + code[pc + 2]];
                    pc = (int) a + Integer.MIN_VALUE >= (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_EQ_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a == (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_NE_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a != (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LT_S_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a < (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LT_U_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a + Integer.MIN_VALUE < (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GT_S_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a > (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GT_U_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a + Integer.MIN_VALUE > (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LE_S_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a <= (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_LE_U_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a + Integer.MIN_VALUE <= (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GE_S_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a >= (int) b ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.BR_IF_I32_GE_U_C: {
                    long a = stack[fp + code[pc + 1]];
                    long b = code[pc + 2];
                    pc = (int) a + Integer.MIN_VALUE >= (int) b + Integer.MIN_VALUE ? code[pc + 3] : pc + 4;
                    break;
                }
                case Op.LOAD_WATCHED:
                case Op.STORE_WATCHED:
                    // an access that cannot touch a watched byte runs the plain op after the check, here in the loop
                    if (!st.mayWatch(code[pc], ((stack[fp + code[pc + 1]] + code[pc + 2]) & 0xFFFF_FFFFL)
                            + (code[pc + 3] & 0xFFFF_FFFFL), code[pc + 4])) {
                        pc += 6;
                        break;
                    }
                    // fall through: the hooks decide, out of the loop
                default:
                    pc = rare(st, code, pc, stack, fp, depth, fn, mem);
                    if (pc < 0) {
                        return; // a debugging op paused and saved the state
                    }
                    break;
                }
            }
        } catch (TrapException | ExhaustionException e) {
            st.save(stack, fp, pc, depth, fn, code);
            throw e;
        }
    }

    /**
     * Executes the rare instruction at {@code pc} and returns the pc of the next one, or -1 when a debugging op paused
     * (having saved the interpreter's registers in {@code st}).
     */
    private static int rare(ExecutionState st, int[] code, int pc, long[] stack, int fp, int depth,
                            FunctionInstance fn, MemoryInstance mem) {
        Instance inst = fn.instance();
        TableInstance[] tables = inst.tables();
        switch (code[pc]) {
            case Op.TABLE_GET: {
                long[] elements = tables[code[pc + 2]].elements();
                int i = (int) stack[fp + code[pc + 3]];
                if (i < 0 || i >= elements.length) {
                    throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                }
                stack[fp + code[pc + 1]] = elements[i];
                return pc + 4;
            }
            case Op.TABLE_SET: {
                long[] elements = tables[code[pc + 1]].elements();
                int i = (int) stack[fp + code[pc + 2]];
                if (i < 0 || i >= elements.length) {
                    throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                }
                elements[i] = stack[fp + code[pc + 3]];
                return pc + 4;
            }
            case Op.REF_IS_NULL:
                stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] == Value.NULL_REF ? 1 : 0;
                return pc + 3;
            case Op.REF_FUNC:
                stack[fp + code[pc + 1]] = inst.functions()[code[pc + 2]].address();
                return pc + 3;
            case Op.MEMORY_INIT:
                BulkOperations.memoryInit(mem, inst.dataSegment(code[pc + 1]), (int) stack[fp + code[pc + 2]],
                        (int) stack[fp + code[pc + 3]], (int) stack[fp + code[pc + 4]]);
                return pc + 5;
            case Op.DATA_DROP:
                inst.dropData(code[pc + 1]);
                return pc + 2;
            case Op.MEMORY_COPY:
                BulkOperations.memoryCopy(mem, (int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]],
                        (int) stack[fp + code[pc + 3]]);
                return pc + 4;
            case Op.MEMORY_FILL:
                BulkOperations.memoryFill(mem, (int) stack[fp + code[pc + 1]], (byte) stack[fp + code[pc + 2]],
                        (int) stack[fp + code[pc + 3]]);
                return pc + 4;
            case Op.TABLE_INIT:
                BulkOperations.tableInit(tables[code[pc + 2]], inst.elementSegment(code[pc + 1]),
                        (int) stack[fp + code[pc + 3]], (int) stack[fp + code[pc + 4]], (int) stack[fp + code[pc + 5]]);
                return pc + 6;
            case Op.ELEM_DROP:
                inst.dropElements(code[pc + 1]);
                return pc + 2;
            case Op.TABLE_COPY:
                BulkOperations.tableCopy(tables[code[pc + 1]], tables[code[pc + 2]], (int) stack[fp + code[pc + 3]],
                        (int) stack[fp + code[pc + 4]], (int) stack[fp + code[pc + 5]]);
                return pc + 6;
            case Op.TABLE_GROW:
                stack[fp + code[pc + 1]] = tables[code[pc + 2]].grow((int) stack[fp + code[pc + 4]],
                        stack[fp + code[pc + 3]]);
                return pc + 5;
            case Op.TABLE_SIZE:
                stack[fp + code[pc + 1]] = tables[code[pc + 2]].size();
                return pc + 3;
            case Op.TABLE_FILL:
                BulkOperations.tableFill(tables[code[pc + 1]], (int) stack[fp + code[pc + 2]],
                        stack[fp + code[pc + 3]], (int) stack[fp + code[pc + 4]]);
                return pc + 5;
            case Op.I64_LT_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.compareUnsigned(a, b) < 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.I64_GT_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.compareUnsigned(a, b) > 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.I64_LE_S: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = a <= b ? 1 : 0;
                return pc + 4;
            }
            case Op.I64_LE_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.I64_GE_S: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = a >= b ? 1 : 0;
                return pc + 4;
            }
            case Op.I64_GE_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_EQ: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) == f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_NE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) != f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_LT: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) < f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_GT: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) > f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_LE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) <= f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F32_GE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f32(a) >= f32(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F64_NE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f64(a) != f64(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F64_LE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f64(a) <= f64(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.F64_GE: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = f64(a) >= f64(b) ? 1 : 0;
                return pc + 4;
            }
            case Op.I32_CLZ: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Integer.numberOfLeadingZeros((int) a);
                return pc + 3;
            }
            case Op.I32_CTZ: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Integer.numberOfTrailingZeros((int) a);
                return pc + 3;
            }
            case Op.I32_POPCNT: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Integer.bitCount((int) a);
                return pc + 3;
            }
            case Op.I32_ROTR: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Integer.rotateRight((int) a, (int) b);
                return pc + 4;
            }
            case Op.I64_CLZ: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Long.numberOfLeadingZeros(a);
                return pc + 3;
            }
            case Op.I64_CTZ: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Long.numberOfTrailingZeros(a);
                return pc + 3;
            }
            case Op.I64_POPCNT: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Long.bitCount(a);
                return pc + 3;
            }
            case Op.I64_DIV_S: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.i64DivS(a, b);
                return pc + 4;
            }
            case Op.I64_DIV_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.i64DivU(a, b);
                return pc + 4;
            }
            case Op.I64_REM_S: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.i64RemS(a, b);
                return pc + 4;
            }
            case Op.I64_REM_U: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.i64RemU(a, b);
                return pc + 4;
            }
            case Op.I64_ROTL: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.rotateLeft(a, (int) b);
                return pc + 4;
            }
            case Op.I64_ROTR: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Long.rotateRight(a, (int) b);
                return pc + 4;
            }
            case Op.F32_ABS: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Abs((int) a);
                return pc + 3;
            }
            case Op.F32_NEG: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Neg((int) a);
                return pc + 3;
            }
            case Op.F32_CEIL: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Ceil((int) a);
                return pc + 3;
            }
            case Op.F32_FLOOR: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Floor((int) a);
                return pc + 3;
            }
            case Op.F32_TRUNC: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Trunc((int) a);
                return pc + 3;
            }
            case Op.F32_NEAREST: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Nearest((int) a);
                return pc + 3;
            }
            case Op.F32_SQRT: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32Sqrt((int) a);
                return pc + 3;
            }
            case Op.F32_ADD: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = bits(f32(a) + f32(b));
                return pc + 4;
            }
            case Op.F32_SUB: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = bits(f32(a) - f32(b));
                return pc + 4;
            }
            case Op.F32_MUL: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = bits(f32(a) * f32(b));
                return pc + 4;
            }
            case Op.F32_DIV: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = bits(f32(a) / f32(b));
                return pc + 4;
            }
            case Op.F32_MIN: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f32Min((int) a, (int) b);
                return pc + 4;
            }
            case Op.F32_MAX: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f32Max((int) a, (int) b);
                return pc + 4;
            }
            case Op.F32_COPYSIGN: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f32Copysign((int) a, (int) b);
                return pc + 4;
            }
            case Op.F64_CEIL: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f64Ceil(a);
                return pc + 3;
            }
            case Op.F64_FLOOR: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f64Floor(a);
                return pc + 3;
            }
            case Op.F64_TRUNC: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f64Trunc(a);
                return pc + 3;
            }
            case Op.F64_NEAREST: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f64Nearest(a);
                return pc + 3;
            }
            case Op.F64_MIN: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f64Min(a, b);
                return pc + 4;
            }
            case Op.F64_MAX: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f64Max(a, b);
                return pc + 4;
            }
            case Op.F64_COPYSIGN: {
                long a = stack[fp + code[pc + 2]];
                long b = stack[fp + code[pc + 3]];
                stack[fp + code[pc + 1]] = Numerics.f64Copysign(a, b);
                return pc + 4;
            }
            case Op.I32_TRUNC_F32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncS(f32(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_F32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncU(f32(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_F64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncS(f64(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_F64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncU(f64(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_F32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncS(f32(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_F32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncU(f32(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_F64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncS(f64(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_F64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncU(f64(a));
                return pc + 3;
            }
            case Op.F32_CONVERT_I32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits((float) (int) a);
                return pc + 3;
            }
            case Op.F32_CONVERT_I32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits((float) (a & 0xFFFF_FFFFL));
                return pc + 3;
            }
            case Op.F32_CONVERT_I64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits((float) a);
                return pc + 3;
            }
            case Op.F32_CONVERT_I64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits(Numerics.f32ConvertI64U(a));
                return pc + 3;
            }
            case Op.F32_DEMOTE_F64: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f32DemoteF64(a);
                return pc + 3;
            }
            case Op.F64_CONVERT_I32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits((double) (a & 0xFFFF_FFFFL));
                return pc + 3;
            }
            case Op.F64_CONVERT_I64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits((double) a);
                return pc + 3;
            }
            case Op.F64_CONVERT_I64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = bits(Numerics.f64ConvertI64U(a));
                return pc + 3;
            }
            case Op.F64_PROMOTE_F32: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.f64PromoteF32((int) a);
                return pc + 3;
            }
            case Op.I32_EXTEND8_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = (byte) a;
                return pc + 3;
            }
            case Op.I32_EXTEND16_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = (short) a;
                return pc + 3;
            }
            case Op.I64_EXTEND8_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = (byte) a;
                return pc + 3;
            }
            case Op.I64_EXTEND16_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = (short) a;
                return pc + 3;
            }
            case Op.I64_EXTEND32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = (int) a;
                return pc + 3;
            }
            case Op.I32_TRUNC_SAT_F32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncSatS(f32(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_SAT_F32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncSatU(f32(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_SAT_F64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncSatS(f64(a));
                return pc + 3;
            }
            case Op.I32_TRUNC_SAT_F64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i32TruncSatU(f64(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_SAT_F32_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncSatS(f32(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_SAT_F32_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncSatU(f32(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_SAT_F64_S: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncSatS(f64(a));
                return pc + 3;
            }
            case Op.I64_TRUNC_SAT_F64_U: {
                long a = stack[fp + code[pc + 2]];
                stack[fp + code[pc + 1]] = Numerics.i64TruncSatU(f64(a));
                return pc + 3;
            }
            case Op.I32_LE_S_C: {
                long a = stack[fp + code[pc + 2]];
                long b = (long) code[pc + 3];
                stack[fp + code[pc + 1]] = (int) a <= (int) b ? 1 : 0;
                return pc + 4;
            }
            case Op.I32_LE_U_C: {
                long a = stack[fp + code[pc + 2]];
                long b = (long) code[pc + 3];
                stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) <= 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.I32_GE_S_C: {
                long a = stack[fp + code[pc + 2]];
                long b = (long) code[pc + 3];
                stack[fp + code[pc + 1]] = (int) a >= (int) b ? 1 : 0;
                return pc + 4;
            }
            case Op.I32_GE_U_C: {
                long a = stack[fp + code[pc + 2]];
                long b = (long) code[pc + 3];
                stack[fp + code[pc + 1]] = Integer.compareUnsigned((int) a, (int) b) >= 0 ? 1 : 0;
                return pc + 4;
            }
            case Op.SIMD: {
                // the vector code works on a stack pointer: the cell above this instruction's operands
                int sub = pc + 2;
                SimdInterpreter.execute(code, sub, stack, fp + code[pc + 1], fp, mem, inst.globals());
                return sub + SimdInterpreter.length(code[sub]);
            }
            case Op.CHECK:
            case Op.INTERRUPT:
            case Op.LOAD_WATCHED:
            case Op.STORE_WATCHED:
            case Op.GLOBAL_SET_WATCHED:
            case Op.BULK_WATCHED:
            case Op.SIMD_WATCHED:
                return debugging(st, code, pc, stack, fp, depth, fn, mem);
            default:
                throw new IllegalStateException("corrupt compiled code: opcode " + code[pc] + " at " + pc);
        }
    }

    /** The debugging ops (layouts in {@link Op}): the next pc, or -1 after saving the state when pausing. */
    private static int debugging(ExecutionState st, int[] code, int pc, long[] stack, int fp, int depth,
                                 FunctionInstance fn, MemoryInstance mem) {
        switch (code[pc]) {
            case Op.CHECK:
                // Fuel is used before a pause, so resuming (which skips this CHECK) does not charge it twice.
                if (st.fuelled && !st.store.consumeFuel()) {
                    throw new TrapException(StoreLimits.FUEL_EXHAUSTED);
                }
                if (code[pc + 2] != 0 || depth <= st.stepDepth) {
                    st.pause(ExecutionState.PAUSED_BEFORE, stack, fp, pc, depth, fn, code);
                    return -1;
                }
                return pc + 3;
            case Op.INTERRUPT:
                st.pause(ExecutionState.PAUSED_INTERRUPT, stack, fp, pc, depth, fn, code);
                return -1;
            case Op.LOAD_WATCHED:
            case Op.STORE_WATCHED: {
                boolean write = code[pc] == Op.STORE_WATCHED;
                int width = code[pc + 4];
                byte[] b = mem.bytes();
                long ea = address(stack[fp + code[pc + 1]] + code[pc + 2], code[pc + 3], width, b) & 0xFFFF_FFFFL;
                int access = pc + 6; // the plain load (op d address k offset) or store (op address value k offset)
                if (!st.hooks.watchesMemory(ea, width, write)) {
                    return access;
                }
                byte[] old = Arrays.copyOfRange(b, (int) ea, (int) ea + width);
                if (write) {
                    MemoryAccess.store(b, code[access], (int) ea, stack[fp + code[access + 2]]);
                } else {
                    stack[fp + code[access + 1]] = MemoryAccess.load(b, code[access], (int) ea);
                }
                st.access = Access.ofMemory(code[pc + 5], ea, write, old,
                        write ? Arrays.copyOfRange(b, (int) ea, (int) ea + width) : old, false);
                st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, fp, access + 5, depth, fn, code);
                return -1;
            }
            case Op.GLOBAL_SET_WATCHED: {
                int g = code[pc + 1];
                GlobalInstance global = fn.instance().globals()[g];
                long old = global.bits();
                long oldHigh = global.highBits();
                int a = fp + code[pc + 2];
                if (global.type().type() == ValType.V128) {
                    global.setVectorBits(stack[a], stack[a + 1]);
                } else {
                    global.setBits(stack[a]);
                }
                if (st.hooks.watchesGlobal(g)) {
                    st.access = Access.ofGlobal(code[pc + 3], g, global.type().type(), old, oldHigh, global.bits(),
                            global.highBits());
                    st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, fp, pc + 4, depth, fn, code);
                    return -1;
                }
                return pc + 4;
            }
            case Op.BULK_WATCHED:
                return bulkWatched(st, code, pc, stack, fp, depth, fn, mem);
            case Op.SIMD_WATCHED:
                return simdWatched(st, code, pc, stack, fp, depth, fn, mem);
            default:
                throw new IllegalStateException("corrupt compiled code: opcode " + code[pc] + " at " + pc);
        }
    }

    /**
     * BULK_WATCHED instruction, before the bulk op at {@code pc + 2}: runs memory.fill, memory.copy or memory.init
     * and pauses after it when the hooks watch a byte it writes or, failing that, a byte memory.copy reads. The
     * access keeps the bytes of its range inside the watched span, so a fill of all memory copies no more than the
     * watched bytes. An op that writes nothing or traps is left to run on its own.
     */
    private static int bulkWatched(ExecutionState st, int[] code, int pc, long[] stack, int fp, int depth,
                                   FunctionInstance fn, MemoryInstance mem) {
        int op = pc + 2;
        int first = code[op] == Op.MEMORY_INIT ? op + 2 : op + 1; // cells: destination, source or value, count
        long d = stack[fp + code[first]] & 0xFFFF_FFFFL;
        long n = stack[fp + code[first + 2]] & 0xFFFF_FFFFL;
        boolean copy = code[op] == Op.MEMORY_COPY;
        long s = copy ? stack[fp + code[first + 1]] & 0xFFFF_FFFFL : 0;
        long size = mem.bytes().length;
        if (n == 0 || d + n > size || s + n > size) {
            return op;
        }
        boolean write = watched(st, d, (int) n, true);
        if (!write && !(copy && watched(st, s, (int) n, false))) {
            return op;
        }
        long from = write ? d : s;
        int lo = (int) Math.max(from, st.watchedFrom(write));
        int hi = (int) Math.min(from + n, st.watchedTo(write));
        byte[] before = Arrays.copyOfRange(mem.bytes(), lo, hi);
        int next = rare(st, code, op, stack, fp, depth, fn, mem);
        byte[] after = write ? Arrays.copyOfRange(mem.bytes(), lo, hi) : before;
        st.access = Access.ofMemory(code[pc + 1], lo, write, before, after, true);
        st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, fp, next, depth, fn, code);
        return -1;
    }

    /**
     * SIMD_WATCHED instruction, before the {@link Op#SIMD} op of a v128 load or store at {@code pc + 2}: runs it, and
     * pauses after it when the hooks watch a byte it reads or writes. An access out of bounds is left to trap on its
     * own.
     */
    private static int simdWatched(ExecutionState st, int[] code, int pc, long[] stack, int fp, int depth,
                                   FunctionInstance fn, MemoryInstance mem) {
        int simd = pc + 2; // SIMD top sub offset [lane]
        int sp = fp + code[simd + 1];
        int sub = code[simd + 2];
        dev.jwdb.engine.model.Opcode op = VectorOpcodes.OPCODE[sub];
        int width = VectorOpcodes.ACCESS_BYTES[sub];
        boolean write = op.results().isEmpty();
        // a store has the vector above its address, and so has loadN_lane the vector it loads into
        boolean addressBelowVector = write || op.immediate() == dev.jwdb.engine.model.ImmediateKind.MEMARG_LANE;
        long ea = (stack[addressBelowVector ? sp - 3 : sp - 1] & 0xFFFF_FFFFL) + (code[simd + 3] & 0xFFFF_FFFFL);
        if (ea + width > mem.bytes().length || !watched(st, ea, width, write)) {
            return simd;
        }
        byte[] before = Arrays.copyOfRange(mem.bytes(), (int) ea, (int) ea + width);
        int next = rare(st, code, simd, stack, fp, depth, fn, mem);
        byte[] after = write ? Arrays.copyOfRange(mem.bytes(), (int) ea, (int) ea + width) : before;
        st.access = Access.ofMemory(code[pc + 1], ea, write, before, after, false);
        st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, fp, next, depth, fn, code);
        return -1;
    }

    /** Whether the hooks watch a byte of the {@code width} at {@code address} for a write or a read. */
    private static boolean watched(ExecutionState st, long address, int width, boolean write) {
        return st.mayWatch(write ? Op.STORE_WATCHED : Op.LOAD_WATCHED, address, width)
                && st.hooks.watchesMemory(address, width, write);
    }
}
