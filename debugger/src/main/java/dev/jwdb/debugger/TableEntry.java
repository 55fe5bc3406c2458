package dev.jwdb.debugger;

/**
 * One element of a table.
 *
 * @param function the display name of the function the element refers to, or null for a null reference;
 *                 for a function of another module, {@code <host>} or its address
 */
public record TableEntry(int index, String function) {
}
