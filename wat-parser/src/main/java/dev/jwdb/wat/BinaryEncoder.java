package dev.jwdb.wat;

import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.binary.SectionId;
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

    private final Module module;
    private final ByteSink out = new ByteSink();
    private final List<CustomSection> pending;
    private boolean namesWritten;

    private BinaryEncoder(Module module) {
        this.module = module;
        this.pending = new ArrayList<>(module.customSections());
        this.namesWritten = module.names().isEmpty();
    }

    public static byte[] encode(Module module) {
        return new BinaryEncoder(module).encode();
    }

    private byte[] encode() {
        out.bytes(HEADER);
        customSectionsAfter(SectionId.CUSTOM);
        for (int id : SectionId.ORDER) {
            ByteSink content = SectionEncoder.content(id, module);
            if (content != null) {
                out.u8(id).sized(content);
            }
            customSectionsAfter(id);
        }
        // A section after an id we do not know still has to be written somewhere; the end keeps it last, as found.
        pending.forEach(this::custom);
        writeNames();
        return out.toByteArray();
    }

    private void customSectionsAfter(int id) {
        for (Iterator<CustomSection> it = pending.iterator(); it.hasNext(); ) {
            CustomSection c = it.next();
            if (c.after() == id) {
                custom(c);
                it.remove();
            }
        }
    }

    /**
     * The decoder takes the first name section that decodes as the names and keeps later ones raw, so the names go
     * before any raw {@code name} section: otherwise a second decode would swap the two.
     */
    private void custom(CustomSection c) {
        if (c.name().equals(NameSectionEncoder.SECTION_NAME)) {
            writeNames();
        }
        custom(c.name(), c.content());
    }

    private void writeNames() {
        if (!namesWritten) {
            custom(NameSectionEncoder.SECTION_NAME, NameSectionEncoder.content(module.names()));
            namesWritten = true;
        }
    }

    private void custom(String name, byte[] content) {
        out.u8(SectionId.CUSTOM).sized(new ByteSink().name(name).bytes(content));
    }
}
