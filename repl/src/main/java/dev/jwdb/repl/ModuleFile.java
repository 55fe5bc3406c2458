package dev.jwdb.repl;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.ModuleLoader;
import dev.jwdb.wat.WatSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads a module file for a command and turns every way it can fail into the one-line message of DESIGN §4:
 * {@code jwdb: FILE: malformed module: MESSAGE (at byte 0xOFFSET)} or {@code jwdb: FILE:LINE:COL: MESSAGE}.
 */
final class ModuleFile {
    private ModuleFile() {
    }

    /** A failure already worded for the user. */
    static final class LoadFailure extends Exception {
        LoadFailure(String message) {
            super(message);
        }
    }

    static byte[] read(String file) throws LoadFailure {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new LoadFailure("jwdb: " + file + ": no such file");
        } catch (IOException e) {
            throw new LoadFailure("jwdb: " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads, decodes or parses, and validates. */
    static Module load(String file) throws LoadFailure {
        byte[] content = read(file);
        try {
            Module module = ModuleLoader.load(content, file);
            Validator.validate(module);
            return module;
        } catch (WasmException e) {
            throw new LoadFailure(describe(file, e));
        }
    }

    static String describe(String file, WasmException e) {
        if (e instanceof MalformedException m) {
            return "jwdb: " + file + ": malformed module: " + m.getMessage() + " (at byte 0x"
                    + Long.toHexString(m.offset()) + ")";
        } else if (e instanceof WatSyntaxException s) {
            return "jwdb: " + file + ":" + s.line() + ":" + s.column() + ": " + s.reason();
        } else if (e instanceof InvalidException) {
            return "jwdb: " + file + ": invalid module: " + e.getMessage();
        }
        return "jwdb: " + file + ": " + e.getMessage();
    }
}
