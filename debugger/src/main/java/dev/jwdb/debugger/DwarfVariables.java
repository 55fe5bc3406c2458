package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DebugInfo;
import dev.jwdb.debugger.dwarf.DebugSections;
import dev.jwdb.debugger.dwarf.DwarfException;
import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;
import dev.jwdb.debugger.dwarf.FunctionScope;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame's source-level variables, from {@code .debug_info}: which are in scope where the frame is, where each
 * lives (a Wasm local, or linear memory from the frame base) and its value shown by its C type. The debugging
 * information is read when first asked for; if it cannot be, every frame says why instead of listing variables.
 */
final class DwarfVariables {
    /** Elements of an array, and characters of a string, shown before {@code ...}. */
    private static final int SHOWN_ELEMENTS = 20;
    private static final int SHOWN_CHARACTERS = 200;
    /** Structures nested deeper than this show as {@code {...}}. */
    private static final int SHOWN_DEPTH = 4;

    private final Module module;
    private final long codeStart;
    private DebugInfo info;
    private String unreadable;

    DwarfVariables(Module module, long codeStart) {
        this.module = module;
        this.codeStart = codeStart;
    }

    /** The variables in scope where {@code frame} is, parameters first; empty when DWARF says nothing there. */
    List<SourceVariable> variables(FrameView frame, InstanceState state) throws DebugException {
        FunctionScope scope;
        try {
            scope = info() == null ? null : info.scope(frame.location().offset() - codeStart);
        } catch (DwarfException | RuntimeException e) {
            throw new DebugException("cannot read the variables here: " + message(e));
        }
        if (info == null) {
            throw new DebugException("cannot read the variables: " + unreadable);
        }
        List<SourceVariable> out = new ArrayList<>();
        if (scope == null) {
            return out;
        }
        Machine machine = new Machine(frame, state, scope.frameBase());
        for (FunctionScope.Variable v : scope.variables()) {
            String value;
            try {
                value = v.location() == null ? "<optimized out>" : shown(v.type(), DwarfExpression.evaluate(
                        v.location(), 4, machine), machine);
            } catch (DwarfException | RuntimeException e) {
                value = "<unavailable: " + message(e) + ">";
            }
            out.add(new SourceVariable(v.name(), v.type().toString(), value, v.parameter()));
        }
        return out;
    }

    /** Whether DWARF describes the function where {@code frame} is (even if no variable is in scope there). */
    boolean describes(FrameView frame) throws DebugException {
        try {
            return info() != null && info.scope(frame.location().offset() - codeStart) != null;
        } catch (DwarfException | RuntimeException e) {
            throw new DebugException("cannot read the variables here: " + message(e));
        }
    }

    /** A variable's value shown as its language writes values: Rust's as {@code {:?}} does, others as C's. */
    private String shown(DwarfType type, DwarfExpression.Place place, Machine m) throws DwarfException {
        DwarfType t = type.stripped();
        boolean aggregate = t.kind() == DwarfType.Kind.STRUCT || t.kind() == DwarfType.Kind.UNION
                || t.kind() == DwarfType.Kind.ARRAY;
        if (aggregate && !(place instanceof DwarfExpression.Place.Memory)) {
            // No Wasm local holds a structure: one named as a structure's place holds its address. LLVM says so
            // of an argument passed by reference (dbg.declare of the incoming pointer), as rustc passes any
            // larger than two words.
            place = new DwarfExpression.Place.Memory(m.slot(place));
        }
        return type.rust() != null ? new RustValues(m).format(type, place) : format(type, place, m, 0);
    }

    private DebugInfo info() {
        if (info == null && unreadable == null) {
            DebugSections sections = new DebugSections();
            for (CustomSection c : module.customSections()) {
                sections.add(c.name(), c.content());
            }
            try {
                info = DebugInfo.read(sections);
            } catch (DwarfException | RuntimeException e) {
                unreadable = message(e);
            }
        }
        return info;
    }

    private static String message(Exception e) {
        return e instanceof DwarfException ? e.getMessage() : e.toString();
    }

