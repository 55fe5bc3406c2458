package dev.jwdb.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random valid modules: straight-line and branching i32/i64/f32/f64 code with loads, stores and bulk memory,
 * and loops of several shapes, which need not terminate: they are run with fuel. Every function takes
 * (i32 i64 f32 f64) and returns one value; locals 4-7 are scratch of the same types, locals 8 and up are loop
 * counters and pointers, each written by its own loop only.
 *
 * <p>The loops: counted ones (a counter from 1..16 that only the loop's own {@code br_if} decrements); pointer walks
 * that load and store through a pointer until it reaches an aligned boundary; loops on a condition that makes
 * progress on a scratch local (which other statements may also write) or on any expression; a {@code block}
 * around a {@code loop} left by {@code br_if} or {@code br_table}. Any statement may branch to any enclosing label
 * ({@code br}, {@code br_if}, {@code br_table}), so a {@code br} back to a loop may skip its progress and spin
 * until the fuel runs out; {@code return} leaves the function from anywhere.
 *
 * <p>Calls: a function calls earlier functions freely; a call to any function (itself, a later one, or through
 * {@code call_indirect} on a table of every function plus two null slots) is guarded by a global depth counter, so
 * recursion stays a few calls deep. An indirect call may trap on a wrong type or a null or missing element.
 *
 * <p>The spec leaves the sign and payload of a NaN produced by arithmetic open (§4.3.3), so two correct engines may
 * differ there and reinterpret, copysign or a store would make that visible. As wasm-smith does for differential
 * runs, every float operation that may produce a NaN is wrapped in a call that replaces any NaN by the canonical
 * one; NaN constants, loads and bit operations stay as they are, since their bits are fully specified. So every
 * value is exact, and results are compared bit for bit, NaNs included.
 *
 * <p>Where Chicory 1.7.5 is wrong by the spec (each case in {@link ChicoryDisagreementsTest}), the generator steers
 * clear, as noted where it does, so that a long run reports only new disagreements.
 */
final class ValidModuleGenerator {
    private static final String[] TYPES = {"i32", "i64", "f32", "f64"};
    private static final int MAX_LOOPS = 4;
    /** How many guarded calls may be active at once. */
    private static final int MAX_GUARDED_DEPTH = 3;
    /** Table slots after the functions, left null. */
    private static final int NULL_SLOTS = 2;

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private String[] resultTypes;
    private int current;
    private int loops;
    /** The labels a statement may branch to, innermost last: true for a loop (a branch continues it). */
    private final List<Boolean> labels = new ArrayList<>();
    /** The local walking memory in the innermost pointer loop, or -1. */
    private int pointer = -1;

    ValidModuleGenerator(Random random) {
        this.random = random;
    }

    /** The module's text; its functions are exported as f0, f1, ... and its memory as "mem". */
    String module(int functions) {
        resultTypes = new String[functions];
        for (int i = 0; i < functions; i++) {
            resultTypes[i] = type();
        }
        out.append("(module\n");
        for (String t : TYPES) {
            out.append("  (type $sig_").append(t).append(" (func (param i32 i64 f32 f64) (result ").append(t)
                    .append(")))\n");
        }
        out.append("  (memory (export \"mem\") 1 1)\n");
        for (String t : TYPES) {
            out.append("  (global $g_").append(t).append(" (mut ").append(t).append(") (").append(t)
                    .append(".const 0))\n");
        }
        out.append("  (global $depth (mut i32) (i32.const 0))\n");
        out.append("  (table ").append(functions + NULL_SLOTS).append(" funcref)\n  (elem (i32.const 0) func");
        for (int i = 0; i < functions; i++) {
            out.append(" $f").append(i);
        }
        out.append(")\n  (data (i32.const 0) \"\\01\\02\\03\\04\\80\\ff\\7f\\00hello\")\n");
        for (String t : new String[] {"f32", "f64"}) {
            out.append("  (func $canon_").append(t).append(" (param ").append(t).append(") (result ").append(t)
                    .append(") (select (").append(t).append(".const nan) (local.get 0) (").append(t)
                    .append(".ne (local.get 0) (local.get 0))))\n");
        }
        for (current = 0; current < functions; current++) {
            loops = 0;
            out.append("  (func $f").append(current).append(" (export \"f").append(current)
                    .append("\") (param i32 i64 f32 f64) (result ").append(resultTypes[current])
                    .append(") (local i32 i64 f32 f64");
            out.append(" i32".repeat(MAX_LOOPS)).append(")\n");
            int statements = 1 + random.nextInt(6);
            for (int i = 0; i < statements; i++) {
                out.append("    ");
                statement(3);
                out.append('\n');
            }
            out.append("    ");
            expr(resultTypes[current], 4);
            out.append(")\n");
        }
        return out.append(")\n").toString();
    }

    private String type() {
        return TYPES[random.nextInt(4)];
    }

    private int local(String t) {
        int k = java.util.Arrays.asList(TYPES).indexOf(t);
        return random.nextBoolean() ? k : k + 4;
    }

    private void statement(int depth) {
        int choice = random.nextInt(depth <= 0 ? 4 : 16);
        String t = type();
        switch (choice) {
            case 0 -> {
                out.append("(local.set ").append(local(t)).append(' ');
                expr(t, depth);
                out.append(')');
            }
            case 1 -> {
                out.append("(global.set $g_").append(t).append(' ');
                expr(t, depth);
                out.append(')');
            }
            case 2 -> store(t, depth);
            case 3 -> {
                out.append("(drop ");
                expr(t, depth);
                out.append(')');
            }
            case 4 -> {
                out.append("(if ");
                expr("i32", depth - 1);
                out.append(" (then ");
                nested(false, depth - 1);
                out.append(") (else ");
                nested(false, depth - 1);
                out.append("))");
            }
            case 5 -> countedLoop(depth);
            case 6 -> {
                String op = random.nextBoolean() ? "memory.fill" : "memory.copy";
                out.append('(').append(op).append(' ');
                address(depth - 1, wild());
                out.append(' ');
                if (op.equals("memory.fill")) {
                    expr("i32", depth - 1);
                } else {
                    address(depth - 1, wild());
                }
                out.append(" (i32.and ");
                expr("i32", depth - 1);
                out.append(" (i32.const ").append(random.nextInt(8) == 0 ? 0x1FFFF : 0xFF).append(")))");
            }
            case 7 -> out.append("(drop (memory.grow (i32.const ").append(random.nextInt(2)).append(")))");
            case 8 -> {
                out.append("(block ");
                labels.add(false);
                statement(depth - 1);
                out.append(" (br_if 0 ");
                expr("i32", depth - 1);
                out.append(") ");
                statement(depth - 1);
                labels.remove(labels.size() - 1);
                out.append(')');
            }
            case 9 -> conditionLoop(depth);
            case 10 -> pointerLoop(depth);
            case 11 -> branch(depth);
            case 12 -> exitLoop(depth);
            case 13 -> {
                out.append("(drop ");
                call(t, depth);
                out.append(')');
            }
            case 14 -> {
                if (random.nextInt(3) == 0) {
                    out.append("(return ");
                    expr(resultTypes[current], depth - 1);
                    out.append(')');
                } else {
                    statement(depth - 1);
                }
            }
            default -> {
                // The scratch locals that loop conditions make progress on, reset now and then.
                boolean i32 = random.nextBoolean();
                out.append("(local.set ").append(i32 ? 4 : 7).append(' ');
                constant(i32 ? "i32" : "f64");
                out.append(')');
            }
        }
    }

    /** A statement inside a new label (the arm of an if, the body of a block or loop). */
    private void nested(boolean loop, int depth) {
        labels.add(loop);
        statement(depth);
        labels.remove(labels.size() - 1);
    }

    /** A br, br_if or br_table to enclosing labels; a branch to a loop continues it, maybe forever. */
    private void branch(int depth) {
        if (labels.isEmpty()) {
            statement(depth - 1);
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> out.append("(br ").append(label()).append(')');
            case 1 -> {
                out.append("(br_table");
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    out.append(' ').append(label());
                }
                out.append(' ');
                selector(depth - 1);
                out.append(')');
            }
            default -> {
                out.append("(br_if ").append(label()).append(' ');
                expr("i32", depth - 1);
                out.append(')');
            }
        }
    }

    /** A label's relative depth, the innermost more often. */
    private int label() {
        return random.nextBoolean() ? 0 : random.nextInt(labels.size());
    }

    /** A br_table index: small (so that each target is taken) or any i32 (the default). */
    private void selector(int depth) {
        if (random.nextInt(4) == 0) {
            expr("i32", depth);
            return;
        }
        out.append("(i32.and ");
        expr("i32", depth);
        out.append(" (i32.const 3))");
    }

    /** A counted loop: its counter starts at 1..16 and only the loop's own br_if decrements it. */
    private void countedLoop(int depth) {
        if (loops == MAX_LOOPS) {
            statement(0);
            return;
        }
        int counter = 8 + loops++;
        out.append("(local.set ").append(counter).append(" (i32.const ").append(1 + random.nextInt(16))
                .append(")) (loop ");
        labels.add(true);
        body(depth);
        labels.remove(labels.size() - 1);
        out.append("(br_if 0 (local.tee ").append(counter).append(" (i32.sub (local.get ").append(counter)
                .append(") (i32.const 1)))))");
    }

    /** 1-3 statements of a loop body, each followed by a space. */
    private void body(int depth) {
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            statement(depth - 1);
            out.append(' ');
        }
    }

    /**
     * A loop that walks memory: the pointer (16-aligned at first) goes up by 1, 2, 4 or 8 after each pass, until it
     * is a multiple of 32, 64 or 256; the body loads and stores through it, and may run past the end of memory.
     */
    private void pointerLoop(int depth) {
        if (loops == MAX_LOOPS) {
            statement(0);
            return;
        }
        int p = 8 + loops++;
        out.append("(local.set ").append(p).append(" (i32.and ");
        expr("i32", depth - 1);
        out.append(" (i32.const 0xFFF0))) (loop ");
        int outer = pointer;
        pointer = p;
        labels.add(true);
        String t = type();
        if (random.nextBoolean()) {
            store(t, depth);
        } else {
            out.append("(local.set ").append(local(t)).append(' ');
            load(t, depth);
            out.append(')');
        }
        out.append(' ');
        body(depth);
        labels.remove(labels.size() - 1);
        pointer = outer;
        out.append("(br_if 0 (i32.and (local.tee ").append(p).append(" (i32.add (local.get ").append(p)
                .append(") (i32.const ").append(pick("1", "2", "4", "8")).append("))) (i32.const ")
                .append(pick("0x1F", "0x3F", "0xFF")).append("))))");
    }

    /** A loop that goes round while a condition holds: progress on a scratch local, or any expression. */
    private void conditionLoop(int depth) {
        out.append("(loop ");
        labels.add(true);
        body(depth);
        labels.remove(labels.size() - 1);
        out.append("(br_if 0 ");
        condition(depth);
        out.append("))");
    }

    /** A condition that often changes as a loop goes round. */
    private void condition(int depth) {
        switch (random.nextInt(5)) {
            case 0, 1 -> out.append("(i32.lt_u (local.tee 4 (i32.add (local.get 4) (i32.const ")
                    .append(1 + random.nextInt(8)).append("))) (i32.const ").append(random.nextInt(64))
                    .append("))");
            case 2 -> out.append("(f64.lt (local.tee 7 (f64.add (local.get 7) (f64.const ")
                    .append(pick("1", "1.5", "0.25", "1e300")).append("))) (f64.const ")
                    .append(pick("20", "3.5", "1e301", "inf")).append("))");
            case 3 -> out.append("(i32.ne (i32.load8_u (i32.and (local.tee 4 (i32.add (local.get 4) (i32.const 1)))"
                    + " (i32.const 0xFFFF))) (i32.const 0))");
            default -> expr("i32", depth - 1);
        }
    }

    /**
     * A block around a loop, the loop going round with {@code br 0} until a {@code br_if 1} leaves it, or with a
     * {@code br_table} that either goes round or leaves.
     */
    private void exitLoop(int depth) {
        out.append("(block (loop ");
        labels.add(false);
        labels.add(true);
        body(depth);
        if (random.nextBoolean()) {
            out.append("(br_if 1 (i32.eqz ");
            condition(depth);
            out.append(")) ");
            body(depth);
            out.append("(br 0)");
        } else {
            out.append("(br_table");
            int n = 1 + random.nextInt(4);
            for (int i = 0; i <= n; i++) {
                out.append(random.nextInt(3) == 0 ? " 1" : " 0");
            }
            out.append(" (i32.and (local.tee 4 (i32.add (local.get 4) (i32.const 1))) (i32.const ")
                    .append(pick("3", "7", "0xFF")).append(")))");
        }
        labels.remove(labels.size() - 1);
        labels.remove(labels.size() - 1);
        out.append("))");
    }

    private void store(String t, int depth) {
        String[] variants = switch (t) {
            case "i32" -> new String[] {"i32.store", "i32.store8", "i32.store16"};
            case "i64" -> new String[] {"i64.store", "i64.store8", "i64.store16", "i64.store32"};
            default -> new String[] {t + ".store"};
        };
        String op = variants[random.nextInt(variants.length)];
        // Chicory 1.7.5 adds the offset of these three to the address sign-extended and wraps, so an address near
        // 2^32 plus an offset stores at the bottom of memory instead of trapping (ChicoryDisagreementsTest): the
        // addresses that can be that large get no offset with them.
        boolean wrapsInChicory = op.equals("i32.store8") || op.equals("i64.store8") || op.equals("i64.store32");
        boolean wild = wild();
        out.append('(').append(op).append(wild && wrapsInChicory ? "" : offset()).append(' ');
        address(depth - 1, wild);
        out.append(' ');
        expr(t, depth - 1);
        out.append(')');
    }

    private String offset() {
        return switch (random.nextInt(6)) {
            case 0 -> " offset=" + random.nextInt(64);
            case 1 -> random.nextInt(4) == 0 ? " offset=65535" : " offset=" + random.nextInt(4096);
            default -> "";
        };
    }

    /** Whether the next address may be anything: now and then, so that out-of-bounds traps happen too. */
    private boolean wild() {
        return random.nextInt(8) == 0;
    }

    /** In a pointer loop mostly the pointer; else within the page (masked) unless {@code wild}. */
    private void address(int depth, boolean wild) {
        if (pointer >= 0 && random.nextInt(3) != 0) {
            out.append("(local.get ").append(pointer).append(')');
            return;
        }
        if (wild) {
            expr("i32", depth);
            return;
        }
        out.append("(i32.and ");
        expr("i32", depth);
        out.append(" (i32.const 0xFFF0))");
    }

    private void expr(String t, int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            leaf(t);
            return;
        }
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> binary(t, depth);
            case 3, 4 -> unary(t, depth);
            case 5 -> load(t, depth);
            case 6 -> {
                out.append("(if (result ").append(t).append(") ");
                expr("i32", depth - 1);
                out.append(" (then ");
                expr(t, depth - 1);
                out.append(") (else ");
                expr(t, depth - 1);
                out.append("))");
            }
            case 7 -> {
                out.append("(select ");
                expr(t, depth - 1);
                out.append(' ');
                expr(t, depth - 1);
                out.append(' ');
                expr("i32", depth - 1);
                out.append(')');
            }
            case 8 -> call(t, depth);
            case 9 -> paramLoop(t, depth);
            case 10 -> {
                // br_table with a value: out of the inner block (dropped) or of the outer one.
                out.append("(block (result ").append(t).append(") (drop (block (result ").append(t)
                        .append(") (br_table");
                int n = 1 + random.nextInt(3);
                for (int i = 0; i <= n; i++) {
                    out.append(random.nextBoolean() ? " 0" : " 1");
                }
                out.append(' ');
                expr(t, depth - 1);
                out.append(' ');
                selector(depth - 1);
                out.append("))) ");
                expr(t, depth - 1);
                out.append(')');
            }
            default -> {
                out.append("(block (result ").append(t).append(") (drop (br_if 0 ");
                expr(t, depth - 1);
                out.append(' ');
                expr("i32", depth - 1);
                out.append(")) ");
                expr(t, depth - 1);
                out.append(')');
            }
        }
    }

    /**
     * A counted loop with a parameter and a result: the value goes round on the stack, changed by an operator on
     * each pass, and a {@code br_if} to the loop carries it back to the top.
     */
    private void paramLoop(String t, int depth) {
        if (loops == MAX_LOOPS) {
            leaf(t);
            return;
        }
        int counter = 8 + loops++;
        out.append("(block (result ").append(t).append(") (local.set ").append(counter).append(" (i32.const ")
                .append(1 + random.nextInt(8)).append(")) ");
        expr(t, depth - 1);
        out.append(" (loop (param ").append(t).append(") (result ").append(t).append(") ");
        if (t.startsWith("i")) {
            out.append('(').append(t).append('.').append(pick("add", "sub", "xor", "rotl", "shr_u")).append(' ');
            expr(t, depth - 1);
            out.append(')');
        } else if (random.nextBoolean()) {
            out.append('(').append(t).append('.').append(pick("add", "mul", "sub")).append(' ');
            expr(t, depth - 1);
            out.append(") (call $canon_").append(t).append(')');
        } else {
            out.append('(').append(t).append(".copysign ");
            expr(t, depth - 1);
            out.append(") (").append(t).append(".neg)");
        }
        out.append(" (br_if 0 (local.tee ").append(counter).append(" (i32.sub (local.get ").append(counter)
                .append(") (i32.const 1))))))");
    }

    /** A call of an earlier function, or a guarded one of any function. */
    private void call(String t, int depth) {
        if (random.nextInt(3) == 0) {
            guardedCall(t, depth);
            return;
        }
        for (int j = current - 1; j >= 0; j--) {
            if (resultTypes[j].equals(t) && random.nextBoolean()) {
                out.append("(call $f").append(j);
                arguments(depth);
                out.append(')');
                return;
            }
        }
        leaf(t);
    }

    private void arguments(int depth) {
        for (String p : TYPES) {
            out.append(' ');
            expr(p, depth - 2);
        }
    }

    /**
     * A call of any function (recursion included) or through the table, made only while fewer than
     * {@link #MAX_GUARDED_DEPTH} guarded calls are active; otherwise a leaf value. A trap in the callee leaves the
     * depth counted, which is the same in every engine.
     */
    private void guardedCall(String t, int depth) {
        List<Integer> candidates = new ArrayList<>();
        for (int j = 0; j < resultTypes.length; j++) {
            if (resultTypes[j].equals(t)) {
                candidates.add(j);
            }
        }
        out.append("(if (result ").append(t).append(") (i32.lt_u (global.get $depth) (i32.const ")
                .append(MAX_GUARDED_DEPTH).append("))")
                .append(" (then (global.set $depth (i32.add (global.get $depth) (i32.const 1))) ");
        if (candidates.isEmpty() || random.nextInt(3) == 0) {
            out.append("(call_indirect (type $sig_").append(t).append(')');
            arguments(depth);
            out.append(' ');
            if (!candidates.isEmpty() && random.nextBoolean()) {
                out.append("(i32.const ").append(candidates.get(random.nextInt(candidates.size()))).append(')');
            } else {
                out.append("(i32.and ");
                expr("i32", depth - 2);
                out.append(" (i32.const 7))");
            }
            out.append(')');
        } else {
            out.append("(call $f").append(candidates.get(random.nextInt(candidates.size())));
            arguments(depth);
            out.append(')');
        }
        out.append(" (global.set $depth (i32.sub (global.get $depth) (i32.const 1)))) (else ");
        leaf(t);
        out.append("))");
    }

    private void leaf(String t) {
        switch (random.nextInt(4)) {
            case 0 -> out.append("(local.get ").append(local(t)).append(')');
            case 1 -> out.append("(global.get $g_").append(t).append(')');
            default -> constant(t);
        }
    }

    private void constant(String t) {
        String v = switch (t) {
            case "i32" -> pick("0", "1", "-1", "0x7fffffff", "0x80000000", "31", "32", "255",
                    Integer.toString(random.nextInt()));
            case "i64" -> pick("0", "1", "-1", "0x7fffffffffffffff", "0x8000000000000000", "63", "64",
                    Long.toString(random.nextLong()));
            default -> pick("0", "-0", "1.5", "-2.5", "nan", "-nan", "nan:0x1", "inf", "-inf", "0x1p-149",
                    "2147483648", "-9223372036854775808", "4294967295.5", "1e10",
                    Float.toString(random.nextFloat() * 1000 - 500).replace("E", "e"));
        };
        out.append('(').append(t).append(".const ").append(v).append(')');
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private void binary(String t, int depth) {
        String op;
        if (random.nextInt(4) == 0 && t.equals("i32")) {
            // A comparison: any operand type, an i32 result.
            String operand = type();
            op = operand + "." + (operand.startsWith("i")
                    ? pick("eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u")
                    : pick("eq", "ne", "lt", "gt", "le", "ge"));
            t = operand;
        } else if (t.startsWith("i")) {
            op = t + "." + pick("add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor",
                    "shl", "shr_s", "shr_u", "rotl", "rotr");
        } else {
            op = t + "." + pick("add", "sub", "mul", "div", "min", "max", "copysign");
        }
        boolean canon = mayMakeNaN(op);
        // Chicory 1.7.5 keeps an i32 product's upper 32 bits on its stack, where if, br_if, select or a local may
        // see them (ChicoryDisagreementsTest): an xor with 0 cuts them off.
        boolean truncate = op.equals("i32.mul");
        out.append(canon ? "(call $canon_" + t + " (" : truncate ? "(i32.xor (" : "(").append(op).append(' ');
        expr(t, depth - 1);
        out.append(' ');
        expr(t, depth - 1);
        out.append(canon ? "))" : truncate ? ") (i32.const 0))" : ")");
    }

    private void unary(String t, int depth) {
        String[][] ops = switch (t) {
            case "i32" -> new String[][] {{"i32.eqz", "i32"}, {"i32.clz", "i32"}, {"i32.ctz", "i32"},
                    {"i32.popcnt", "i32"}, {"i32.extend8_s", "i32"}, {"i32.extend16_s", "i32"},
                    {"i32.wrap_i64", "i64"}, {"i32.trunc_f32_s", "f32"}, {"i32.trunc_f32_u", "f32"},
                    {"i32.trunc_f64_s", "f64"}, {"i32.trunc_f64_u", "f64"}, {"i32.trunc_sat_f32_s", "f32"},
                    {"i32.trunc_sat_f64_u", "f64"}, {"i32.reinterpret_f32", "f32"}, {"i64.eqz", "i64"}};
            case "i64" -> new String[][] {{"i64.clz", "i64"}, {"i64.ctz", "i64"}, {"i64.popcnt", "i64"},
                    {"i64.extend8_s", "i64"}, {"i64.extend32_s", "i64"}, {"i64.extend_i32_s", "i32"},
                    {"i64.extend_i32_u", "i32"}, {"i64.trunc_f32_s", "f32"}, {"i64.trunc_f64_u", "f64"},
                    {"i64.trunc_sat_f64_s", "f64"}, {"i64.trunc_sat_f32_u", "f32"},
                    {"i64.reinterpret_f64", "f64"}};
            case "f32" -> new String[][] {{"f32.abs", "f32"}, {"f32.neg", "f32"}, {"f32.sqrt", "f32"},
                    {"f32.ceil", "f32"}, {"f32.floor", "f32"}, {"f32.trunc", "f32"}, {"f32.nearest", "f32"},
                    {"f32.convert_i32_s", "i32"}, {"f32.convert_i32_u", "i32"}, {"f32.convert_i64_u", "i64"},
                    {"f32.demote_f64", "f64"}, {"f32.reinterpret_i32", "i32"}};
            default -> new String[][] {{"f64.abs", "f64"}, {"f64.neg", "f64"}, {"f64.sqrt", "f64"},
                    {"f64.ceil", "f64"}, {"f64.floor", "f64"}, {"f64.trunc", "f64"}, {"f64.nearest", "f64"},
                    {"f64.convert_i32_u", "i32"}, {"f64.convert_i64_s", "i64"}, {"f64.convert_i64_u", "i64"},
                    {"f64.promote_f32", "f32"}, {"f64.reinterpret_i64", "i64"}};
        };
        String[] op = ops[random.nextInt(ops.length)];
        boolean canon = mayMakeNaN(op[0]);
        out.append(canon ? "(call $canon_" + t + " (" : "(").append(op[0]).append(' ');
        if (op[0].equals("f32.abs")) {
            // Chicory 1.7.5's f32.abs keeps the sign of a NaN (ChicoryDisagreementsTest): give it positive ones.
            out.append("(call $canon_f32 ");
            expr(op[1], depth - 1);
            out.append(')');
        } else if (op[0].equals("f32.convert_i64_u")) {
            // Chicory 1.7.5 rounds operands of 2^63 and above twice (ChicoryDisagreementsTest): stay below.
            out.append("(i64.and ");
            expr(op[1], depth - 1);
            out.append(" (i64.const 0x7fffffffffffffff))");
        } else {
            expr(op[1], depth - 1);
        }
        out.append(canon ? "))" : ")");
    }

    /** Float results whose NaN bits the spec leaves open: arithmetic, not the bit operations abs/neg/copysign. */
    private static boolean mayMakeNaN(String op) {
        return (op.startsWith("f32.") || op.startsWith("f64.")) && !op.endsWith(".abs") && !op.endsWith(".neg")
                && !op.endsWith(".copysign") && !op.contains("reinterpret") && !op.contains("convert")
                && !op.endsWith(".eq") && !op.endsWith(".ne") && !op.endsWith(".lt") && !op.endsWith(".gt")
                && !op.endsWith(".le") && !op.endsWith(".ge");
    }

    private void load(String t, int depth) {
        String[] variants = switch (t) {
            case "i32" -> new String[] {"i32.load", "i32.load8_s", "i32.load8_u", "i32.load16_s", "i32.load16_u",
                    "memory.size"};
            case "i64" -> new String[] {"i64.load", "i64.load8_s", "i64.load16_u", "i64.load32_s",
                    "i64.load32_u"};
            default -> new String[] {t + ".load"};
        };
        String op = variants[random.nextInt(variants.length)];
        if (op.equals("memory.size")) {
            out.append("(memory.size)");
            return;
        }
        out.append('(').append(op).append(offset()).append(' ');
        address(depth - 1, wild());
        out.append(')');
    }
}
