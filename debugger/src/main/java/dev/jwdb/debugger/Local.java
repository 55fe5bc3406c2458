package dev.jwdb.debugger;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;

/**
 * A local variable of a frame (parameters first).
 *
 * @param name the {@code $name} without the dollar sign, or null when the module does not name it
 */
public record Local(int index, String name, ValType type, Value value) {
    /** How the shell names it: {@code $name}, or {@code local N}. */
    public String label() {
        return name != null ? "$" + name : "local " + index;
    }
}