    /** The Wasm state an expression reads: the frame's locals and operands, the globals, linear memory. */
    private static final class Machine implements DwarfExpression.Machine, RustValues.Memory {
        private final FrameView frame;
        private final InstanceState state;
        private final byte[] frameBaseExpression;

        Machine(FrameView frame, InstanceState state, byte[] frameBaseExpression) {
            this.frame = frame;
            this.state = state;
            this.frameBaseExpression = frameBaseExpression;
        }

        @Override
        public long local(int index) throws DwarfException {
            if (index < 0 || index >= frame.localCount()) {
                throw new DwarfException("no local " + index);
            }
            return bits(frame.local(index));
        }

        @Override
        public long global(int index) throws DwarfException {
            List<GlobalVariable> globals = state.globals();
            if (index < 0 || index >= globals.size()) {
                throw new DwarfException("no global " + index);
            }
            return bits(globals.get(index).value());
        }

        @Override
        public long operand(int index) throws DwarfException {
            List<Value> operands = frame.operands();
            if (index < 0 || index >= operands.size()) {
                throw new DwarfException("no operand " + index);
            }
            return bits(operands.get(index));
        }

        @Override
        public long frameBase() throws DwarfException {
            if (frameBaseExpression == null) {
                throw new DwarfException("the function has no frame base");
            }
            DwarfExpression.Place p = DwarfExpression.evaluate(frameBaseExpression, 4, this);
            if (p instanceof DwarfExpression.Place.Memory m) {
                return m.address();
            }
            return slot(p);
        }

        @Override
        public long memory(long address, int size) throws DwarfException {
            byte[] b = bytes(address, size);
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (b[i] & 0xFF);
            }
            return v;
        }

        @Override
        public byte[] bytes(long address, int size) throws DwarfException {
            try {
                return state.readBytes(address, size);
            } catch (DebugException e) {
                throw new DwarfException(String.format("memory at 0x%x cannot be read", address));
            }
        }

        /** The value of a place that is no memory. */
        @Override
        public long slot(DwarfExpression.Place p) throws DwarfException {
            if (p instanceof DwarfExpression.Place.Value v) {
                return v.bits();
            }
            if (p instanceof DwarfExpression.Place.Local l) {
                return local(l.index());
            }
            if (p instanceof DwarfExpression.Place.Global g) {
                return global(g.index());
            }
            return operand(((DwarfExpression.Place.Operand) p).index());
        }

