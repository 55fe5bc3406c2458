package dev.jwdb.engine.exec;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.TableInstance;
import dev.jwdb.engine.runtime.Value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Runs compiled code. One loop executes every Wasm frame: a call saves the caller in the {@link ExecutionState}'s
 * frame arrays and switches to the callee's code, a return switches back, so Wasm recursion never becomes Java
 * recursion. Operands and locals share one long[] stack; i32 and f32 values use the low 32 bits of their cell and
 * every consumer of them reads only those.
 */
public final class Interpreter {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        st.sp = cf.localSlots();
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

    /** Calls a host function with the arguments on top of the stack, leaving its results in their place. */
    private static int callHost(FunctionInstance callee, long[] stack, int sp) {
        List<ValType> params = callee.type().params();
        int base = sp - Slots.count(params);
        Value[] results = callHostDirectly(callee, Slots.read(params, stack, base));
        return Slots.write(results, stack, base);
    }

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

    /**
     * Runs from the state's current pc until the outermost frame returns, or until a debugging op pauses (then
     * {@code st.paused} says why; plain code has none). On a trap or exhaustion the state is left at the failing
     * instruction, every frame still in place.
     */
    static void execute(ExecutionState st) {
        final Store store = st.store;
        final int maxDepth = st.maxDepth;
        long[] stack = st.stack;
        int sp = st.sp;
        int fp = st.fp;
        int pc = st.pc;
        int depth = st.depth;
        FunctionInstance fn = st.function;
        int[] code = st.code;
        st.paused = 0;
        Instance inst = fn.instance();
        FunctionInstance[] funcs = inst.functions();
        GlobalInstance[] globals = inst.globals();
        TableInstance[] tables = inst.tables();
        MemoryInstance mem = inst.memoryOrNull();
        int opPc = pc;
        try {
            while (true) {
                opPc = pc;
                switch (code[pc++]) {
                    case Op.UNREACHABLE:
                        throw new TrapException("unreachable");
                    case Op.BR:
                        pc = code[pc];
                        break;
                    case Op.BR_DROP: {
                        int arity = code[pc + 1];
                        int drop = code[pc + 2];
                        System.arraycopy(stack, sp - arity, stack, sp - arity - drop, arity);
                        sp -= drop;
                        pc = code[pc];
                        break;
                    }
                    case Op.BR_IF:
                        pc = (int) stack[--sp] != 0 ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_DROP:
                        if ((int) stack[--sp] != 0) {
                            int arity = code[pc + 1];
                            int drop = code[pc + 2];
                            System.arraycopy(stack, sp - arity, stack, sp - arity - drop, arity);
                            sp -= drop;
                            pc = code[pc];
                        } else {
                            pc += 3;
                        }
                        break;
                    case Op.BR_UNLESS:
                        pc = (int) stack[--sp] == 0 ? code[pc] : pc + 1;
                        break;
                    case Op.BR_TABLE: {
                        int count = code[pc];
                        int arity = code[pc + 1];
                        int i = (int) stack[--sp];
                        int entry = pc + 2 + 2 * (Integer.compareUnsigned(i, count) < 0 ? i : count);
                        int drop = code[entry + 1];
                        if (drop != 0) {
                            System.arraycopy(stack, sp - arity, stack, sp - arity - drop, arity);
                            sp -= drop;
                        }
                        pc = code[entry];
                        break;
                    }
                    case Op.RETURN: {
                        int n = code[pc];
                        if (n == 1) {
                            stack[fp] = stack[sp - 1];
                        } else {
                            System.arraycopy(stack, sp - n, stack, fp, n);
                        }
                        sp = fp + n;
                        if (depth == 0) {
                            st.sp = sp;
                            st.pc = opPc;
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
                            tables = inst.tables();
                            mem = inst.memoryOrNull();
                        }
                        fn = caller;
                        break;
                    }
                    case Op.CALL:
                    case Op.CALL_INDIRECT: {
                        FunctionInstance callee;
                        if (code[opPc] == Op.CALL) {
                            callee = funcs[code[pc++]];
                        } else {
                            int typeIndex = code[pc++];
                            long[] elements = tables[code[pc++]].elements();
                            int i = (int) stack[--sp];
                            if (i < 0 || i >= elements.length) {
                                throw new TrapException("undefined element " + i);
                            }
                            long ref = elements[i];
                            if (ref == Value.NULL_REF) {
                                throw new TrapException("uninitialized element " + i);
                            }
                            callee = store.function((int) ref);
                            if (callee.typeId() != inst.typeId(typeIndex)) {
                                throw new TrapException("indirect call type mismatch");
                            }
                        }
                        CompiledFunction target = callee.compiled();
                        if (target == null) {
                            st.sp = sp;
                            st.pc = opPc;
                            st.fp = fp;
                            st.depth = depth;
                            st.function = fn;
                            st.code = code;
                            sp = callHost(callee, stack, sp);
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
                        st.framePcs[depth] = pc;
                        st.frameFps[depth] = fp;
                        depth++;
                        fp = sp - target.paramSlots();
                        if (fp + target.maxHeight() > stack.length) {
                            stack = st.growStack(fp + target.maxHeight());
                        }
                        enterLocals(stack, fp, target);
                        sp = fp + target.localSlots();
                        code = target.code();
                        pc = 0;
                        fn = callee;
                        if (callee.instance() != inst) {
                            inst = callee.instance();
                            funcs = inst.functions();
                            globals = inst.globals();
                            tables = inst.tables();
                            mem = inst.memoryOrNull();
                        }
                        break;
                    }
                    case Op.DROP:
                        sp--;
                        break;
                    case Op.SELECT: {
                        int c = (int) stack[--sp];
                        sp--;
                        if (c == 0) {
                            stack[sp - 1] = stack[sp];
                        }
                        break;
                    }
                    case Op.LOCAL_GET:
                        stack[sp++] = stack[fp + code[pc++]];
                        break;
                    case Op.LOCAL_SET:
                        stack[fp + code[pc++]] = stack[--sp];
                        break;
                    case Op.LOCAL_TEE:
                        stack[fp + code[pc++]] = stack[sp - 1];
                        break;
                    case Op.GLOBAL_GET:
                        stack[sp++] = globals[code[pc++]].bits();
                        break;
                    case Op.GLOBAL_SET:
                        globals[code[pc++]].setBits(stack[--sp]);
                        break;
                    case Op.TABLE_GET: {
                        long[] elements = tables[code[pc++]].elements();
                        int i = (int) stack[sp - 1];
                        if (i < 0 || i >= elements.length) {
                            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                        }
                        stack[sp - 1] = elements[i];
                        break;
                    }
                    case Op.TABLE_SET: {
                        long[] elements = tables[code[pc++]].elements();
                        long v = stack[--sp];
                        int i = (int) stack[--sp];
                        if (i < 0 || i >= elements.length) {
                            throw new TrapException(TableInstance.OUT_OF_BOUNDS);
                        }
                        elements[i] = v;
                        break;
                    }
                    case Op.I32_CONST:
                        stack[sp++] = code[pc++];
                        break;
                    case Op.I64_CONST:
                        stack[sp++] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
                        pc += 2;
                        break;
                    case Op.REF_IS_NULL:
                        stack[sp - 1] = stack[sp - 1] == Value.NULL_REF ? 1 : 0;
                        break;
                    case Op.REF_FUNC:
                        stack[sp++] = funcs[code[pc++]].address();
                        break;
                    case Op.MEMORY_INIT: {
                        int n = (int) stack[--sp];
                        int s = (int) stack[--sp];
                        int d = (int) stack[--sp];
                        BulkOperations.memoryInit(mem, inst.dataSegment(code[pc++]), d, s, n);
                        break;
                    }
                    case Op.DATA_DROP:
                        inst.dropData(code[pc++]);
                        break;
                    case Op.MEMORY_COPY: {
                        int n = (int) stack[--sp];
                        int s = (int) stack[--sp];
                        int d = (int) stack[--sp];
                        BulkOperations.memoryCopy(mem, d, s, n);
                        break;
                    }
                    case Op.MEMORY_FILL: {
                        int n = (int) stack[--sp];
                        byte v = (byte) stack[--sp];
                        int d = (int) stack[--sp];
                        BulkOperations.memoryFill(mem, d, v, n);
                        break;
                    }
                    case Op.TABLE_INIT: {
                        int n = (int) stack[--sp];
                        int s = (int) stack[--sp];
                        int d = (int) stack[--sp];
                        long[] segment = inst.elementSegment(code[pc++]);
                        BulkOperations.tableInit(tables[code[pc++]], segment, d, s, n);
                        break;
                    }
                    case Op.ELEM_DROP:
                        inst.dropElements(code[pc++]);
                        break;
                    case Op.TABLE_COPY: {
                        int n = (int) stack[--sp];
                        int s = (int) stack[--sp];
                        int d = (int) stack[--sp];
                        BulkOperations.tableCopy(tables[code[pc]], tables[code[pc + 1]], d, s, n);
                        pc += 2;
                        break;
                    }
                    case Op.TABLE_GROW: {
                        int n = (int) stack[--sp];
                        stack[sp - 1] = tables[code[pc++]].grow(n, stack[sp - 1]);
                        break;
                    }
                    case Op.TABLE_SIZE:
                        stack[sp++] = tables[code[pc++]].size();
                        break;
                    case Op.TABLE_FILL: {
                        int n = (int) stack[--sp];
                        long v = stack[--sp];
                        int i = (int) stack[--sp];
                        BulkOperations.tableFill(tables[code[pc++]], i, v, n);
                        break;
                    }

                    // ---- memory ----
                    case Op.I32_LOAD: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (int) I32.get(b, address(stack[sp - 1], code[pc++], 4, b));
                        break;
                    }
                    case Op.I64_LOAD: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (long) I64.get(b, address(stack[sp - 1], code[pc++], 8, b));
                        break;
                    }
                    case Op.I32_LOAD8_S:
                    case Op.I64_LOAD8_S: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = b[address(stack[sp - 1], code[pc++], 1, b)];
                        break;
                    }
                    case Op.I32_LOAD8_U:
                    case Op.I64_LOAD8_U: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = b[address(stack[sp - 1], code[pc++], 1, b)] & 0xFF;
                        break;
                    }
                    case Op.I32_LOAD16_S:
                    case Op.I64_LOAD16_S: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (short) I16.get(b, address(stack[sp - 1], code[pc++], 2, b));
                        break;
                    }
                    case Op.I32_LOAD16_U:
                    case Op.I64_LOAD16_U: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (short) I16.get(b, address(stack[sp - 1], code[pc++], 2, b)) & 0xFFFF;
                        break;
                    }
                    case Op.I64_LOAD32_S: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (int) I32.get(b, address(stack[sp - 1], code[pc++], 4, b));
                        break;
                    }
                    case Op.I64_LOAD32_U: {
                        byte[] b = mem.bytes();
                        stack[sp - 1] = (int) I32.get(b, address(stack[sp - 1], code[pc++], 4, b)) & 0xFFFF_FFFFL;
                        break;
                    }
                    case Op.I32_STORE:
                    case Op.I64_STORE32: {
                        byte[] b = mem.bytes();
                        int v = (int) stack[--sp];
                        I32.set(b, address(stack[--sp], code[pc++], 4, b), v);
                        break;
                    }
                    case Op.I64_STORE: {
                        byte[] b = mem.bytes();
                        long v = stack[--sp];
                        I64.set(b, address(stack[--sp], code[pc++], 8, b), v);
                        break;
                    }
                    case Op.I32_STORE8:
                    case Op.I64_STORE8: {
                        byte[] b = mem.bytes();
                        byte v = (byte) stack[--sp];
                        b[address(stack[--sp], code[pc++], 1, b)] = v;
                        break;
                    }
                    case Op.I32_STORE16:
                    case Op.I64_STORE16: {
                        byte[] b = mem.bytes();
                        short v = (short) stack[--sp];
                        I16.set(b, address(stack[--sp], code[pc++], 2, b), v);
                        break;
                    }
                    case Op.MEMORY_SIZE:
                        stack[sp++] = mem.pages();
                        break;
                    case Op.MEMORY_GROW:
                        stack[sp - 1] = mem.grow((int) stack[sp - 1]);
                        break;

                    // ---- i32 ----
                    case Op.I32_EQZ:
                        stack[sp - 1] = (int) stack[sp - 1] == 0 ? 1 : 0;
                        break;
                    case Op.I32_EQ: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a == (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_NE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a != (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_LT_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a < (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_GT_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a > (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_LE_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a <= (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_GE_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a >= (int) b ? 1 : 0;
                        break;
                    }
                    case Op.I32_LT_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.compareUnsigned((int) a, (int) b) < 0 ? 1 : 0;
                        break;
                    }
                    case Op.I32_GT_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.compareUnsigned((int) a, (int) b) > 0 ? 1 : 0;
                        break;
                    }
                    case Op.I32_LE_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.compareUnsigned((int) a, (int) b) <= 0 ? 1 : 0;
                        break;
                    }
                    case Op.I32_GE_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.compareUnsigned((int) a, (int) b) >= 0 ? 1 : 0;
                        break;
                    }
                    case Op.I32_CLZ:
                        stack[sp - 1] = Integer.numberOfLeadingZeros((int) stack[sp - 1]);
                        break;
                    case Op.I32_CTZ:
                        stack[sp - 1] = Integer.numberOfTrailingZeros((int) stack[sp - 1]);
                        break;
                    case Op.I32_POPCNT:
                        stack[sp - 1] = Integer.bitCount((int) stack[sp - 1]);
                        break;
                    case Op.I32_ADD: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a + (int) b;
                        break;
                    }
                    case Op.I32_SUB: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a - (int) b;
                        break;
                    }
                    case Op.I32_MUL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a * (int) b;
                        break;
                    }
                    case Op.I32_AND: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a & (int) b;
                        break;
                    }
                    case Op.I32_OR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a | (int) b;
                        break;
                    }
                    case Op.I32_XOR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a ^ (int) b;
                        break;
                    }
                    case Op.I32_SHL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a << (int) b;
                        break;
                    }
                    case Op.I32_SHR_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a >> (int) b;
                        break;
                    }
                    case Op.I32_SHR_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = (int) a >>> (int) b;
                        break;
                    }
                    case Op.I32_DIV_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i32DivS((int) a, (int) b);
                        break;
                    }
                    case Op.I32_DIV_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i32DivU((int) a, (int) b);
                        break;
                    }
                    case Op.I32_REM_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i32RemS((int) a, (int) b);
                        break;
                    }
                    case Op.I32_REM_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i32RemU((int) a, (int) b);
                        break;
                    }
                    case Op.I32_ROTL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.rotateLeft((int) a, (int) b);
                        break;
                    }
                    case Op.I32_ROTR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Integer.rotateRight((int) a, (int) b);
                        break;
                    }

                    // ---- i64 ----
                    case Op.I64_EQZ:
                        stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                        break;
                    case Op.I64_EQ: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a == b ? 1 : 0;
                        break;
                    }
                    case Op.I64_NE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a != b ? 1 : 0;
                        break;
                    }
                    case Op.I64_LT_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a < b ? 1 : 0;
                        break;
                    }
                    case Op.I64_GT_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a > b ? 1 : 0;
                        break;
                    }
                    case Op.I64_LE_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a <= b ? 1 : 0;
                        break;
                    }
                    case Op.I64_GE_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a >= b ? 1 : 0;
                        break;
                    }
                    case Op.I64_LT_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.compareUnsigned(a, b) < 0 ? 1 : 0;
                        break;
                    }
                    case Op.I64_GT_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.compareUnsigned(a, b) > 0 ? 1 : 0;
                        break;
                    }
                    case Op.I64_LE_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
                        break;
                    }
                    case Op.I64_GE_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
                        break;
                    }
                    case Op.I64_CLZ:
                        stack[sp - 1] = Long.numberOfLeadingZeros(stack[sp - 1]);
                        break;
                    case Op.I64_CTZ:
                        stack[sp - 1] = Long.numberOfTrailingZeros(stack[sp - 1]);
                        break;
                    case Op.I64_POPCNT:
                        stack[sp - 1] = Long.bitCount(stack[sp - 1]);
                        break;
                    case Op.I64_ADD: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a + b;
                        break;
                    }
                    case Op.I64_SUB: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a - b;
                        break;
                    }
                    case Op.I64_MUL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a * b;
                        break;
                    }
                    case Op.I64_AND: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a & b;
                        break;
                    }
                    case Op.I64_OR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a | b;
                        break;
                    }
                    case Op.I64_XOR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a ^ b;
                        break;
                    }
                    case Op.I64_SHL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a << b;
                        break;
                    }
                    case Op.I64_SHR_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a >> b;
                        break;
                    }
                    case Op.I64_SHR_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = a >>> b;
                        break;
                    }
                    case Op.I64_DIV_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i64DivS(a, b);
                        break;
                    }
                    case Op.I64_DIV_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i64DivU(a, b);
                        break;
                    }
                    case Op.I64_REM_S: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i64RemS(a, b);
                        break;
                    }
                    case Op.I64_REM_U: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.i64RemU(a, b);
                        break;
                    }
                    case Op.I64_ROTL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.rotateLeft(a, (int) b);
                        break;
                    }
                    case Op.I64_ROTR: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Long.rotateRight(a, (int) b);
                        break;
                    }

                    // ---- f32 (raw bits in the low half of a cell) ----
                    case Op.F32_EQ: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) == f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_NE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) != f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_LT: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) < f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_GT: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) > f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_LE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) <= f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_GE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f32(a) >= f32(b) ? 1 : 0;
                        break;
                    }
                    case Op.F32_ABS:
                        stack[sp - 1] = Numerics.f32Abs((int) stack[sp - 1]);
                        break;
                    case Op.F32_NEG:
                        stack[sp - 1] = Numerics.f32Neg((int) stack[sp - 1]);
                        break;
                    case Op.F32_CEIL:
                        stack[sp - 1] = Numerics.f32Ceil((int) stack[sp - 1]);
                        break;
                    case Op.F32_FLOOR:
                        stack[sp - 1] = Numerics.f32Floor((int) stack[sp - 1]);
                        break;
                    case Op.F32_TRUNC:
                        stack[sp - 1] = Numerics.f32Trunc((int) stack[sp - 1]);
                        break;
                    case Op.F32_NEAREST:
                        stack[sp - 1] = Numerics.f32Nearest((int) stack[sp - 1]);
                        break;
                    case Op.F32_SQRT:
                        stack[sp - 1] = Numerics.f32Sqrt((int) stack[sp - 1]);
                        break;
                    case Op.F32_ADD: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f32(a) + f32(b));
                        break;
                    }
                    case Op.F32_SUB: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f32(a) - f32(b));
                        break;
                    }
                    case Op.F32_MUL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f32(a) * f32(b));
                        break;
                    }
                    case Op.F32_DIV: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f32(a) / f32(b));
                        break;
                    }
                    case Op.F32_MIN: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f32Min((int) a, (int) b);
                        break;
                    }
                    case Op.F32_MAX: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f32Max((int) a, (int) b);
                        break;
                    }
                    case Op.F32_COPYSIGN: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f32Copysign((int) a, (int) b);
                        break;
                    }

                    // ---- f64 ----
                    case Op.F64_EQ: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) == f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_NE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) != f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_LT: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) < f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_GT: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) > f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_LE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) <= f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_GE: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = f64(a) >= f64(b) ? 1 : 0;
                        break;
                    }
                    case Op.F64_ABS:
                        stack[sp - 1] = Numerics.f64Abs(stack[sp - 1]);
                        break;
                    case Op.F64_NEG:
                        stack[sp - 1] = Numerics.f64Neg(stack[sp - 1]);
                        break;
                    case Op.F64_CEIL:
                        stack[sp - 1] = Numerics.f64Ceil(stack[sp - 1]);
                        break;
                    case Op.F64_FLOOR:
                        stack[sp - 1] = Numerics.f64Floor(stack[sp - 1]);
                        break;
                    case Op.F64_TRUNC:
                        stack[sp - 1] = Numerics.f64Trunc(stack[sp - 1]);
                        break;
                    case Op.F64_NEAREST:
                        stack[sp - 1] = Numerics.f64Nearest(stack[sp - 1]);
                        break;
                    case Op.F64_SQRT:
                        stack[sp - 1] = Numerics.f64Sqrt(stack[sp - 1]);
                        break;
                    case Op.F64_ADD: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f64(a) + f64(b));
                        break;
                    }
                    case Op.F64_SUB: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f64(a) - f64(b));
                        break;
                    }
                    case Op.F64_MUL: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f64(a) * f64(b));
                        break;
                    }
                    case Op.F64_DIV: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = bits(f64(a) / f64(b));
                        break;
                    }
                    case Op.F64_MIN: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f64Min(a, b);
                        break;
                    }
                    case Op.F64_MAX: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f64Max(a, b);
                        break;
                    }
                    case Op.F64_COPYSIGN: {
                        long b = stack[--sp];
                        long a = stack[sp - 1];
                        stack[sp - 1] = Numerics.f64Copysign(a, b);
                        break;
                    }

                    // ---- conversions ----
                    case Op.I32_TRUNC_F32_S:
                        stack[sp - 1] = Numerics.i32TruncS(f32(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_SAT_F32_S:
                        stack[sp - 1] = Numerics.i32TruncSatS(f32(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_F32_U:
                        stack[sp - 1] = Numerics.i32TruncU(f32(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_SAT_F32_U:
                        stack[sp - 1] = Numerics.i32TruncSatU(f32(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_F32_S:
                        stack[sp - 1] = Numerics.i64TruncS(f32(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_SAT_F32_S:
                        stack[sp - 1] = Numerics.i64TruncSatS(f32(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_F32_U:
                        stack[sp - 1] = Numerics.i64TruncU(f32(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_SAT_F32_U:
                        stack[sp - 1] = Numerics.i64TruncSatU(f32(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_F64_S:
                        stack[sp - 1] = Numerics.i32TruncS(f64(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_SAT_F64_S:
                        stack[sp - 1] = Numerics.i32TruncSatS(f64(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_F64_U:
                        stack[sp - 1] = Numerics.i32TruncU(f64(stack[sp - 1]));
                        break;
                    case Op.I32_TRUNC_SAT_F64_U:
                        stack[sp - 1] = Numerics.i32TruncSatU(f64(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_F64_S:
                        stack[sp - 1] = Numerics.i64TruncS(f64(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_SAT_F64_S:
                        stack[sp - 1] = Numerics.i64TruncSatS(f64(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_F64_U:
                        stack[sp - 1] = Numerics.i64TruncU(f64(stack[sp - 1]));
                        break;
                    case Op.I64_TRUNC_SAT_F64_U:
                        stack[sp - 1] = Numerics.i64TruncSatU(f64(stack[sp - 1]));
                        break;
                    case Op.I64_EXTEND_I32_S:
                        stack[sp - 1] = (int) stack[sp - 1];
                        break;
                    case Op.I64_EXTEND_I32_U:
                        stack[sp - 1] = stack[sp - 1] & 0xFFFF_FFFFL;
                        break;
                    case Op.F32_CONVERT_I32_S:
                        stack[sp - 1] = bits((float) (int) stack[sp - 1]);
                        break;
                    case Op.F32_CONVERT_I32_U:
                        stack[sp - 1] = bits((float) (stack[sp - 1] & 0xFFFF_FFFFL));
                        break;
                    case Op.F32_CONVERT_I64_S:
                        stack[sp - 1] = bits((float) stack[sp - 1]);
                        break;
                    case Op.F32_CONVERT_I64_U:
                        stack[sp - 1] = bits(Numerics.f32ConvertI64U(stack[sp - 1]));
                        break;
                    case Op.F32_DEMOTE_F64:
                        stack[sp - 1] = Numerics.f32DemoteF64(stack[sp - 1]);
                        break;
                    case Op.F64_CONVERT_I32_S:
                        stack[sp - 1] = bits((double) (int) stack[sp - 1]);
                        break;
                    case Op.F64_CONVERT_I32_U:
                        stack[sp - 1] = bits((double) (stack[sp - 1] & 0xFFFF_FFFFL));
                        break;
                    case Op.F64_CONVERT_I64_S:
                        stack[sp - 1] = bits((double) stack[sp - 1]);
                        break;
                    case Op.F64_CONVERT_I64_U:
                        stack[sp - 1] = bits(Numerics.f64ConvertI64U(stack[sp - 1]));
                        break;
                    case Op.F64_PROMOTE_F32:
                        stack[sp - 1] = Numerics.f64PromoteF32((int) stack[sp - 1]);
                        break;
                    case Op.I32_EXTEND8_S:
                        stack[sp - 1] = (byte) stack[sp - 1];
                        break;
                    case Op.I32_EXTEND16_S:
                        stack[sp - 1] = (short) stack[sp - 1];
                        break;
                    case Op.I64_EXTEND8_S:
                        stack[sp - 1] = (byte) stack[sp - 1];
                        break;
                    case Op.I64_EXTEND16_S:
                        stack[sp - 1] = (short) stack[sp - 1];
                        break;
                    case Op.I64_EXTEND32_S:
                        stack[sp - 1] = (int) stack[sp - 1];
                        break;
                    // ---- fused forms ----
                    case Op.LOCAL_GET2:
                        stack[sp] = stack[fp + code[pc]];
                        stack[sp + 1] = stack[fp + code[pc + 1]];
                        sp += 2;
                        pc += 2;
                        break;
                    case Op.I32_ADD_C:
                        stack[sp - 1] = (int) stack[sp - 1] + code[pc++];
                        break;
                    case Op.I32_AND_C:
                        stack[sp - 1] = (int) stack[sp - 1] & code[pc++];
                        break;
                    case Op.I32_SHL_C:
                        stack[sp - 1] = (int) stack[sp - 1] << code[pc++];
                        break;
                    case Op.I32_SHR_S_C:
                        stack[sp - 1] = (int) stack[sp - 1] >> code[pc++];
                        break;
                    case Op.I32_SHR_U_C:
                        stack[sp - 1] = (int) stack[sp - 1] >>> code[pc++];
                        break;
                    case Op.I32_ROTL_C:
                        stack[sp - 1] = Integer.rotateLeft((int) stack[sp - 1], code[pc++]);
                        break;
                    case Op.BR_IF_I32_EQ:
                        sp -= 2;
                        pc = (int) stack[sp] == (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_NE:
                        sp -= 2;
                        pc = (int) stack[sp] != (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_LT_S:
                        sp -= 2;
                        pc = (int) stack[sp] < (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_GT_S:
                        sp -= 2;
                        pc = (int) stack[sp] > (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_LE_S:
                        sp -= 2;
                        pc = (int) stack[sp] <= (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_GE_S:
                        sp -= 2;
                        pc = (int) stack[sp] >= (int) stack[sp + 1] ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_LT_U:
                        sp -= 2;
                        pc = Integer.compareUnsigned((int) stack[sp], (int) stack[sp + 1]) < 0 ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_GT_U:
                        sp -= 2;
                        pc = Integer.compareUnsigned((int) stack[sp], (int) stack[sp + 1]) > 0 ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_LE_U:
                        sp -= 2;
                        pc = Integer.compareUnsigned((int) stack[sp], (int) stack[sp + 1]) <= 0 ? code[pc] : pc + 1;
                        break;
                    case Op.BR_IF_I32_GE_U:
                        sp -= 2;
                        pc = Integer.compareUnsigned((int) stack[sp], (int) stack[sp + 1]) >= 0 ? code[pc] : pc + 1;
                        break;

                    case Op.SIMD:
                        sp = SimdInterpreter.execute(code, pc, stack, sp, fp, mem, globals);
                        pc += SimdInterpreter.length(code[pc]);
                        break;
                    // ---- debugging ----
                    case Op.CHECK:
                        if (code[pc + 1] != 0 || depth <= st.stepDepth) {
                            st.pause(ExecutionState.PAUSED_BEFORE, stack, sp, fp, opPc, depth, fn, code);
                            return;
                        }
                        pc += 2;
                        break;
                    case Op.INTERRUPT:
                        st.pause(ExecutionState.PAUSED_INTERRUPT, stack, sp, fp, opPc, depth, fn, code);
                        return;
                    case Op.LOAD_WATCHED: {
                        int op = code[pc];
                        int width = MemoryAccess.width(op);
                        byte[] b = mem.bytes();
                        int ea = address(stack[sp - 1], code[pc + 1], width, b);
                        stack[sp - 1] = MemoryAccess.load(b, op, ea);
                        int instruction = code[pc + 2];
                        pc += 3;
                        if (st.hooks.watchesMemory(ea & 0xFFFF_FFFFL, width, false)) {
                            long v = MemoryAccess.raw(b, ea, width);
                            st.access = new Access(instruction, -1, ea & 0xFFFF_FFFFL, width, false, v, v);
                            st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, sp, fp, pc, depth, fn, code);
                            return;
                        }
                        break;
                    }
                    case Op.STORE_WATCHED: {
                        int op = code[pc];
                        int width = MemoryAccess.width(op);
                        byte[] b = mem.bytes();
                        long v = stack[sp - 1];
                        int ea = address(stack[sp - 2], code[pc + 1], width, b);
                        sp -= 2;
                        boolean watched = st.hooks.watchesMemory(ea & 0xFFFF_FFFFL, width, true);
                        long old = watched ? MemoryAccess.raw(b, ea, width) : 0;
                        MemoryAccess.store(b, op, ea, v);
                        int instruction = code[pc + 2];
                        pc += 3;
                        if (watched) {
                            st.access = new Access(instruction, -1, ea & 0xFFFF_FFFFL, width, true, old,
                                    MemoryAccess.raw(b, ea, width));
                            st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, sp, fp, pc, depth, fn, code);
                            return;
                        }
                        break;
                    }
                    case Op.GLOBAL_SET_WATCHED: {
                        int g = code[pc];
                        long old = globals[g].bits();
                        globals[g].setBits(stack[--sp]);
                        int instruction = code[pc + 1];
                        pc += 2;
                        if (st.hooks.watchesGlobal(g)) {
                            st.access = new Access(instruction, g, 0, 8, true, old, globals[g].bits());
                            st.pause(ExecutionState.PAUSED_AFTER_ACCESS, stack, sp, fp, pc, depth, fn, code);
                            return;
                        }
                        break;
                    }

                    default:
                        throw new IllegalStateException("corrupt compiled code: opcode " + code[opPc] + " at " + opPc);
                }
            }
        } catch (TrapException | ExhaustionException e) {
            st.stack = stack;
            st.sp = sp;
            st.fp = fp;
            st.pc = opPc;
            st.depth = depth;
            st.function = fn;
            st.code = code;
            throw e;
        }
    }
}
