package dev.jwdb.debugger;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.MemoryInstance;
import dev.jwdb.engine.runtime.TableInstance;
import dev.jwdb.engine.runtime.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A program's state as the user reads and changes it: linear memory, globals, tables and the locals of a frame,
 * and the scope that expressions ({@code print}, breakpoint conditions) are evaluated in. Values are parsed by the
 * type of what they are written to; a bad one is a {@link DebugException}, and nothing is written.
 */
final class InstanceState {
    private final ModuleImage image;
    private final Program program;
    private final Instance instance;

    InstanceState(ModuleImage image, Program program) {
        this.image = image;
        this.program = program;
        this.instance = program.instance;
    }

    // ---- globals ----

    /** Every global, imported ones included. */
    List<GlobalVariable> globals() {
        List<GlobalVariable> out = new ArrayList<>();
        for (int i = 0; i < instance.globalCount(); i++) {
            GlobalInstance g = instance.global(i);
            out.add(new GlobalVariable(i, image.globalName(i), g.type().mutable(), g.value()));
        }
        return out;
    }

    /** Sets a mutable global ({@code $g}, export name or index) to {@code value}, parsed by its type. */
    /** Writes {@code value} to {@code global} and returns the global as it is now. */
    GlobalVariable setGlobal(String global, String value) throws DebugException {
        int index = image.global(global, instance.globalCount());
        GlobalInstance g = instance.global(index);
        if (!g.type().mutable()) {
            throw new DebugException("global " + global + " is immutable");
        }
        g.set(ValueText.parse(g.type().type(), value));
        return new GlobalVariable(index, image.globalName(index), true, g.value());
    }

    // ---- memory ----

    private MemoryInstance memory() throws DebugException {
        MemoryInstance m = instance.memoryOrNull();
        if (m == null) {
            throw new DebugException("the module has no memory");
        }
        return m;
    }

    /** Memory 0's size in bytes. */
    long memorySize() throws DebugException {
        return memory().bytes().length;
    }

    /** Memory 0's bytes, once {@code address..address+length} is known to lie within them. */
    private byte[] checkedBytes(long address, long length) throws DebugException {
        byte[] bytes = memory().bytes();
        if (length < 0 || address < 0 || address + length > bytes.length) {
            throw new DebugException(String.format("0x%x..0x%x is out of bounds: the memory has 0x%x bytes",
                    address, address + length, bytes.length));
        }
        return bytes;
    }

    /** {@code count} values of {@code format} from {@code address} on. */
    List<MemoryCell> readMemory(long address, MemoryFormat format, int count) throws DebugException {
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

    /** {@code length} raw bytes. */
    byte[] readBytes(long address, int length) throws DebugException {
        byte[] bytes = checkedBytes(address, length);
        return Arrays.copyOfRange(bytes, (int) address, (int) address + length);
    }

    /** The NUL-terminated UTF-8 string at {@code address}, at most {@code maxBytes} long. */
    String readString(long address, int maxBytes) throws DebugException {
        byte[] bytes = checkedBytes(address, 1);
        int end = (int) address;
        long limit = Math.min(bytes.length, address + Math.max(0, maxBytes));
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, (int) address, end - (int) address, StandardCharsets.UTF_8);
    }

    /** Writes {@code value}, parsed as {@code format}, to memory at {@code address}. */
    void writeMemory(long address, MemoryFormat format, String value) throws DebugException {
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

    // ---- tables ----

    int tableCount() {
        return instance.tableCount();
    }

    /** Every element of table {@code index}, a function by its name. */
    List<TableEntry> table(int index) throws DebugException {
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
                    FunctionInstance f = program.store.function((int) slot);
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

    // ---- locals ----

    /** Sets a local of {@code frame} ({@code $n}, a name or an index) to {@code value}, parsed by its type. */
    /** Writes {@code value} to {@code local} of {@code frame} and returns the local as it is now. */
    Local setLocal(FrameView frame, String local, String value) throws DebugException {
        int index;
        if (local.startsWith("$")) {
            index = frame.localNamed(local.substring(1));
        } else {
            try {
                index = Integer.parseInt(local);
            } catch (NumberFormatException e) {
                index = frame.localNamed(local);
            }
        }
        if (index < 0 || index >= frame.localCount()) {
            throw new DebugException("no local " + local + " in " + image.functionName(frame.function.index()));
        }
        frame.setLocal(index, ValueText.parse(frame.localType(index), value));
        return frame.locals().get(index);
    }

    // ---- expressions ----

    /** What an expression's names mean over {@code frame} (null when no frame is stopped: globals and memory only). */
    Expression.Scope scope(FrameView frame) {
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
}
