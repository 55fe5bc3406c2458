package dev.jwdb.wat;

import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.encode.ByteSink;
import dev.jwdb.wat.encode.NameSectionEncoder;
import dev.jwdb.wat.encode.SectionEncoder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Encodes a {@link Module} as a binary module. The output is deterministic and minimal: shortest LEB128 forms,
 * empty sections left out, compact segment forms. Custom sections go back after the section their {@code after}
 * names (or where it would have been); {@link dev.jwdb.engine.model.Names} become a {@code name} section at the end.
 *
 * <p>Decoding the result and encoding again gives the same bytes, which is what lets text and binary be
 * interchanged freely.
 */
public final class BinaryEncoder {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    private static final int CUSTOM = 0;

    private BinaryEncoder() {
    }

    public static byte[] encode(Module module) {
        ByteSink out = new ByteSink().bytes(HEADER);
        List<CustomSection> pending = new ArrayList<>(module.customSections());
        emitCustomSectionsAfter(CUSTOM, pending, out);
        for (int id : SectionEncoder.ORDER) {
            ByteSink content = SectionEncoder.content(id, module);
            if (content != null) {
                out.u8(id).sized(content);
            }
            emitCustomSectionsAfter(id, pending, out);
        }
        // Whatever names no known section still has to be written somewhere; the end keeps it last, as found.
        pending.forEach(c -> custom(c.name(), c.content(), out));
        if (!module.names().isEmpty()) {
            custom(NameSectionEncoder.SECTION_NAME, NameSectionEncoder.content(module.names()), out);
        }
        return out.toByteArray();
    }

    private static void emitCustomSectionsAfter(int id, List<CustomSection> pending, ByteSink out) {
        for (Iterator<CustomSection> it = pending.iterator(); it.hasNext(); ) {
            CustomSection c = it.next();
            if (c.after() == id) {
                custom(c.name(), c.content(), out);
                it.remove();
            }
        }
    }

    private static void custom(String name, byte[] content, ByteSink out) {
        out.u8(CUSTOM).sized(new ByteSink().name(name).bytes(content));
    }
}
