package dev.jwdb.engine.model;

import java.util.List;

/** A global defined in the module, with its constant initializer expression (including the final {@code end}). */
public record Global(GlobalType type, List<Instruction> init) {
    public Global {
        init = List.copyOf(init);
    }
}
