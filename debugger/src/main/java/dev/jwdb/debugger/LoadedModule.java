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
    /** The largest file {@link #read} reads: 1 GiB, far above any real module, well below Java's array limit. */
    static final long MAX_MODULE_BYTES = 1L << 30;

    final ModuleImage image;

    private LoadedModule(ModuleImage image) {
        this.image = image;
    }

    /** Reads {@code file} ({@code .wasm} binary or {@code .wat} text) and validates it, as {@link DebugSession#load(Path)} does. */
    public static LoadedModule read(Path file) throws DebugException {
        byte[] content;
        try {
            // a device or a pipe (/dev/zero, /dev/stdin) would be read until memory runs out or forever
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new DebugException("cannot read " + file + ": not a regular file");
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_MODULE_BYTES) {
                throw new DebugException("cannot read " + file + ": " + Files.size(file) + " bytes is more than a"
                        + " module may have (" + MAX_MODULE_BYTES + ")");
            }
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

    /** What loading had to say (see {@link DebugSession#loadNotes()}). */
    public java.util.List<String> notes() {
        return image.notes;
    }

    /** The file or name the module was read from. */
    public String sourceName() {
        return image.sourceName;
    }
}
