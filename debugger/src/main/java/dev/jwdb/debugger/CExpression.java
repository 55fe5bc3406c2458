package dev.jwdb.debugger;

import dev.jwdb.debugger.dwarf.DwarfType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A C expression over the source program's variables, as gdb users type them: names of variables in scope,
 * {@code s.min}, {@code p->min}, {@code a[i]}, {@code *p}, {@code &x}, {@code + - * / % << >> & | ^ ~}, comparisons,
 * {@code && || !}, {@code ?:}, parentheses, integer, floating and character literals, casts to numbers and
 * pointers ({@code (char) x}, {@code (struct stats *) p}, typedef names), {@code sizeof}, and gdb's {@code x@n} (the
 * {@code n} values in memory from {@code x} on, as an array: {@code *argv@argc}). It is parsed once and
 * evaluated against a {@link CScope}; nothing in it changes the program, so assignments, increments and calls are
 * refused when parsed.
 */
final class CExpression {
    /** The binary operators, loosest first, each level's operators together. */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"),
            List.of("^"), List.of("&"), List.of("==", "!="), List.of("<=", ">=", "<", ">"), List.of("<<", ">>"),
            List.of("@"), List.of("+", "-"), List.of("*", "/", "%"));
    /** Punctuation, longest first so that {@code ->} is not read as {@code -}. */
    private static final List<String> PUNCTUATION = List.of("<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=",
            "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">",
            "=", "!", "~", "&", "|", "^", "?", ":", "(", ")", "[", "]", ".", ",", "@");
    private static final Pattern WASM_FORMS = Pattern.compile(
            "\\$|(?<![\\w.])(local|global)\\s+\\d|(?<![\\w.])(?i:[iu](8|16|32|64)|f32|f64)\\s*\\[");

    private interface Evaluation {
        CValue eval(CScope scope) throws DebugException;
    }

    /** A part of the expression: how to evaluate it, and its text, which errors quote. */
    private record Node(String text, Evaluation evaluation) {
        CValue eval(CScope scope) throws DebugException {
            return evaluation.eval(scope);
        }
    }

    private final String text;
    private final Node root;
    private final Set<String> names;

    private CExpression(String text, Node root, Set<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    /**
     * Parses {@code text}. {@code typedefs} says whether a name is a type's (a typedef), which decides whether
     * {@code (name) -x} is a cast or a subtraction.
     */
    static CExpression parse(String text, Predicate<String> typedefs) throws DebugException {
        Parser p = new Parser(text, typedefs);
        Node root = p.conditional();
        if (!p.peek().isEmpty()) {
            throw p.error("unexpected \"" + p.peek() + "\"");
        }
        return new CExpression(text, root, p.names);
    }

    /**
     * Whether {@code text} uses the forms of jwdb's Wasm-level expressions ({@code $name}, {@code local N},
     * {@code global N}, {@code i32[ADDR]}...), which C has no use for: such an expression is not C.
     */
    static boolean usesWasmForms(String text) {
        return WASM_FORMS.matcher(text).find();
    }

    CValue evaluate(CScope scope) throws DebugException {
        return root.eval(scope);
    }

    /** The variable names the expression reads, in order. */
    Set<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The tokens of {@code text} and a recursive descent over them, one method per precedence level. */
    private static final class Parser {
        private final String s;
        private final Predicate<String> typedefs;
        private final List<String> tokens = new ArrayList<>();
        /** Where each token starts and ends in {@code s}. */
        private final List<int[]> spans = new ArrayList<>();
        final Set<String> names = new LinkedHashSet<>();
        private int next;
        private final ExpressionLimits limits = new ExpressionLimits(this::error);

        Parser(String s, Predicate<String> typedefs) throws DebugException {
            this.s = s;
            this.typedefs = typedefs;
            lex();
        }

        DebugException error(String what) {
            String shown = s.length() > 80 ? s.substring(0, 60) + "... (" + s.length() + " characters)" : s;
            return new DebugException("bad expression \"" + shown + "\": " + what);
        }

        private void lex() throws DebugException {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int start = i;
                if (Character.isLetter(c) || c == '_') {
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                } else if (Character.isDigit(c)
                        || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                    // an exponent's sign belongs to the number: 1e-3, 0x1p+4
                    String exponent = s.startsWith("0x", i) || s.startsWith("0X", i) ? "pP" : "eE";
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                            || s.charAt(i) == '_' || (s.charAt(i) == '+' || s.charAt(i) == '-')
                            && exponent.indexOf(s.charAt(i - 1)) >= 0)) {
                        i++;
                    }
                } else if (c == '\'' || c == '"') {
                    i++;
                    while (i < s.length() && s.charAt(i) != c) {
                        i += s.charAt(i) == '\\' ? 2 : 1;
                    }
                    if (i >= s.length()) {
                        throw error("the " + (c == '"' ? "string" : "character") + " is not closed");
                    }
                    i++;
                } else {
                    String found = null;
                    for (String p : PUNCTUATION) {
                        if (s.startsWith(p, i)) {
                            found = p;
                            break;
                        }
                    }
                    if (found == null) {
                        throw error("unexpected \"" + c + "\"");
                    }
                    i += found.length();
                }
                tokens.add(s.substring(start, i));
                spans.add(new int[] {start, i});
            }
        }

        /** The next token, or "" at the end. */
        String peek() {
            return peek(0);
        }

        String peek(int ahead) {
            return next + ahead < tokens.size() ? tokens.get(next + ahead) : "";
        }

        boolean eat(String token) {
            if (peek().equals(token)) {
                next++;
                return true;
            }
            return false;
        }

        void expect(String token, String what) throws DebugException {
            if (!eat(token)) {
                throw error(peek().isEmpty() ? what + " at the end" : what + " before \"" + peek() + "\"");
            }
        }

        /** The text from token {@code from} to the last one read. */
        String text(int from) {
            if (from >= next) {
                return "";
            }
            return s.substring(spans.get(from)[0], spans.get(next - 1)[1]);
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

        Node conditional() throws DebugException {
            enter();
            int from = next;
            Node node = binary(0);
            if (eat("?")) {
                operator();
                Node condition = node;
                Node yes = conditional();
                expect(":", "the : of ?: is missing");
                Node no = conditional();
                node = new Node(text(from), scope -> COperators.truth(condition.eval(scope), condition.text(), scope)
                        ? yes.eval(scope) : no.eval(scope));
            }
            refuseAssignment();
            leave();
            return node;
        }

        private void refuseAssignment() throws DebugException {
            String t = peek();
            if (t.equals("=") || t.length() >= 2 && t.endsWith("=") && !List.of("==", "!=", "<=", ">=").contains(t)) {
                throw error(t + " is not supported: expressions read the program, they do not change it");
            }
        }

        Node binary(int level) throws DebugException {
            if (level == LEVELS.size()) {
                return unary();
            }
            int from = next;
            Node left = binary(level + 1);
            while (LEVELS.get(level).contains(peek())) {
                String op = tokens.get(next++);
                operator();
                Node l = left;
                Node r = binary(level + 1);
                String t = text(from);
                left = new Node(t, switch (op) {
                    case "&&" -> scope -> CValue.of(CTypes.INT, COperators.truth(l.eval(scope), l.text(), scope)
                            && COperators.truth(r.eval(scope), r.text(), scope) ? 1 : 0);
                    case "||" -> scope -> CValue.of(CTypes.INT, COperators.truth(l.eval(scope), l.text(), scope)
                            || COperators.truth(r.eval(scope), r.text(), scope) ? 1 : 0);
                    case "==", "!=", "<", "<=", ">", ">=" -> scope -> COperators.compare(op, l.eval(scope), l.text(),
                            r.eval(scope), r.text(), scope);
                    case "@" -> scope -> COperators.repeated(l.eval(scope), l.text(), r.eval(scope), r.text(), scope);
                    default -> scope -> COperators.binary(op, l.eval(scope), l.text(), r.eval(scope), r.text(),
                            scope);
                });
            }
            return left;
        }

        Node unary() throws DebugException {
            int from = next;
            String t = peek();
            if (t.equals("++") || t.equals("--")) {
                throw error(t + " is not supported: expressions read the program, they do not change it");
            }
            if (List.of("-", "+", "!", "~", "*", "&").contains(t)) {
                next++;
                operator();
                enter();
                Node operand = unary();
                leave();
                String text = text(from);
                return new Node(text, switch (t) {
                    case "*" -> scope -> COperators.dereference(operand.eval(scope), operand.text(), scope);
                    case "&" -> scope -> COperators.addressOf(operand.eval(scope), operand.text());
                    default -> scope -> COperators.unary(t.charAt(0), operand.eval(scope), operand.text(), scope);
                });
            }
            if (t.equals("sizeof")) {
                next++;
                operator();
                if (peek().equals("(") && startsType(1)) {
                    next++;
                    TypeName type = typeName();
                    expect(")", "a ) is missing after the type");
                    return new Node(text(from), scope -> CValue.of(CTypes.UNSIGNED_LONG, size(type.resolve(scope),
                            type.toString())));
                }
                enter();
                Node operand = unary();
                leave();
                return new Node(text(from), scope -> CValue.of(CTypes.UNSIGNED_LONG, size(operand.eval(scope)
                        .type(), operand.text())));
            }
            if (t.equals("(") && startsType(1)) {
                next++;
                TypeName type = typeName();
                expect(")", "a ) is missing after the type");
                operator();
                enter();
                Node operand = unary();
                leave();
                return new Node(text(from), scope -> COperators.cast(type.resolve(scope), operand.eval(scope),
                        operand.text(), scope));
            }
            return postfix();
        }

        private static long size(DwarfType type, String text) throws DebugException {
            long size = type.size();
            if (size <= 0) {
                throw new DebugException("sizeof: the size of " + text + " (" + type + ") is unknown");
            }
            return size;
        }

        /**
         * Whether a type name starts {@code ahead} tokens on: a type keyword, {@code struct}, {@code union},
         * {@code enum}, or a name followed by {@code *} and {@code )} (a pointer type) or that is a typedef.
         */
        private boolean startsType(int ahead) {
            String t = peek(ahead);
            if (CTypes.KEYWORDS.contains(t) || t.equals("struct") || t.equals("union") || t.equals("enum")) {
                return true;
            }
            if (!isName(t)) {
                return false;
            }
            int after = ahead + 1;
            if (peek(after).equals("*")) {
                while (peek(after).equals("*")) {
                    after++;
                }
                return peek(after).equals(")");
            }
            return peek(after).equals(")") && typedefs.test(t);
        }

        private TypeName typeName() throws DebugException {
            List<String> keywords = new ArrayList<>();
            DwarfType.Kind kind = null;
            String name = null;
            while (CTypes.KEYWORDS.contains(peek())) {
                keywords.add(tokens.get(next++));
            }
            if (keywords.stream().allMatch(k -> k.equals("const") || k.equals("volatile"))) {
                String t = peek();
                if (t.equals("struct") || t.equals("union") || t.equals("enum")) {
                    next++;
                    kind = t.equals("struct") ? DwarfType.Kind.STRUCT : t.equals("union") ? DwarfType.Kind.UNION
                            : DwarfType.Kind.ENUM;
                    if (!isName(peek())) {
                        throw error("a name must follow " + t);
                    }
                    name = tokens.get(next++);
                } else if (isName(t)) {
                    kind = DwarfType.Kind.TYPEDEF;
                    name = tokens.get(next++);
                } else {
                    throw error("a type is missing in the cast");
                }
                while (peek().equals("const") || peek().equals("volatile")) {
                    next++;
                }
            }
            int pointers = 0;
            while (eat("*")) {
                pointers++;
                while (eat("const") || eat("volatile")) {
                    // a pointer's own qualifiers change nothing that is read
                }
            }
            if (kind == null) {
                CTypes.spelled(keywords); // a bad spelling is a parse error
            }
            return new TypeName(keywords, kind, name, pointers);
        }

        Node postfix() throws DebugException {
            int from = next;
            Node node = primary();
            int depth = 0;
            while (true) {
                String t = peek();
                if (t.equals("[")) {
                    next++;
                    operator();
                    Node array = node;
                    Node index = conditional();
                    expect("]", "a ] is missing");
                    node = new Node(text(from), scope -> COperators.index(array.eval(scope), array.text(),
                            index.eval(scope), index.text(), scope));
                } else if (t.equals(".") || t.equals("->")) {
                    next++;
                    operator();
                    if (!isName(peek())) {
                        throw error("a member name must follow " + t);
                    }
                    String member = tokens.get(next++);
                    Node structure = node;
                    node = new Node(text(from), scope -> COperators.member(structure.eval(scope), structure.text(),
                            member, t.equals("->"), scope));
                } else if (t.equals("(")) {
                    throw error("function calls are not supported");
                } else if (t.equals("++") || t.equals("--")) {
                    throw error(t + " is not supported: expressions read the program, they do not change it");
                } else {
                    return node;
                }
                if (++depth > ExpressionLimits.MAX_NESTING) {
                    throw error("more than " + ExpressionLimits.MAX_NESTING + " [], . or -> in a row");
                }
            }
        }

        Node primary() throws DebugException {
            int from = next;
            String t = peek();
            if (t.isEmpty()) {
                throw error("an operand is missing at the end");
            }
            if (eat("(")) {
                Node inner = conditional();
                expect(")", "a ) is missing");
                return new Node(text(from), inner.evaluation());
            }
            next++;
            if (t.startsWith("\"")) {
                throw error("strings are not supported");
            }
            if (t.startsWith("'")) {
                CValue v = CValue.of(CTypes.CHAR, character(t));
                return new Node(t, scope -> v);
            }
            if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
                CValue v = number(t);
                return new Node(t, scope -> v);
            }
            if (!isName(t) || t.equals("sizeof") || t.equals("struct") || t.equals("union") || t.equals("enum")
                    || CTypes.KEYWORDS.contains(t)) {
                throw error("unexpected \"" + t + "\"");
            }
            names.add(t);
            return new Node(t, scope -> {
                CValue v = scope.variable(t);
                if (v == null) {
                    throw new DebugException("no variable \"" + t + "\" in scope here");
                }
                return v;
            });
        }

        private static boolean isName(String t) {
            return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
        }

        /** A character literal's value: {@code 'a'}, {@code '\n'}, {@code '\0'}, {@code '\x41'}, {@code '\101'}. */
        private long character(String t) throws DebugException {
            String body = t.substring(1, t.length() - 1);
            if (body.isEmpty()) {
                throw error("an empty character ''");
            }
            if (body.charAt(0) != '\\') {
                if (body.codePointCount(0, body.length()) != 1 || body.codePointAt(0) > 0x7F) {
                    throw error(t + " is not a one-byte character");
                }
                return body.charAt(0);
            }
            String e = body.substring(1);
            switch (e) {
                case "n":
                    return '\n';
                case "t":
                    return '\t';
                case "r":
                    return '\r';
                case "a":
                    return 7;
                case "b":
                    return '\b';
                case "f":
                    return '\f';
                case "v":
                    return 11;
                case "\\", "'", "\"", "?":
                    return e.charAt(0);
                default:
                    try {
                        int v = e.startsWith("x") ? Integer.parseInt(e.substring(1), 16)
                                : e.length() <= 3 ? Integer.parseInt(e, 8) : -1;
                        if (v >= 0 && v <= 0xFF) {
                            return v;
                        }
                    } catch (NumberFormatException ignored) {
                        // said below
                    }
                    throw error("unknown escape in " + t);
            }
        }

        /** An integer or floating literal, typed as C types it (on wasm32). */
        private CValue number(String t) throws DebugException {
            String lower = t.toLowerCase();
            boolean hex = lower.startsWith("0x");
            if (lower.contains(".") || !hex && lower.contains("e") || hex && lower.contains("p")) {
                boolean single = lower.endsWith("f");
                if (lower.endsWith("l")) {
                    throw error("long double is not supported");
                }
                try {
                    double d = Double.parseDouble(single ? t.substring(0, t.length() - 1) : t);
                    return CValue.floating(single ? CTypes.FLOAT : CTypes.DOUBLE, d);
                } catch (NumberFormatException e) {
                    throw error("\"" + t + "\" is not a number");
                }
            }
            int end = lower.length();
            while (end > 0 && (lower.charAt(end - 1) == 'u' || lower.charAt(end - 1) == 'l')) {
                end--;
            }
            String suffix = lower.substring(end);
            String digits = lower.substring(0, end).replace("_", "");
            boolean unsigned = suffix.contains("u");
            int longs = suffix.length() - (unsigned ? 1 : 0);
            if (!List.of("", "u", "l", "ul", "lu", "ll", "ull", "llu").contains(suffix)) {
                throw error("\"" + t + "\" has an unknown suffix");
            }
            BigInteger value;
            try {
                if (hex) {
                    value = new BigInteger(digits.substring(2), 16);
                } else if (digits.startsWith("0b")) {
                    value = new BigInteger(digits.substring(2), 2);
                } else if (digits.length() > 1 && digits.startsWith("0")) {
                    value = new BigInteger(digits.substring(1), 8);
                } else {
                    value = new BigInteger(digits, 10);
                }
            } catch (NumberFormatException e) {
                throw error("\"" + t + "\" is not a number");
            }
            if (value.bitLength() > 64) {
                throw error(t + " is too large for any integer type");
            }
            boolean decimal = !hex && !(digits.length() > 1 && digits.startsWith("0"));
            List<DwarfType> candidates = new ArrayList<>();
            if (longs == 0) {
                candidates.add(CTypes.INT);
                candidates.add(CTypes.UNSIGNED_INT);
            }
            if (longs <= 1) {
                candidates.add(CTypes.LONG);
                candidates.add(CTypes.UNSIGNED_LONG);
            }
            candidates.add(CTypes.LONG_LONG);
            candidates.add(CTypes.UNSIGNED_LONG_LONG);
            for (DwarfType type : candidates) {
                boolean typeUnsigned = !CTypes.isSigned(type);
                // a decimal literal without u is never unsigned (except when nothing else holds it); with u, only so
                if (unsigned != typeUnsigned && (unsigned || decimal && type != CTypes.UNSIGNED_LONG_LONG)) {
                    continue;
                }
                int bits = CTypes.size(type) * 8 - (typeUnsigned ? 0 : 1);
                if (value.bitLength() <= bits) {
                    return CValue.of(type, value.longValue());
                }
            }
            throw error(t + " is too large for any integer type");
        }
    }

    /** A type named in a cast or {@code sizeof}, found in the program's types when evaluated. */
    private record TypeName(List<String> keywords, DwarfType.Kind kind, String name, int pointers) {
        DwarfType resolve(CScope scope) throws DebugException {
            DwarfType t;
            if (kind == null) {
                t = CTypes.spelled(keywords);
            } else {
                t = scope.type(name, kind);
                if (t == null) {
                    String spelled = kind == DwarfType.Kind.TYPEDEF ? name : kind.name().toLowerCase() + " " + name;
                    throw new DebugException("no type named " + spelled + " in the program");
                }
            }
            for (int i = 0; i < pointers; i++) {
                t = DwarfType.pointerTo(t, CTypes.POINTER_SIZE);
            }
            return t;
        }

        @Override
        public String toString() {
            String base = kind == null ? String.join(" ", keywords) : kind == DwarfType.Kind.TYPEDEF ? name
                    : kind.name().toLowerCase() + " " + name;
            return base + (pointers > 0 ? " " + "*".repeat(pointers) : "");
        }
    }
}
