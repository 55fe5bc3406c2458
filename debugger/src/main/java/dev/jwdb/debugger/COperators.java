package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfExpression;
import dev.jwdb.debugger.dwarf.DwarfType;

import java.util.List;

/**
 * What C's operators do to {@link CValue}s, on wasm32: integer promotions and the usual arithmetic conversions,
 * signed and unsigned arithmetic wrapping at the type's width, pointer arithmetic scaled by the pointed-to size,
 * member access, indexing, dereference, address-of and casts. Nothing is written. Each error names the operator
 * and the operand as typed, and says what the operand is ({@code -> needs a pointer to a struct, value is long}).
 */
final class COperators {
    private COperators() {
    }

    // ---- reading values ----

    /** An array becomes a pointer to its first element (a row, for a multi-dimensional one); others stay. */
    static CValue decay(CValue v, String text) throws DebugException {
        DwarfType t = v.type().stripped();
        if (t.kind() == DwarfType.Kind.FUNCTION) {
            throw new DebugException(text + " is a function: functions cannot be used in expressions");
        }
        if (t.kind() != DwarfType.Kind.ARRAY) {
            return v;
        }
        if (v.address() < 0) {
            throw new DebugException(text + " is an array that is not in memory");
        }
        return CValue.of(DwarfType.pointerTo(row(t), CTypes.POINTER_SIZE), v.address());
    }

    /** An array's element: for {@code int [3][4]}, an {@code int [4]}. */
    static DwarfType row(DwarfType array) {
        DwarfType t = array.stripped();
        return t.counts().size() > 1 ? DwarfType.arrayOf(t.target(), t.counts().subList(1, t.counts().size()))
                : t.target();
    }

    /** The raw bits of a scalar, cut to its size. */
    static long bits(CValue v, CScope scope) throws DebugException {
        int size = CTypes.size(v.type());
        if (size < 1 || size > 8) {
            throw new DebugException("a " + size + "-byte " + v.type() + " is no number");
        }
        long raw = v.address() >= 0 ? CValueText.bits(scope.bytes(v.address(), size)) : scope.slot(v.place());
        return size == 8 ? raw : raw & (1L << 8 * size) - 1;
    }

    /** An integer's value, sign-extended when its type is signed. */
    static long integer(CValue v, CScope scope) throws DebugException {
        return CTypes.wrap(bits(v, scope), v.type());
    }

    /** A pointer's address. */
    static long address(CValue v, CScope scope) throws DebugException {
        return bits(v, scope) & 0xFFFF_FFFFL;
    }

    /** A number's value as a double. */
    static double floating(CValue v, CScope scope) throws DebugException {
        if (CTypes.isFloat(v.type())) {
            long raw = bits(v, scope);
            return CTypes.size(v.type()) == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        }
        long n = integer(v, scope);
        if (n < 0 && !CTypes.isSigned(v.type())) {
            return (double) (n >>> 1) * 2 + (n & 1); // an unsigned long long above 2^63
        }
        return n;
    }

    /** C's truth: a number or pointer that is not zero. */
    static boolean truth(CValue v, String text, CScope scope) throws DebugException {
        CValue d = decay(v, text);
        if (CTypes.isFloat(d.type())) {
            return floating(d, scope) != 0;
        }
        if (!CTypes.isScalar(d.type())) {
            throw new DebugException(text + " is " + d.type() + ": only numbers and pointers are true or false");
        }
        return bits(d, scope) != 0;
    }

    // ---- arithmetic ----

