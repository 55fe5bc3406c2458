package dev.jwdb.debugger;

import java.util.List;

/**
 * A breakpoint's condition. In a module whose DWARF has variables it is C over the variables in scope where the
 * breakpoint stops ({@code value > 3}, {@code s->count == 2}); otherwise, or when it uses the Wasm forms
 * ({@code $n}, {@code local 0}, {@code i32[ADDR]}), it is the Wasm-level {@link Expression}. Which one is decided
 * by the module it is evaluated in, so a condition set before a module is loaded waits for it.
 */
final class Condition {
    private final String text;
    private Expression wasm;
    private CExpression c;

    private Condition(String text) {
        this.text = text;
    }

    /**
     * Reads {@code text} in the language it will be evaluated in over {@code image} (null: no module yet, and
     * either language may turn out to apply, so it must read as one of them), refusing bad syntax now. In C, every
     * variable it names must be known at one of {@code locations} at least.
     */
    static Condition of(String text, ModuleImage image, List<Location> locations) throws DebugException {
        Condition condition = new Condition(text);
        if (image != null) {
            if (condition.isC(image)) {
                condition.c(image);
                condition.checkNames(image, locations);
            } else {
                condition.wasm();
            }
        } else if (CExpression.usesWasmForms(text)) {
            condition.wasm();
        } else {
            try {
                condition.c(null);
            } catch (DebugException notC) {
                try {
                    condition.wasm();
                } catch (DebugException notWasm) {
                    throw notC;
                }
            }
        }
        return condition;
    }

    /** Whether the condition holds in {@code frame} (a stop at the breakpoint), in the module {@code image}. */
    boolean holds(ModuleImage image, FrameView frame, InstanceState state) throws DebugException {
        if (isC(image)) {
            CScope scope = image.sourceScope(frame, state);
            return COperators.truth(c(image).evaluate(scope), text, scope);
        }
        return Expression.truthy(wasm().evaluate(state.scope(frame)));
    }

    private boolean isC(ModuleImage image) {
        return image.hasSourceVariables() && !CExpression.usesWasmForms(text);
    }

    private CExpression c(ModuleImage image) throws DebugException {
        if (c == null) {
            c = CExpression.parse(text, image == null ? name -> false : image::isTypedef);
        }
        return c;
    }

    private Expression wasm() throws DebugException {
        if (wasm == null) {
            wasm = Expression.parse(text);
        }
        return wasm;
    }

    /** A name no location knows is a typo more likely than a variable of some other place: said now, as gdb does. */
    private void checkNames(ModuleImage image, List<Location> locations) throws DebugException {
        for (String name : c.names()) {
            boolean known = locations.isEmpty();
            for (Location l : locations) {
                known |= image.knowsVariable(l.offset(), name);
            }
            if (!known) {
                Location l = locations.get(0);
                throw new DebugException("no variable \"" + name + "\" in scope " + (l.hasLine() ? "at " + l.source()
                        + ":" + l.line() : "in " + l.function()));
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
