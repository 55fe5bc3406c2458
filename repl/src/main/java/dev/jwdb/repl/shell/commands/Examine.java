package dev.jwdb.repl.shell.commands;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.MemoryCell;
import dev.jwdb.debugger.MemoryFormat;
import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.text.V128Format;
import dev.jwdb.repl.shell.Args;
import dev.jwdb.repl.shell.Completion;
import dev.jwdb.repl.shell.ShellCommand;
import dev.jwdb.repl.shell.ShellContext;
import dev.jwdb.repl.shell.ShellError;
import java.util.List;

/**
 * {@code x/NFU ADDR}: linear memory in gdb's formats. N values of format F ({@code x} hex, {@code d} signed,
 * {@code u} unsigned, {@code f} float, {@code c} character, {@code s} string) and unit U ({@code b} 1, {@code h} 2,
 * {@code w} 4, {@code g} 8 bytes). As in gdb, F and U default to the last ones used, {@code xw} at first.
 */
final class Examine extends BasicCommand {
    private static final int MAX_STRING = 4096;
    private static final int MAX_COUNT = 4096;

    private char format = 'x';
    private char unit = 'w';

    Examine() {
        super(List.of("x"), "x/NFU ADDR | x/NvFU ADDR", "examine memory: N units of format F at ADDR",
                "F: x hex, d signed, u unsigned, f float, c character, s string (NUL-terminated)\n"
                        + "U: b byte, h 2 bytes, w 4 bytes, g 8 bytes.  N: how many (1 by default).\n"
                        + "v reads N v128 values (16 bytes each) as lanes: the unit is the lane width\n"
                        + "(x/vb i8x16, x/vh i16x8, x/vw i32x4, x/vg i64x2, x/vfw f32x4, x/vfg f64x2), x/u/d\n"
                        + "the integer format; with no unit, the shape of set v128 (i32x4 at first).\n"
                        + "ADDR: a number or an expression ($ptr, $ptr + 8, global 0); in a binary with DWARF,\n"
                        + "a C expression as print reads it, whose pointer, integer or array gives the address\n"
                        + "(x/4dw s, x/s argv[1]).\n"
                        + "Examples:  x/4xw 0x1000    x/s $name    x/8ub 1024    x/2fg $p    x/2vfw $p");
    }

    static List<ShellCommand> commands() {
        return List.of(new Examine());
    }