    /** {@code + - * / % << >> & | ^}. */
    static CValue binary(String op, CValue left, String lt, CValue right, String rt, CScope scope)
            throws DebugException {
        CValue a = decay(left, lt);
        CValue b = decay(right, rt);
        boolean pa = CTypes.isPointer(a.type());
        boolean pb = CTypes.isPointer(b.type());
        if ((op.equals("+") || op.equals("-")) && (pa || pb)) {
            return pointerArithmetic(op, a, lt, b, rt, scope);
        }
        boolean integers = !"+-*/".contains(op);
        for (int i = 0; i < 2; i++) {
            CValue v = i == 0 ? a : b;
            if (integers ? !CTypes.isInteger(v.type()) : !CTypes.isArithmetic(v.type())) {
                throw new DebugException(op + " needs " + (integers ? "integers" : "numbers") + ", " + (i == 0 ? lt
                        : rt) + " is " + v.type());
            }
        }
        if (op.equals("<<") || op.equals(">>")) {
            DwarfType t = CTypes.promoted(a.type());
            long x = CTypes.wrap(integer(a, scope), t);
            int n = (int) (integer(b, scope) & 63);
            return CValue.of(t, op.equals("<<") ? x << n : CTypes.isSigned(t) ? x >> n : x >>> n);
        }
        DwarfType t = CTypes.common(a.type(), b.type());
        if (CTypes.isFloat(t)) {
            double x = floating(a, scope);
            double y = floating(b, scope);
            return CValue.floating(t, switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                default -> x / y;
            });
        }
        long x = CTypes.wrap(integer(a, scope), t);
        long y = CTypes.wrap(integer(b, scope), t);
        boolean unsigned64 = !CTypes.isSigned(t) && CTypes.size(t) == 8;
        if ((op.equals("/") || op.equals("%")) && y == 0) {
            throw new DebugException("division by zero");
        }
        return CValue.of(t, switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> unsigned64 ? Long.divideUnsigned(x, y) : x / y;
            case "%" -> unsigned64 ? Long.remainderUnsigned(x, y) : x % y;
            case "&" -> x & y;
            case "|" -> x | y;
            default -> x ^ y;
        });
    }

    /** {@code p + n}, {@code n + p}, {@code p - n} (scaled by the pointed-to size) and {@code p - q} (in elements). */
    private static CValue pointerArithmetic(String op, CValue a, String lt, CValue b, String rt, CScope scope)
            throws DebugException {
        boolean pa = CTypes.isPointer(a.type());
        boolean pb = CTypes.isPointer(b.type());
        if (pa && pb) {
            if (op.equals("+")) {
                throw new DebugException("+ cannot add two pointers, " + lt + " and " + rt);
            }
            long size = stride(a, lt);
            if (stride(b, rt) != size) {
                throw new DebugException("- needs pointers to the same type, " + lt + " is " + a.type() + " and "
                        + rt + " is " + b.type());
            }
            return CValue.of(CTypes.LONG, (address(a, scope) - address(b, scope)) / size);
        }
        if (op.equals("-") && pb) {
            throw new DebugException("- cannot subtract a pointer from a number, " + rt + " is " + b.type());
        }
        CValue pointer = pa ? a : b;
        CValue number = pa ? b : a;
        String numberText = pa ? rt : lt;
        if (!CTypes.isInteger(number.type())) {
            throw new DebugException(op + " adds only integers to a pointer, " + numberText + " is "
                    + number.type());
        }
        long n = integer(number, scope) * stride(pointer, pa ? lt : rt);
        return CValue.of(pointer.type(), address(pointer, scope) + (op.equals("+") ? n : -n));
    }

    /** The size a pointer steps by: what it points to ({@code void *} steps by bytes, as in GNU C). */
    private static long stride(CValue pointer, String text) throws DebugException {
        DwarfType target = pointer.type().stripped().target();
        if (target.stripped().kind() == DwarfType.Kind.VOID) {
            return 1;
        }
        long size = target.size();
        if (size <= 0) {
            throw new DebugException(text + " points to " + target + ", whose size is unknown");
        }
        return size;
    }

    /** {@code -x}, {@code +x}, {@code ~x}, {@code !x}. */
    static CValue unary(char op, CValue value, String text, CScope scope) throws DebugException {
        CValue v = decay(value, text);
        if (op == '!') {
            return CValue.of(CTypes.INT, truth(v, text, scope) ? 0 : 1);
        }
        if (op == '~' ? !CTypes.isInteger(v.type()) : !CTypes.isArithmetic(v.type())) {
            throw new DebugException(op + " needs " + (op == '~' ? "an integer" : "a number") + ", " + text + " is "
                    + v.type());
        }
        if (CTypes.isFloat(v.type())) {
            return CValue.floating(v.type(), op == '-' ? -floating(v, scope) : floating(v, scope));
        }
        DwarfType t = CTypes.promoted(v.type());
        long x = integer(v, scope);
        return CValue.of(t, op == '-' ? -x : op == '~' ? ~x : x);
    }

    /** {@code == != < <= > >=}: an {@code int}, 1 or 0. Pointers compare with pointers and with integers. */
    static CValue compare(String op, CValue left, String lt, CValue right, String rt, CScope scope)
            throws DebugException {
        CValue a = decay(left, lt);
        CValue b = decay(right, rt);
        int c;
        if (CTypes.isArithmetic(a.type()) && CTypes.isArithmetic(b.type())) {
            DwarfType t = CTypes.common(a.type(), b.type());
            if (CTypes.isFloat(t)) {
                double x = floating(a, scope);
                double y = floating(b, scope);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return CValue.of(CTypes.INT, op.equals("!=") ? 1 : 0);
                }
                c = x == y ? 0 : x < y ? -1 : 1;
            } else {
                long x = CTypes.wrap(integer(a, scope), t);
                long y = CTypes.wrap(integer(b, scope), t);
                c = !CTypes.isSigned(t) && CTypes.size(t) == 8 ? Long.compareUnsigned(x, y) : Long.compare(x, y);
            }
        } else if (CTypes.isPointer(a.type()) && (CTypes.isPointer(b.type()) || CTypes.isInteger(b.type()))
                || CTypes.isInteger(a.type()) && CTypes.isPointer(b.type())) {
            long x = CTypes.isPointer(a.type()) ? address(a, scope) : integer(a, scope);
            long y = CTypes.isPointer(b.type()) ? address(b, scope) : integer(b, scope);
            c = Long.compare(x, y);
        } else {
            throw new DebugException(op + " compares numbers and pointers, " + (CTypes.isScalar(a.type()) ? rt + " is "
                    + b.type() : lt + " is " + a.type()));
        }
        return CValue.of(CTypes.INT, Expression.comparisonHolds(op, c) ? 1 : 0);
    }

    // ---- places ----

    /** {@code s.name} and {@code p->name}. */
    static CValue member(CValue value, String text, String name, boolean arrow, CScope scope)
            throws DebugException {
        DwarfType structure;
        long base;
        if (arrow) {
            CValue v = decay(value, text);
            DwarfType target = CTypes.isPointer(v.type()) ? v.type().stripped().target() : null;
            if (target == null || !CTypes.isStructure(target)) {
                throw new DebugException("-> needs a pointer to a struct, " + text + " is " + v.type()
                        + (CTypes.isStructure(v.type()) ? " (use " + text + "." + name + ")" : ""));
            }
            structure = target.stripped();
            base = address(v, scope);
        } else {
            if (!CTypes.isStructure(value.type())) {
                boolean pointer = CTypes.isPointer(value.type())
                        && CTypes.isStructure(value.type().stripped().target());
                throw new DebugException(". needs a struct or union, " + text + " is " + value.type()
                        + (pointer ? " (use " + text + "->" + name + ")" : ""));
            }
            if (value.address() < 0) {
                throw new DebugException(text + " is not in memory");
            }
            structure = value.type().stripped();
            base = value.address();
        }
        CValue found = field(structure, name, base, 0);
        if (found == null) {
            throw new DebugException(structure + " has no member named " + name);
        }
        return found;
    }

    /** The member {@code name} of {@code structure} at {@code base}, looking into unnamed members (C11). */
    private static CValue field(DwarfType structure, String name, long base, int depth) throws DebugException {
        for (DwarfType.Member m : structure.members()) {
            DwarfType type = m.type() == null ? DwarfType.VOID : m.type().get();
            if (name.equals(m.name())) {
                if (m.bitSize() != 0) {
                    throw new DebugException(name + " is a bit field, which expressions cannot read");
                }
                return new CValue(type, new DwarfExpression.Place.Memory(base + m.offset()));
            }
            if (m.name() == null && CTypes.isStructure(type) && depth < 8) {
                CValue inner = field(type.stripped(), name, base + m.offset(), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** {@code a[i]} (and {@code i[a]}, which C allows). */
    static CValue index(CValue left, String lt, CValue right, String rt, CScope scope) throws DebugException {
        CValue a = decay(left, lt);
        CValue i = decay(right, rt);
        if (CTypes.isInteger(a.type()) && CTypes.isPointer(i.type())) {
            return index(right, rt, left, lt, scope);
        }
        if (!CTypes.isPointer(a.type())) {
            throw new DebugException("[] needs an array or a pointer, " + lt + " is " + a.type());
        }
        if (!CTypes.isInteger(i.type())) {
            throw new DebugException("an index must be an integer, " + rt + " is " + i.type());
        }
        DwarfType element = a.type().stripped().target();
        if (element.stripped().kind() == DwarfType.Kind.VOID) {
            throw new DebugException("[] cannot index a void *: cast " + lt + " to a pointer to what it holds");
        }
        long size = element.size();
        if (size <= 0) {
            throw new DebugException(lt + " points to " + element + ", whose size is unknown");
        }
        long at = address(a, scope) + integer(i, scope) * size & 0xFFFF_FFFFL;
        return new CValue(element, new DwarfExpression.Place.Memory(at));
    }

    /** gdb's {@code x@n}: {@code n} values of {@code x}'s type in memory from {@code x} on, as an array. */
    static CValue repeated(CValue first, String ft, CValue count, String ct, CScope scope) throws DebugException {
        if (first.address() < 0) {
            throw new DebugException("@ needs something in memory on its left, " + ft + " is not");
        }
        if (!CTypes.isInteger(count.type())) {
            throw new DebugException("@ needs a count on its right, " + ct + " is " + count.type());
        }
        long n = integer(count, scope);
        if (n < 1 || n > 1_000_000) {
            throw new DebugException("@ needs a count from 1 to 1000000, " + ct + " is " + n);
        }
        if (first.type().size() <= 0) {
            throw new DebugException("@ needs a value of known size, " + ft + " is " + first.type());
        }
        return new CValue(DwarfType.arrayOf(first.type(), List.of(n)), first.place());
    }

    /** {@code *p}. */
    static CValue dereference(CValue value, String text, CScope scope) throws DebugException {
        CValue v = decay(value, text);
        if (!CTypes.isPointer(v.type())) {
            throw new DebugException("* needs a pointer, " + text + " is " + v.type());
        }
        DwarfType target = v.type().stripped().target();
        switch (target.stripped().kind()) {
            case VOID -> throw new DebugException("* cannot read through a void *: cast it first, as in *(int *)"
                    + text);
            case FUNCTION -> throw new DebugException("* cannot read a function: " + text + " is " + v.type());
            default -> {
                return new CValue(target, new DwarfExpression.Place.Memory(address(v, scope)));
            }
        }
    }

    /** {@code &x}: the address of something in memory. */
    static CValue addressOf(CValue v, String text) throws DebugException {
        DwarfExpression.Place p = v.place();
        if (p instanceof DwarfExpression.Place.Memory m) {
            return CValue.of(DwarfType.pointerTo(v.type(), CTypes.POINTER_SIZE), m.address());
        }
        if (p instanceof DwarfExpression.Place.Local l) {
            throw new DebugException("& cannot take the address of " + text + ": it is kept in Wasm local "
                    + l.index() + ", not in memory");
        }
        if (p instanceof DwarfExpression.Place.Global g) {
            throw new DebugException("& cannot take the address of " + text + ": it is kept in Wasm global "
                    + g.index() + ", not in memory");
        }
        if (p instanceof DwarfExpression.Place.Operand) {
            throw new DebugException("& cannot take the address of " + text + ": it is on the Wasm operand stack, not"
                    + " in memory");
        }
        throw new DebugException("& cannot take the address of " + text + ": it is a value, not in memory");
    }

    /** {@code (type) x}. */
    static CValue cast(DwarfType type, CValue value, String text, CScope scope) throws DebugException {
        DwarfType t = type.stripped();
        CValue v = decay(value, text);
        if (!CTypes.isScalar(type) && !(t.kind() == DwarfType.Kind.BASE && t.encoding() == DwarfType.ATE_BOOLEAN)) {
            throw new DebugException("cannot cast to " + type + ": only to numbers and pointers");
        }
        if (!CTypes.isScalar(v.type())) {
            throw new DebugException("cannot cast " + text + " to " + type + ", it is " + v.type());
        }
        if (t.kind() == DwarfType.Kind.BASE && t.encoding() == DwarfType.ATE_BOOLEAN) {
            return CValue.of(type, truth(v, text, scope) ? 1 : 0);
        }
        if (CTypes.isFloat(type)) {
            if (CTypes.isPointer(v.type())) {
                throw new DebugException("cannot cast " + text + " to " + type + ", it is a pointer");
            }
            return CValue.floating(type, floating(v, scope));
        }
        if (CTypes.isFloat(v.type())) {
            if (CTypes.isPointer(type)) {
                throw new DebugException("cannot cast " + text + " to " + type + ", it is " + v.type());
            }
            double d = floating(v, scope);
            long n = CTypes.size(type) == 8 && !CTypes.isSigned(type) && d >= 0x1p63 ? (long) (d - 0x1p63)
                    + Long.MIN_VALUE : (long) d;
            return CValue.of(type, n);
        }
        return CValue.of(type, CTypes.isPointer(v.type()) ? address(v, scope) : integer(v, scope));
    }
}
