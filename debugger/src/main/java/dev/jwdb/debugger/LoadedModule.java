package dev.jwdb.debugger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module read, decoded and validated, that no session has taken yet. Reading one touches no session, so it may
 * happen on another thread while the caller does something else (the shell opens its terminal meanwhile); a session
 * then takes it with {@link DebugSession#load(LoadedModule)}.
 */
public final class LoadedModule {
    final ModuleImage image;

    private LoadedModule(ModuleImage image) {
        this.image = image;
    }

    /** Reads {@code file} ({@code .wasm} binary or {@code .wat} text) and validates it, as {@link DebugSession#load(Path)} does. */
    public static LoadedModule read(Path file) throws DebugException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DebugException("cannot read " + file + ": " + e.getMessage());
        }
        return of(file.toString(), content);
    }

    /** Like {@link #read} for content already read; {@code sourceName} names it and, with the content's magic, tells text from binary. */
    public static LoadedModule of(String sourceName, byte[] content) throws DebugException {
        return new LoadedModule(ModuleImage.load(sourceName, content));
    }

    /** The file or name the module was read from. */
    public String sourceName() {
        return image.sourceName;
    }
}
