package dev.jwdb.debugger.dwarf;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Evaluates the DWARF expressions (DWARF 5 section 2.5) that compilers for WebAssembly write for variables and
 * frame bases: constants, arithmetic, {@code DW_OP_fbreg}, {@code DW_OP_deref}, {@code DW_OP_stack_value},
 * {@code DW_OP_form_tls_address} (a thread-local variable, such as {@code errno}), and
 * {@code DW_OP_WASM_location} (0xED), which names a Wasm local, global or operand stack slot (the WebAssembly
 * DWARF convention). Pieces and other operations are refused, so a variable is shown as unavailable rather than
 * wrong.
 */
public final class DwarfExpression {
    private static final int MAX_STEPS = 10_000;

    /** Where the expression's machine reads Wasm state: raw slot bits, and little-endian memory. */
    public interface Machine {
        long local(int index) throws DwarfException;

        long global(int index) throws DwarfException;

        long operand(int index) throws DwarfException;

        /** The frame base ({@code DW_AT_frame_base} evaluated), for {@code DW_OP_fbreg}. */
        long frameBase() throws DwarfException;

        long memory(long address, int size) throws DwarfException;

        /**
         * Where the thread-local block starts, for {@code DW_OP_form_tls_address}: a variable's offset in it is
         * added to this.
         */
        default long threadLocalBase() throws DwarfException {
            throw new DwarfException("thread-local variables cannot be located here");
        }
    }

    /** Where a variable is, or its value. */
    public sealed interface Place {
        /** In linear memory at {@code address}. */
        record Memory(long address) implements Place {
        }

        /** The value itself ({@code DW_OP_stack_value}, or a constant). */
        record Value(long bits) implements Place {
        }

        /** In Wasm local {@code index}. */
        record Local(int index) implements Place {
        }

        /** In Wasm global {@code index}. */
        record Global(int index) implements Place {
        }

        /** In slot {@code index} of the operand stack. */
        record Operand(int index) implements Place {
        }
    }

    private DwarfExpression() {
    }

    /** Evaluates {@code expression}; addresses are {@code addressSize} bytes (4 for wasm32). */
    public static Place evaluate(byte[] expression, int addressSize, Machine machine) throws DwarfException {
        DwarfCursor in = new DwarfCursor(expression, "a DWARF expression", 0);
        Deque<Long> stack = new ArrayDeque<>();
        Place named = null;
        for (int steps = 0; !in.atEnd(); steps++) {
            if (steps > MAX_STEPS) {
                throw in.error("more than " + MAX_STEPS + " operations");
            }
            int op = in.u8();
            if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
                stack.push((long) op - 0x30);
                continue;
            }
            switch (op) {
                case 0x03 -> stack.push(in.unsigned(addressSize));           // addr
                case 0x06 -> stack.push(machine.memory(pop(stack, in), addressSize)); // deref
                case 0x08 -> stack.push((long) in.u8());                    // const1u
                case 0x09 -> stack.push((long) in.s8());                    // const1s
                case 0x0a -> stack.push((long) in.u16());                   // const2u
                case 0x0b -> stack.push((long) (short) in.u16());           // const2s
                case 0x0c -> stack.push(in.u32());                          // const4u
                case 0x0d -> stack.push((long) (int) in.u32());             // const4s
                case 0x0e, 0x0f -> stack.push(in.u64());                    // const8u, const8s
                case 0x10 -> stack.push(in.uleb());                         // constu
                case 0x11 -> stack.push(in.sleb());                         // consts
                case 0x12 -> stack.push(peek(stack, in));                   // dup
                case 0x13 -> pop(stack, in);                                // drop
                case 0x1c -> {                                              // minus
                    long b = pop(stack, in);
                    stack.push(pop(stack, in) - b);
                }
                case 0x22 -> stack.push(pop(stack, in) + pop(stack, in));   // plus
                case 0x23 -> stack.push(pop(stack, in) + in.uleb());        // plus_uconst
                case 0x91 -> stack.push(machine.frameBase() + in.sleb());   // fbreg
                case 0x9b, 0xe0 -> stack.push(machine.threadLocalBase() + pop(stack, in)); // form_tls_address,
                                                                            // GNU_push_tls_address
                case 0x96 -> {                                              // nop
                }
                case 0x9f -> {                                              // stack_value
                    if (!in.atEnd()) {
                        throw in.error("DW_OP_stack_value before the end");
                    }
                    return new Place.Value(pop(stack, in));
                }
                case 0xed -> {                                              // WASM_location
                    int kind = in.u8();
                    int index = kind == 3 ? (int) in.u32() : in.ulebInt("Wasm index");
                    Place place = switch (kind) {
                        case 0 -> new Place.Local(index);
                        case 1, 3 -> new Place.Global(index);
                        case 2 -> new Place.Operand(index);
                        default -> throw in.error("unknown DW_OP_WASM_location kind " + kind);
                    };
                    if (in.atEnd()) {
                        return place;
                    }
                    // followed by more operations: the slot's value is what they work on
                    named = place;
                    stack.push(switch (kind) {
                        case 0 -> machine.local(index);
                        case 2 -> machine.operand(index);
                        default -> machine.global(index);
                    });
                }
                default -> throw in.error("unsupported operation 0x" + Integer.toHexString(op));
            }
        }
        if (stack.isEmpty()) {
            throw new DwarfException(named == null ? "an empty DWARF expression" : "a DWARF expression that leaves"
                    + " nothing");
        }
        return new Place.Memory(stack.peek());
    }

    private static long pop(Deque<Long> stack, DwarfCursor in) throws DwarfException {
        if (stack.isEmpty()) {
            throw in.error("the expression stack is empty");
        }
        return stack.pop();
    }

    private static long peek(Deque<Long> stack, DwarfCursor in) throws DwarfException {
        if (stack.isEmpty()) {
            throw in.error("the expression stack is empty");
        }
        return stack.peek();
    }
}
