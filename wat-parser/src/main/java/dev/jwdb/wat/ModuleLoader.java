package dev.jwdb.wat;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import java.nio.charset.StandardCharsets;

/** Reads a module from a file's bytes: the binary format when it starts with the magic {@code \0asm}, else text. */
public final class ModuleLoader {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private ModuleLoader() {
    }

    public static boolean isBinary(byte[] content) {
        if (content.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes or parses {@code content}. Throws {@link dev.jwdb.engine.MalformedException} for a bad binary and
     * {@link WatSyntaxException} (positions in {@code sourceName}) for bad text; does not validate.
     */
    public static Module load(byte[] content, String sourceName) {
        if (isBinary(content) || sourceName.endsWith(".wasm")) {
            return BinaryDecoder.decode(content);
        }
        return Wat.parseModule(new String(content, StandardCharsets.UTF_8), sourceName);
    }
}
