package dev.jwdb.debugger;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

/**
 * The little language of breakpoint conditions and {@code print}: numbers, {@code $name} (a local of the frame, else
 * a global), {@code local N}, {@code global N}, memory reads {@code i32[ADDR]} (any {@link MemoryFormat}),
 * {@code + - * / %}, comparisons, {@code && || !} and parentheses. Integers compute in 64 bits and are i32 unless an
 * operand is i64; a float operand makes the operation f64. Comparisons give an i32 0 or 1.
 */
final class Expression {
    /** What an expression can read. */
    interface Scope {
        /** The local named {@code name} (without {@code $}), or null when the frame has none. */
        Value namedLocal(String name) throws DebugException;

        Value local(int index) throws DebugException;

        /** The global named {@code name} (without {@code $}), or null when there is none. */
        Value namedGlobal(String name) throws DebugException;

        Value global(int index) throws DebugException;

        MemoryCell memory(MemoryFormat format, long address) throws DebugException;
    }

    private interface Node {
        Value eval(Scope scope) throws DebugException;
    }

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    static Expression parse(String text) throws DebugException {
        Parser p = new Parser(text);
        Node root = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected \"" + text.substring(p.pos) + "\"");
        }
        return new Expression(text, root);
    }

    Value evaluate(Scope scope) throws DebugException {
        return root.eval(scope);
    }

    /** Whether the value counts as true: non-zero. */
    static boolean truthy(Value v) {
        return switch (v.type()) {
            case F32 -> v.asF32() != 0;
            case F64 -> v.asF64() != 0;
            case I32 -> v.asI32() != 0;
            case V128 -> v.bits() != 0 || v.high() != 0;
            default -> v.bits() != 0;
        };
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isFloat(Value v) {
        return v.type() == ValType.F32 || v.type() == ValType.F64;
    }

    private static double asDouble(Value v) {
        return switch (v.type()) {
            case F32 -> v.asF32();
            case F64 -> v.asF64();
            case I32 -> v.asI32();
            default -> v.bits();
        };
    }

    private static long asLong(Value v) {
        return v.type() == ValType.I32 ? v.asI32() : v.bits();
    }

    private static Value integer(long v, Value a, Value b) {
        return a.type() == ValType.I64 || b.type() == ValType.I64 ? Value.i64(v) : Value.i32((int) v);
    }

    /** A v128 has no single number to compute with: say so rather than use its low half. */
    private static void scalars(Value a, Value b) throws DebugException {
        if (a.type() == ValType.V128 || b.type() == ValType.V128) {
            throw new DebugException("a v128 cannot be computed with in an expression; print it alone to see its"
                    + " lanes");
        }
    }

    private static Value arithmetic(char op, Value a, Value b) throws DebugException {
        scalars(a, b);
        if (isFloat(a) || isFloat(b)) {
            double x = asDouble(a);
            double y = asDouble(b);
            return Value.f64(switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            });
        }
        long x = asLong(a);
        long y = asLong(b);
        if ((op == '/' || op == '%') && y == 0) {
            throw new DebugException("division by zero in the expression");
        }
        return integer(switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> x / y;
            default -> x % y;
        }, a, b);
    }

    /** Whether comparison {@code op} ({@code == != < <= > >=}) holds for a three-way comparison result {@code c}. */
    static boolean comparisonHolds(String op, int c) {
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static Value compare(String op, Value a, Value b) throws DebugException {
        scalars(a, b);
        int c = isFloat(a) || isFloat(b) ? Double.compare(asDouble(a), asDouble(b))
                : Long.compare(asLong(a), asLong(b));
        return Value.i32(comparisonHolds(op, c) ? 1 : 0);
    }

    private static Value cellValue(MemoryCell cell) {
        return switch (cell.format()) {
            case I8 -> Value.i32((byte) cell.bits());
            case U8 -> Value.i32((int) cell.bits() & 0xFF);
            case I16 -> Value.i32((short) cell.bits());
            case U16 -> Value.i32((int) cell.bits() & 0xFFFF);
            case I32 -> Value.i32((int) cell.bits());
            case U32 -> Value.i64(cell.bits() & 0xFFFF_FFFFL);
            case I64, U64 -> Value.i64(cell.bits());
            case F32 -> Value.f32Bits((int) cell.bits());
            case F64 -> Value.f64Bits(cell.bits());
        };
    }

    /**
     * Recursive descent, one method per precedence level. Nesting and length are bounded, so that typed input can
     * neither overflow the parser's stack nor build a tree too deep to evaluate.
     */
    private static final class Parser {
        private final String s;
        int pos;
        private final ExpressionLimits limits = new ExpressionLimits(this::error);

        Parser(String s) {
            this.s = s;
        }

        DebugException error(String what) {
            String shown = s.length() > 80 ? s.substring(0, 60) + "... (" + s.length() + " characters)" : s;
            return new DebugException("bad expression \"" + shown + "\": " + what);
        }

        void operator() throws DebugException {
            limits.operator();
        }

        void enter() throws DebugException {
            limits.enter();
        }

        void leave() {
            limits.leave();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node or() throws DebugException {
            Node left = and();
            while (eat("||")) {
                operator();
                Node l = left;
                Node r = and();
                left = scope -> Value.i32(truthy(l.eval(scope)) || truthy(r.eval(scope)) ? 1 : 0);
            }
            return left;
        }

        Node and() throws DebugException {
            Node left = comparison();
            while (eat("&&")) {
                operator();
                Node l = left;
                Node r = comparison();
                left = scope -> Value.i32(truthy(l.eval(scope)) && truthy(r.eval(scope)) ? 1 : 0);
            }
            return left;
        }

        Node comparison() throws DebugException {
            Node left = sum();
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (eat(op)) {
                    operator();
                    Node l = left;
                    Node r = sum();
                    return scope -> compare(op, l.eval(scope), r.eval(scope));
                }
            }
            return left;
        }

        Node sum() throws DebugException {
            Node left = product();
            while (true) {
                skipSpace();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    operator();
                    Node l = left;
                    Node r = product();
                    left = scope -> arithmetic(op, l.eval(scope), r.eval(scope));
                } else {
                    return left;
                }
            }
        }

        Node product() throws DebugException {
            Node left = unary();
            while (true) {
                skipSpace();
                if (pos < s.length() && "*/%".indexOf(s.charAt(pos)) >= 0) {
                    char op = s.charAt(pos++);
                    operator();
                    Node l = left;
                    Node r = unary();
                    left = scope -> arithmetic(op, l.eval(scope), r.eval(scope));
                } else {
                    return left;
                }
            }
        }

        Node unary() throws DebugException {
            if (eat("-")) {
                operator();
                enter();
                Node operand = unary();
                leave();
                return scope -> arithmetic('-', Value.i32(0), operand.eval(scope));
            }
            if (eat("!")) {
                operator();
                enter();
                Node operand = unary();
                leave();
                return scope -> Value.i32(truthy(operand.eval(scope)) ? 0 : 1);
            }
            return primary();
        }

        Node primary() throws DebugException {
            skipSpace();
            if (pos >= s.length()) {
                throw error("an operand is missing at the end");
            }
            char c = s.charAt(pos);
            if (eat("(")) {
                enter();
                Node inner = or();
                leave();
                if (!eat(")")) {
                    throw error("missing )");
                }
                return inner;
            }
            if (Character.isDigit(c)) {
                return number();
            }
            if (c == '$') {
                pos++;
                String name = word();
                if (name.isEmpty()) {
                    throw error("a name must follow $");
                }
                return scope -> {
                    Value v = scope.namedLocal(name);
                    if (v == null) {
                        v = scope.namedGlobal(name);
                    }
                    if (v == null) {
                        throw new DebugException("no local or global named $" + name);
                    }
                    return v;
                };
            }
            String word = word();
            if (word.equals("local") || word.equals("global")) {
                skipSpace();
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos || pos - start > 9) {
                    throw error(word + " needs an index");
                }
                int index = Integer.parseInt(s.substring(start, pos));
                return word.equals("local") ? scope -> scope.local(index) : scope -> scope.global(index);
            }
            MemoryFormat format = MemoryFormat.named(word);
            if (format != null && eat("[")) {
                enter();
                Node address = or();
                leave();
                if (!eat("]")) {
                    throw error("missing ]");
                }
                return scope -> cellValue(scope.memory(format, asLong(address.eval(scope))));
            }
            if (word.isEmpty()) {
                throw error("unexpected \"" + s.substring(pos) + "\"");
            }
            throw error("unknown name \"" + word + "\" (locals and globals are written $name)");
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_.".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private Node number() throws DebugException {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || s.charAt(pos) == '_')) {
                pos++;
            }
            String t = s.substring(start, pos).replace("_", "");
            try {
                if (!t.startsWith("0x") && (t.contains(".") || t.contains("e"))) {
                    Value v = Value.f64(Double.parseDouble(t));
                    return scope -> v;
                }
                long n = ValueText.integer(t, 64);
                Value v = n == (int) n ? Value.i32((int) n) : Value.i64(n);
                return scope -> v;
            } catch (NumberFormatException e) {
                throw error("\"" + t + "\" is not a number");
            }
        }
    }
}
