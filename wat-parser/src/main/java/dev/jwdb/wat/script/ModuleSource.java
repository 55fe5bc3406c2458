package dev.jwdb.wat.script;

import dev.jwdb.engine.model.Module;
import java.util.function.Supplier;

/**
 * A module as written in a script. Text modules are built lazily, so that a module the text format rejects fails
 * the command that holds it and not the whole script.
 */
public sealed interface ModuleSource {
    /** {@code (module ...)} in text; {@code build} throws {@link dev.jwdb.wat.WatSyntaxException} when malformed. */
    record Text(Supplier<Module> build) implements ModuleSource {
    }

    /** {@code (module binary "...")}: the concatenated string bytes. */
    record Binary(byte[] bytes) implements ModuleSource {
    }

    /** {@code (module quote "...")}: the concatenated strings, to be parsed as a module's text. */
    record Quote(String text) implements ModuleSource {
    }
}
