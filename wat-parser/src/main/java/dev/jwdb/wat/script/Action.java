package dev.jwdb.wat.script;

import dev.jwdb.engine.runtime.Value;
import java.util.List;

/** An action: invoke an export with constant arguments, or read an exported global. {@code moduleId} may be null (the latest module). */
public sealed interface Action {
    String moduleId();

    record Invoke(String moduleId, String name, List<Value> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String moduleId, String name) implements Action {
    }
}
