package dev.jwdb.wat.encode;

import static dev.jwdb.engine.binary.SectionId.*;

import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;

import dev.jwdb.engine.binary.SectionId;
import java.util.List;
import java.util.function.BiConsumer;

/** The content of each known section of a module, or null when the section has nothing to say and is left out. */
public final class SectionEncoder {

    private SectionEncoder() {
    }

    /** The content of section {@code id}, one of {@link SectionId#ORDER}, or null when it would be empty. */
    public static ByteSink content(int id, Module m) {
        return switch (id) {
            case TYPE -> vector(m.types(), TypeEncoder::functionType);
            case IMPORT -> vector(m.imports(), SectionEncoder::importEntry);
            case FUNCTION -> vector(m.functions(), (f, out) -> out.u32(f.typeIndex()));
            case TABLE -> vector(m.tables(), TypeEncoder::tableType);
            case MEMORY -> vector(m.memories(), (mem, out) -> TypeEncoder.limits(mem.limits(), out));
            case GLOBAL -> vector(m.globals(), SectionEncoder::global);
            case EXPORT -> vector(m.exports(), (e, out) -> out.name(e.name()).u8(e.kind().code()).u32(e.index()));
            case START -> m.start() == -1 ? null : new ByteSink().u32(m.start());
            case ELEMENT -> vector(m.elements(), SegmentEncoder::element);
            case DATA_COUNT -> m.dataCount() == -1 ? null : new ByteSink().u32(m.dataCount());
            case CODE -> vector(m.functions(), SectionEncoder::code);
            case DATA -> vector(m.data(), SegmentEncoder::data);
            default -> throw new IllegalArgumentException("no section with id " + id);
        };
    }

    private static <T> ByteSink vector(List<T> items, BiConsumer<T, ByteSink> entry) {
        if (items.isEmpty()) {
            return null;
        }
        ByteSink out = new ByteSink().u32(items.size());
        for (T item : items) {
            entry.accept(item, out);
        }
        return out;
    }

    private static void importEntry(Import i, ByteSink out) {
        out.name(i.module()).name(i.name()).u8(i.desc().kind().code());
        ImportDesc d = i.desc();
        if (d instanceof ImportDesc.Func f) {
            out.u32(f.typeIndex());
        } else if (d instanceof ImportDesc.Table t) {
            TypeEncoder.tableType(t.type(), out);
        } else if (d instanceof ImportDesc.Memory mem) {
            TypeEncoder.limits(mem.type().limits(), out);
        } else if (d instanceof ImportDesc.Global g) {
            TypeEncoder.globalType(g.type(), out);
        }
    }

    private static void global(Global g, ByteSink out) {
        TypeEncoder.globalType(g.type(), out);
        InstructionEncoder.expression(g.init(), out);
    }

    /** Locals are written as runs of equal consecutive types, the shortest encoding that keeps their order. */
    private static void code(Function f, ByteSink out) {
        List<ValType> locals = f.locals();
        ByteSink body = new ByteSink();
        int runs = 0;
        for (int i = 0; i < locals.size(); i++) {
            if (i == 0 || locals.get(i) != locals.get(i - 1)) {
                runs++;
            }
        }
        body.u32(runs);
        int i = 0;
        while (i < locals.size()) {
            int runEnd = i;
            while (runEnd < locals.size() && locals.get(runEnd) == locals.get(i)) {
                runEnd++;
            }
            body.u32(runEnd - i).u8(locals.get(i).code());
            i = runEnd;
        }
        InstructionEncoder.expression(f.body(), body);
        out.sized(body);
    }
}