    @Override
    public void execute(ShellContext context, Args args) throws ShellError, DebugException {
        if (args.rest().isEmpty()) {
            throw new ShellError("usage: x/NFU ADDR (e.g. x/4xw 0x1000)");
        }
        Guard.module(context);
        int count = 1;
        char f = format;
        char u = unit;
        String suffix = args.suffix();
        int i = 0;
        while (i < suffix.length() && Character.isDigit(suffix.charAt(i))) {
            i++;
        }
        if (i > 0) {
            count = Numbers.parseInt(suffix.substring(0, i), "x count");
        }
        boolean vector = false;
        char typedFormat = 0;
        char typedUnit = 0;
        for (char c : suffix.substring(i).toCharArray()) {
            if (c == 'v') {
                vector = true;
            } else if ("xdufcs".indexOf(c) >= 0) {
                f = c;
                typedFormat = c;
            } else if ("bhwg".indexOf(c) >= 0) {
                u = c;
                typedUnit = c;
            } else {
                throw new ShellError("x: unknown format letter '" + c + "' in /" + suffix
                        + " (formats x d u f c s v, units b h w g)");
            }
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new ShellError("x: count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (vector) {
            // the lanes are picked for this command only: the next plain x/N goes on in the last scalar format
            vectors(context, address(context, args.rest()), count, shape(context, typedFormat, typedUnit),
                    typedFormat == 'x' ? V128Format.Radix.HEX
                            : typedFormat == 'u' ? V128Format.Radix.UNSIGNED : V128Format.Radix.SIGNED);
            return;
        }
        if (f == 'f' && (u == 'b' || u == 'h')) {
            throw new ShellError("x: floats are 4 (w) or 8 (g) bytes, not " + (u == 'b' ? "1" : "2"));
        }
        long address = address(context, args.rest());
        format = f;
        unit = f == 'c' || f == 's' ? unit : u;
        if (f == 's') {
            strings(context, address, count);
        } else {
            values(context, address, count, f, f == 'c' ? 'b' : u);
        }
    }

    /** A number as typed, or the value of an expression over the selected frame. */
    static long address(ShellContext context, String text) throws ShellError, DebugException {
        if (Numbers.isNumber(text)) {
            long a = Numbers.parse(text, "address");
            if (a < 0) {
                throw new ShellError("address: " + text + " is negative");
            }
            return a;
        }
        if (context.session().isSourceExpression(text)) {
            try {
                return context.session().sourceAddress(text);
            } catch (DebugException e) {
                throw new ShellError("x: " + e.getMessage());
            }
        }
        Value v = context.session().evaluate(text);
        if (v.type() == ValType.I32) {
            return Integer.toUnsignedLong(v.asI32());
        }
        if (v.type() == ValType.I64) {
            return v.asI64();
        }
        throw new ShellError("address: " + text + " is a " + v.type().text() + ", not an integer");
    }

    /** The lane shape of {@code x/v}: from the unit and format typed with it, else the shell's v128 shape. */
    private static LaneShape shape(ShellContext context, char format, char unit) throws ShellError {
        if (format == 'c' || format == 's') {
            throw new ShellError("x: v reads lanes of numbers; it does not combine with " + format);
        }
        if (unit == 0) {
            LaneShape shape = context.v128Shape();
            if (format == 'f' && !shape.isFloat()) {
                return LaneShape.F32X4;
            }
            return format != 'f' && format != 0 && shape.isFloat()
                    ? (shape == LaneShape.F32X4 ? LaneShape.I32X4 : LaneShape.I64X2) : shape;
        }
        if (format == 'f') {
            if (unit == 'b' || unit == 'h') {
                throw new ShellError("x: float lanes are 4 (w) or 8 (g) bytes, not " + (unit == 'b' ? "1" : "2"));
            }
            return unit == 'w' ? LaneShape.F32X4 : LaneShape.F64X2;
        }
        return switch (unit) {
            case 'b' -> LaneShape.I8X16;
            case 'h' -> LaneShape.I16X8;
            case 'g' -> LaneShape.I64X2;
            default -> LaneShape.I32X4;
        };
    }

    /** {@code 0x00000010:  i32x4 [1 2 3 4]}, one v128 a line. */
    private static void vectors(ShellContext context, long address, int count, LaneShape shape,
                                V128Format.Radix radix) throws DebugException {
        byte[] bytes = context.session().readBytes(address, 16 * count);
        for (int v = 0; v < count; v++) {
            long low = 0;
            long high = 0;
            for (int b = 7; b >= 0; b--) {
                low = low << 8 | (bytes[16 * v + b] & 0xFF);
                high = high << 8 | (bytes[16 * v + 8 + b] & 0xFF);
            }
            context.out().println(String.format("0x%08x:  %s", address + 16L * v,
                    context.paint().value(V128Format.format(low, high, shape, radix))));
        }
    }

    private static void strings(ShellContext context, long address, int count) throws DebugException {
        long at = address;
        for (int i = 0; i < count; i++) {
            String s = context.session().readString(at, MAX_STRING);
            context.out().println(String.format("0x%08x:  %s", at, quote(s)));
            at += s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        }
    }

    private static void values(ShellContext context, long address, int count, char f, char u)
            throws DebugException {
        int width = switch (u) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'g' -> 8;
            default -> 4;
        };
        MemoryFormat type = type(f, width);
        List<MemoryCell> cells = context.session().readMemory(address, type, count);
        int perRow = Math.max(1, (f == 'f' ? 16 : 16) / width);
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            MemoryCell cell = cells.get(i);
            if (i % perRow == 0) {
                if (row.length() > 0) {
                    context.out().println(row);
                    row.setLength(0);
                }
                row.append(String.format("0x%08x:", cell.address()));
            }
            row.append("  ").append(text(cell, f, width));
        }
        if (row.length() > 0) {
            context.out().println(row);
        }
    }

    private static MemoryFormat type(char f, int width) {
        boolean signed = f == 'd';
        return switch (width) {
            case 1 -> signed ? MemoryFormat.I8 : MemoryFormat.U8;
            case 2 -> signed ? MemoryFormat.I16 : MemoryFormat.U16;
            case 8 -> f == 'f' ? MemoryFormat.F64 : signed ? MemoryFormat.I64 : MemoryFormat.U64;
            default -> f == 'f' ? MemoryFormat.F32 : signed ? MemoryFormat.I32 : MemoryFormat.U32;
        };
    }

    private static String text(MemoryCell cell, char f, int width) {
        if (f == 'x') {
            long masked = width == 8 ? cell.bits() : cell.bits() & ((1L << (8 * width)) - 1);
            return "0x" + String.format("%0" + (2 * width) + "x", masked);
        }
        if (f == 'c') {
            int b = (int) (cell.bits() & 0xFF);
            return String.format("%3d %s", b, b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "   ");
        }
        return cell.text();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public List<Completion> complete(ShellContext context, List<String> before, String partial) {
        return Completion.words(Candidates.locals(context));
    }
}
