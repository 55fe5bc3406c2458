package dev.jwdb.debugger;

/**
 * The value of a C expression, shown as its type shows it.
 *
 * @param type the expression's type as C writes it ({@code long}, {@code struct stats *})
 * @param text the value, as gdb shows it ({@code 3}, {@code {count = 1, min = 3, max = 3, sum = 3}},
 *             {@code 0x11610 "1"})
 */
public record SourceValue(String type, String text) {
    /** How numbers are written: as the type shows them, or all of them in hex, signed or unsigned decimal. */
    public enum Radix {
        NATURAL, HEX, SIGNED, UNSIGNED
    }
}