        private static long bits(Value v) {
            return v.type() == ValType.I32 || v.type() == ValType.F32 ? v.bits() & 0xFFFF_FFFFL : v.bits();
        }
    }

    /** The value at {@code place} shown by {@code type}. */
    private String format(DwarfType type, DwarfExpression.Place place, Machine m, int depth) throws DwarfException {
        DwarfType t = type.stripped();
        int size = (int) Math.min(t.size(), Integer.MAX_VALUE);
        if (!(place instanceof DwarfExpression.Place.Memory memory)) {
            long bits = m.slot(place);
            return scalar(t, bits, m);
        }
        long address = memory.address();
        switch (t.kind()) {
            case STRUCT, UNION -> {
                if (depth >= SHOWN_DEPTH) {
                    return "{...}";
                }
                List<String> parts = new ArrayList<>();
                for (DwarfType.Member member : t.members()) {
                    String value = member.bitSize() != 0 ? "<bit field>" : format(member.type() == null
                            ? DwarfType.VOID : member.type().get(), new DwarfExpression.Place.Memory(address
                            + member.offset()), m, depth + 1);
                    parts.add((member.name() == null ? "" : member.name() + " = ") + value);
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case ARRAY -> {
                DwarfType element = t.target();
                long count = t.counts().isEmpty() ? -1 : t.counts().get(0);
                if (isChar(element.stripped())) {
                    return quoted(m.bytes(address, (int) Math.max(0, Math.min(count, SHOWN_CHARACTERS))), false);
                }
                if (count < 0 || t.counts().size() > 1) {
                    return "0x" + Long.toHexString(address) + " <array>";
                }
                long stride = element.size();
                List<String> parts = new ArrayList<>();
                for (long i = 0; i < count && i < SHOWN_ELEMENTS; i++) {
                    parts.add(format(element, new DwarfExpression.Place.Memory(address + i * stride), m,
                            depth + 1));
                }
                return "{" + String.join(", ", parts) + (count > SHOWN_ELEMENTS ? "..." : "") + "}";
            }
            case VOID, FUNCTION, UNKNOWN -> {
                return "<no value of type " + t + ">";
            }
            default -> {
                if (size < 1 || size > 8) {
                    return "<" + size + "-byte " + t + ">";
                }
                return scalar(t, m.memory(address, size), m);
            }
        }
    }

    /** A base type, pointer or enumeration's value from its bits. */
    private String scalar(DwarfType t, long bits, Machine m) {
        int size = (int) Math.max(1, Math.min(t.size(), 8));
        long mask = size == 8 ? -1L : (1L << 8 * size) - 1;
        long raw = bits & mask;
        switch (t.kind()) {
            case POINTER -> {
                String text = "0x" + Long.toHexString(raw);
                if (raw != 0 && isChar(t.target().stripped())) {
                    try {
                        text += " " + quoted(m.bytes(raw, (int) Math.min(SHOWN_CHARACTERS, Math.max(0,
                                state(m) - raw))), true);
                    } catch (DwarfException e) {
                        text += " <unreadable>";
                    }
                }
                return text;
            }
            case ENUM -> {
                String name = t.enumerators().get(raw);
                return name != null ? name : Long.toString(raw);
            }
            case BASE -> {
                long signed = size == 8 ? raw : raw << (64 - 8 * size) >> (64 - 8 * size);
                switch (t.encoding()) {
                    case DwarfType.ATE_FLOAT:
                        return size == 4 ? Float.toString(Float.intBitsToFloat((int) raw))
                                : size == 8 ? Double.toString(Double.longBitsToDouble(raw)) : "<float>";
                    case DwarfType.ATE_BOOLEAN:
                        return raw == 0 ? "false" : "true";
                    case DwarfType.ATE_SIGNED_CHAR:
                        return signed + " " + charLiteral((int) raw);
                    case DwarfType.ATE_UNSIGNED_CHAR:
                        return raw + " " + charLiteral((int) raw);
                    case DwarfType.ATE_SIGNED:
                        return Long.toString(signed);
                    default:
                        return Long.toUnsignedString(raw);
                }
            }
            default -> {
                return "0x" + Long.toHexString(raw);
            }
        }
    }

    /** The size of linear memory, so that a string is not read past its end. */
    private static long state(Machine m) {
        try {
            return m.state.memorySize();
        } catch (DebugException e) {
            return 0;
        }
    }

    private static boolean isChar(DwarfType t) {
        return t.kind() == DwarfType.Kind.BASE && t.size() == 1 && (t.encoding() == DwarfType.ATE_SIGNED_CHAR
                || t.encoding() == DwarfType.ATE_UNSIGNED_CHAR);
    }

    /** {@code 'A'}, {@code '\n'}, {@code '\377'} as C writes characters. */
    private static String charLiteral(int c) {
        return "'" + escaped(c & 0xFF, '\'') + "'";
    }

    /** {@code "text"} up to the first NUL ({@code ...} after it when cut short while {@code cut} may be). */
    private static String quoted(byte[] bytes, boolean toNul) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(c -> b.append(c < 0x80 ? escaped(c, '"') : new String(Character.toChars(c))));
        b.append('"');
        if (toNul && end == bytes.length && bytes.length > 0) {
            b.append("...");
        }
        return b.toString();
    }

    private static String escaped(int c, char quote) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case 0 -> "\\000";
            case '\\' -> "\\\\";
            default -> c == quote ? "\\" + quote : c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                    : String.format("\\%03o", c);
        };
    }
}
