package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.CompileUnit;
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

import java.util.ArrayList;
import java.util.List;

/**
 * A frame's source-level variables, from {@code .debug_info}: which are in scope where the frame is, where each
 * lives (a Wasm local, or linear memory from the frame base) and its value shown by its C type; and the scope C
 * expressions are evaluated in, which adds the program's global variables and enumerators. The debugging information is read when
 * first asked for; if it cannot be, every frame says why instead of listing variables.
 */
final class DwarfVariables {
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
        FrameScope scope = scope(frame, state);
        List<SourceVariable> out = new ArrayList<>();
        if (scope.function == null) {
            return out;
        }
        for (FunctionScope.Variable v : scope.function.variables()) {
            String value;
            try {
                value = v.location() == null ? "<optimized out>" : shown(v.type(),
                        DwarfExpression.evaluate(v.location(), CTypes.POINTER_SIZE, scope), scope);
            } catch (DwarfException | DebugException | RuntimeException e) {
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
    private static String shown(DwarfType type, DwarfExpression.Place place, FrameScope scope)
            throws DwarfException, DebugException {
        DwarfType t = type.stripped();
        boolean aggregate = t.kind() == DwarfType.Kind.STRUCT || t.kind() == DwarfType.Kind.UNION
                || t.kind() == DwarfType.Kind.ARRAY;
        if (aggregate && !(place instanceof DwarfExpression.Place.Memory)) {
            // No Wasm local holds a structure: one named as a structure's place holds its address. LLVM says so
            // of an argument passed by reference (dbg.declare of the incoming pointer), as rustc passes any
            // larger than two words.
            place = new DwarfExpression.Place.Memory(scope.slotBits(place));
        }
        return type.rust() != null ? new RustValues(scope.rustMemory()).format(type, place)
                : CValueText.format(type, place, scope, SourceValue.Radix.NATURAL);
    }

    /** Whether {@code .debug_info} can be read, so that C expressions have variables and types to work with. */
    boolean readable() {
        return info() != null;
    }

    /**
     * What a C expression over {@code frame} reads: the variables in scope there, then the global variables;
     * without a frame (null), the globals alone.
     */
    FrameScope scope(FrameView frame, InstanceState state) throws DebugException {
        long address = frame == null ? -1 : frame.location().offset() - codeStart;
        FunctionScope function;
        try {
            function = info() == null || frame == null ? null : info.scope(address);
        } catch (DwarfException | RuntimeException e) {
            throw new DebugException("cannot read the variables here: " + message(e));
        }
        if (info == null) {
            throw new DebugException("cannot read the variables: " + unreadable);
        }
        return new FrameScope(frame, state, function, address);
    }

    /**
     * Whether a C expression at byte {@code offset} of the module (a breakpoint's place) can name {@code name}: a
     * variable in scope there, or a global.
     */
    boolean knows(long offset, String name) throws DebugException {
        long address = offset - codeStart;
        try {
            FunctionScope function = info() == null ? null : info.scope(address);
            if (function != null && function.variables().stream().anyMatch(v -> v.name().equals(name))) {
                return true;
            }
            return info != null && (info.global(name, address) != null || info.enumerator(name, address) != null);
        } catch (DwarfException | RuntimeException e) {
            throw new DebugException("cannot read the variables: " + message(e));
        }
    }

    /** The compile unit of the code at byte {@code offset} of the module, or null when unknown or unreadable. */
    CompileUnit unitAt(long offset) {
        try {
            return info() == null ? null : info.unitAt(offset - codeStart);
        } catch (DwarfException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code name} is a typedef's (or a base type's) in the program: {@code (name) -x} is then a cast. */
    boolean isTypedef(String name) {
        try {
            return info() != null && info.namedType(name, DwarfType.Kind.TYPEDEF, -1) != null;
        } catch (DwarfException | RuntimeException e) {
            return false;
        }
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
        return e instanceof DwarfException || e instanceof DebugException ? e.getMessage() : e.toString();
    }

    /**
     * The Wasm state a DWARF expression or a C expression reads: the frame's locals and operands (when there is a
     * frame), the globals, linear memory; and the C variables in scope.
     */
    final class FrameScope implements DwarfExpression.Machine, CScope {
        private final FrameView frame;
        private final InstanceState state;
        /** The function DWARF describes where the frame is, or null. */
        final FunctionScope function;
        /** The frame's code address (offset in the Code section's payload), or -1. */
        private final long address;

        FrameScope(FrameView frame, InstanceState state, FunctionScope function, long address) {
            this.frame = frame;
            this.state = state;
            this.function = function;
            this.address = address;
        }

        @Override
        public CValue variable(String name) throws DebugException {
            FunctionScope.Variable found = null;
            if (function != null) {
                // the innermost declaration hides the others: locals are listed innermost block first, and a
                // block's local may hide a parameter
                for (FunctionScope.Variable v : function.variables()) {
                    if (v.name().equals(name) && (found == null || found.parameter() && !v.parameter())) {
                        found = v;
                    }
                }
            }
            try {
                if (found == null) {
                    found = info.global(name, address);
                }
                DebugInfo.Constant constant = found == null ? info.enumerator(name, address) : null;
                if (constant != null) {
                    return CValue.of(constant.type(), constant.value());
                }
                if (found == null && frame == null) {
                    throw new DebugException("no global variable \"" + name + "\" (the program is not stopped: only"
                            + " globals are in scope)");
                }
                if (found == null && function == null) {
                    throw new DebugException("no global variable \"" + name + "\", and DWARF describes no variables"
                            + " in " + frame.location().function());
                }
                if (found == null) {
                    return null;
                }
                if (found.location() == null) {
                    throw new DebugException(name + " is optimized out here");
                }
                return new CValue(found.type(), DwarfExpression.evaluate(found.location(), CTypes.POINTER_SIZE,
                        this));
            } catch (DwarfException | RuntimeException e) {
                throw new DebugException("cannot find " + name + ": " + message(e));
            }
        }

        @Override
        public DwarfType type(String name, DwarfType.Kind kind) throws DebugException {
            try {
                return info.namedType(name, kind, address);
            } catch (DwarfException | RuntimeException e) {
                throw new DebugException("cannot read the types: " + message(e));
            }
        }

        @Override
        public long slot(DwarfExpression.Place p) throws DebugException {
            try {
                return slotBits(p);
            } catch (DwarfException e) {
                throw new DebugException(e.getMessage());
            }
        }

        @Override
        public byte[] bytes(long at, int size) throws DebugException {
            try {
                return state.readBytes(at, size);
            } catch (DebugException e) {
                throw new DebugException(String.format("cannot read %d byte%s at 0x%x (%s)", size, size == 1 ? ""
                        : "s", at, memorySize() > 0 ? "outside memory" : "the module has no memory"));
            }
        }

        @Override
        public long memorySize() {
            try {
                return state.memorySize();
            } catch (DebugException e) {
                return 0;
            }
        }

        @Override
        public String functionAt(long index) {
            try {
                if (state.tableCount() == 0 || index < 0) {
                    return null;
                }
                List<TableEntry> table = state.table(0);
                String name = index < table.size() ? table.get((int) index).function() : null;
                return name != null && name.startsWith("$") ? name.substring(1) : name;
            } catch (DebugException e) {
                return null;
            }
        }

        @Override
        public long local(int index) throws DwarfException {
            if (frame == null) {
                throw new DwarfException("no frame is selected");
            }
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
            if (frame == null) {
                throw new DwarfException("no frame is selected");
            }
            List<Value> operands = frame.operands();
            if (index < 0 || index >= operands.size()) {
                throw new DwarfException("no operand " + index);
            }
            return bits(operands.get(index));
        }

        @Override
        public long frameBase() throws DwarfException {
            if (function == null || function.frameBase() == null) {
                throw new DwarfException("the function has no frame base");
            }
            DwarfExpression.Place p = DwarfExpression.evaluate(function.frameBase(), CTypes.POINTER_SIZE, this);
            if (p instanceof DwarfExpression.Place.Memory m) {
                return m.address();
            }
            return slotBits(p);
        }

        @Override
        public long memory(long at, int size) throws DwarfException {
            try {
                return CValueText.bits(state.readBytes(at, size));
            } catch (DebugException e) {
                throw new DwarfException(String.format("memory at 0x%x cannot be read", at));
            }
        }

        /** Without threads (no {@code __tls_base} global), thread-local variables are where their address says. */
        @Override
        public long threadLocalBase() {
            for (GlobalVariable g : state.globals()) {
                if ("__tls_base".equals(g.name())) {
                    return bits(g.value());
                }
            }
            return 0;
        }

        /** Memory and slots as {@link RustValues} reads them. */
        RustValues.Memory rustMemory() {
            return new RustValues.Memory() {
                @Override
                public byte[] bytes(long address, int size) throws DwarfException {
                    try {
                        return state.readBytes(address, size);
                    } catch (DebugException e) {
                        throw new DwarfException(String.format("memory at 0x%x cannot be read", address));
                    }
                }

                @Override
                public long slot(DwarfExpression.Place p) throws DwarfException {
                    return slotBits(p);
                }
            };
        }

        /** The value of a place that is no memory. */
        private long slotBits(DwarfExpression.Place p) throws DwarfException {
            if (p instanceof DwarfExpression.Place.Value v) {
                return v.bits();
            }
            if (p instanceof DwarfExpression.Place.Local l) {
                return local(l.index());
            }
            if (p instanceof DwarfExpression.Place.Global g) {
                return global(g.index());
            }
            if (p instanceof DwarfExpression.Place.Operand o) {
                return operand(o.index());
            }
            throw new DwarfException("a value in memory has no slot");
        }

        private static long bits(Value v) {
            return v.type() == ValType.I32 || v.type() == ValType.F32 ? v.bits() & 0xFFFF_FFFFL : v.bits();
        }
    }
}
