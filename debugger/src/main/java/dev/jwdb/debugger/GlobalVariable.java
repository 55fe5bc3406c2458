package dev.jwdb.debugger;

import dev.jwdb.engine.runtime.Value;

/**
 * A global of the instance.
 *
 * @param name the {@code $name} without the dollar sign (or its export name), or null
 */
public record GlobalVariable(int index, String name, boolean mutable, Value value) {
    /** How the shell names it: {@code global N $name}, or {@code global N}. */
    public String label() {
        return "global " + index + (name != null ? " $" + name : "");
    }
}
