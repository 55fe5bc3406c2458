package dev.jwdb.robustness;

import java.util.Random;

/**
 * Writes random valid modules that surely terminate: straight-line and branching i32/i64/f32/f64 code with loads,
 * stores, bulk memory and counted loops, calls only to earlier functions. Every function takes (i32 i64 f32 f64)
 * and returns one value; locals 4-7 are scratch of the same types, locals 8 and up are loop counters that nothing
 * else writes, which is what bounds every loop.
 *
 * <p>The spec leaves the sign and payload of a NaN produced by arithmetic open (§4.3.3), so two correct engines may
 * differ there and reinterpret, copysign or a store would make that visible. As wasm-smith does for differential
 * runs, every float operation that may produce a NaN is wrapped in a call that replaces any NaN by the canonical
 * one; NaN constants, loads and bit operations stay as they are, since their bits are fully specified.
 */
final class ValidModuleGenerator {
    private static final String[] TYPES = {"i32", "i64", "f32", "f64"};
    private static final int MAX_LOOPS = 4;

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private String[] resultTypes;
    private int current;
    private int loops;

    ValidModuleGenerator(Random random) {
        this.random = random;
    }

    /** The module's text; its functions are exported as f0, f1, ... and its memory as "mem". */
    String module(int functions) {
        resultTypes = new String[functions];
        out.append("(module\n  (memory (export \"mem\") 1 1)\n");
        for (String t : TYPES) {
            out.append("  (global $g_").append(t).append(" (mut ").append(t).append(") (").append(t)
                    .append(".const 0))\n");
        }
        out.append("  (data (i32.const 0) \"\\01\\02\\03\\04\\80\\ff\\7f\\00hello\")\n");
        for (String t : new String[] {"f32", "f64"}) {
            out.append("  (func $canon_").append(t).append(" (param ").append(t).append(") (result ").append(t)
                    .append(") (select (").append(t).append(".const nan) (local.get 0) (").append(t)
                    .append(".ne (local.get 0) (local.get 0))))\n");
        }
        for (current = 0; current < functions; current++) {
            resultTypes[current] = TYPES[random.nextInt(4)];
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
        int choice = random.nextInt(depth <= 0 ? 4 : 9);
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
                statement(depth - 1);
                out.append(") (else ");
                statement(depth - 1);
                out.append("))");
            }
            case 5 -> loop(depth);
            case 6 -> {
                String op = random.nextBoolean() ? "memory.fill" : "memory.copy";
                out.append('(').append(op).append(' ');
                address(depth - 1);
                out.append(' ');
                if (op.equals("memory.fill")) {
                    expr("i32", depth - 1);
                } else {
                    address(depth - 1);
                }
                out.append(" (i32.and ");
                expr("i32", depth - 1);
                out.append(" (i32.const ").append(random.nextInt(8) == 0 ? 0x1FFFF : 0xFF).append(")))");
            }
            case 7 -> out.append("(drop (memory.grow (i32.const ").append(random.nextInt(2)).append(")))");
            default -> {
                out.append("(block ");
                statement(depth - 1);
                out.append(" (br_if 0 ");
                expr("i32", depth - 1);
                out.append(") ");
                statement(depth - 1);
                out.append(')');
            }
        }
    }

    /** A counted loop: its counter starts at 1..16 and only the loop's own br_if decrements it. */
    private void loop(int depth) {
        if (loops == MAX_LOOPS) {
            statement(0);
            return;
        }
        int counter = 8 + loops++;
        out.append("(local.set ").append(counter).append(" (i32.const ").append(1 + random.nextInt(16))
                .append(")) (loop ");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            statement(depth - 1);
            out.append(' ');
        }
        out.append("(br_if 0 (local.tee ").append(counter).append(" (i32.sub (local.get ").append(counter)
                .append(") (i32.const 1)))))");
    }

    private void store(String t, int depth) {
        String[] variants = switch (t) {
            case "i32" -> new String[] {"i32.store", "i32.store8", "i32.store16"};
            case "i64" -> new String[] {"i64.store", "i64.store8", "i64.store16", "i64.store32"};
            default -> new String[] {t + ".store"};
        };
        out.append('(').append(variants[random.nextInt(variants.length)]).append(offset()).append(' ');
        address(depth - 1);
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

    /** Mostly within the page (masked), sometimes anything, so that out-of-bounds traps happen too. */
    private void address(int depth) {
        if (random.nextInt(8) == 0) {
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
        switch (random.nextInt(10)) {
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

    private void call(String t, int depth) {
        for (int j = current - 1; j >= 0; j--) {
            if (resultTypes[j].equals(t) && random.nextBoolean()) {
                out.append("(call $f").append(j);
                for (String p : TYPES) {
                    out.append(' ');
                    expr(p, depth - 2);
                }
                out.append(')');
                return;
            }
        }
        leaf(t);
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
        out.append(canon ? "(call $canon_" + t + " (" : "(").append(op).append(' ');
        expr(t, depth - 1);
        out.append(' ');
        expr(t, depth - 1);
        out.append(canon ? "))" : ")");
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
        expr(op[1], depth - 1);
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
        address(depth - 1);
        out.append(')');
    }
}
