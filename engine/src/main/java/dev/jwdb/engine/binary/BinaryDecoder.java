package dev.jwdb.engine.binary;

import static dev.jwdb.engine.binary.SectionId.*;

import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The decode phase: turns the bytes of a binary module into the {@link Module} model, or fails with a
 * {@link MalformedException} whose message starts with the spec's wording and whose offset says where.
 *
 * <p>Checks belonging to the binary format are made here (section order, sizes, LEB128 ranges, UTF-8, function and
 * code counts, the data count); everything about types and indices is left to validation.
 */
public final class BinaryDecoder {
    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
    private static final int VERSION = 1;


    /** Position of each section id in the required order (custom sections, id 0, may appear anywhere). */
    private static final int[] RANK = new int[SectionId.DATA_COUNT + 1];

    static {
        for (int i = 0; i < SectionId.ORDER.size(); i++) {
            RANK[SectionId.ORDER.get(i)] = i + 1;
        }
    }

    private final ByteReader in;
    private final InstructionDecoder instructions;
    private final SegmentDecoder segments;
    private final FunctionBodyDecoder bodies;

    private List<FuncType> types = List.of();
    private List<Import> imports = List.of();
    private List<Integer> functionTypes = List.of();
    private List<TableType> tables = List.of();
    private List<MemoryType> memories = List.of();
    private List<Global> globals = List.of();
    private List<Export> exports = List.of();
    private int start = -1;
    private List<ElementSegment> elements = List.of();
    private long dataCount = -1;
    private List<FunctionBodyDecoder.Code> codes = List.of();
    private List<DataSegment> data = List.of();
    private final List<CustomSection> customSections = new ArrayList<>();
    private Names names;

    private BinaryDecoder(byte[] bytes) {
        this.in = new ByteReader(bytes);
        this.instructions = new InstructionDecoder(in);
        this.segments = new SegmentDecoder(in, instructions);
        this.bodies = new FunctionBodyDecoder(in, instructions);
    }

    public static Module decode(byte[] bytes) {
        return new BinaryDecoder(bytes).module();
    }

    private Module module() {
        header();
        int lastRank = 0;
        int lastId = 0;
        while (!in.atEnd()) {
            int at = in.position();
            int id = in.u8();
            if (id >= RANK.length) {
                throw in.error("malformed section id", at);
            }
            if (id == CUSTOM) {
                customSection(lastId);
                continue;
            }
            if (RANK[id] <= lastRank) {
                throw in.error("unexpected content after last section", at);
            }
            lastRank = RANK[id];
            lastId = id;
            int size = in.count();
            int contentStart = in.position();
            section(id);
            if (in.position() != contentStart + size) {
                throw in.error("section size mismatch", contentStart);
            }
        }
        return assemble();
    }

    private void header() {
        if (in.length() < MAGIC.length) {
            throw in.error("unexpected end", in.length());
        }
        for (byte b : MAGIC) {
            if (in.u8() != (b & 0xFF)) {
                throw in.error("magic header not detected", 0);
            }
        }
        if (in.length() < MAGIC.length + 4) {
            throw in.error("unexpected end", in.length());
        }
        if (in.fixed32() != VERSION) {
            throw in.error("unknown binary version", MAGIC.length);
        }
    }

    private void section(int id) {
        switch (id) {
            case TYPE -> types = vector(() -> TypeDecoder.functionType(in));
            case IMPORT -> imports = vector(this::importEntry);
            case FUNCTION -> functionTypes = vector(in::u32);
            case TABLE -> tables = vector(() -> TypeDecoder.tableType(in));
            case MEMORY -> memories = vector(() -> TypeDecoder.memoryType(in));
            case GLOBAL -> globals = vector(() -> new Global(TypeDecoder.globalType(in), instructions.expression()));
            case EXPORT -> exports = vector(this::export);
            case START -> start = in.u32();
            case ELEMENT -> elements = vector(segments::element);
            case DATA_COUNT -> dataCount = in.unsigned(32);
            case CODE -> codes = vector(bodies::code);
            case DATA -> data = vector(segments::data);
            default -> throw new IllegalStateException("section id " + id);
        }
    }

    private <T> List<T> vector(Supplier<T> entry) {
        int n = in.count();
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(entry.get());
        }
        return out;
    }

    private Import importEntry() {
        String module = in.name();
        String name = in.name();
        int at = in.position();
        ImportDesc desc = switch (in.u8()) {
            case 0 -> new ImportDesc.Func(in.u32());
            case 1 -> new ImportDesc.Table(TypeDecoder.tableType(in));
            case 2 -> new ImportDesc.Memory(TypeDecoder.memoryType(in));
            case 3 -> new ImportDesc.Global(TypeDecoder.globalType(in));
            default -> throw in.error("malformed import kind", at);
        };
        return new Import(module, name, desc);
    }

    private Export export() {
        String name = in.name();
        int at = in.position();
        ExternKind kind = ExternKind.fromCode(in.u8());
        if (kind == null) {
            throw in.error("malformed export kind", at);
        }
        return new Export(name, kind, in.u32());
    }

    /**
     * The {@code name} section becomes {@link Names} instead of a raw section; if it does not decode it is kept raw,
     * since names never make a module malformed. Only the first one counts.
     */
    private void customSection(int after) {
        int size = in.count();
        int contentStart = in.position();
        String name = in.name();
        byte[] content = in.bytes(size - (in.position() - contentStart));
        if (name.equals(NameSectionDecoder.SECTION_NAME) && names == null) {
            Optional<Names> decoded = NameSectionDecoder.decode(content);
            if (decoded.isPresent()) {
                names = decoded.get();
                return;
            }
        }
        customSections.add(new CustomSection(name, content, after));
    }

    private Module assemble() {
        int end = in.length();
        if (functionTypes.size() != codes.size()) {
            throw in.error("function and code section have inconsistent lengths", end);
        }
        if (dataCount != -1 && dataCount != data.size()) {
            throw in.error("data count and data section have inconsistent lengths", end);
        }
        if (dataCount == -1 && codes.stream().anyMatch(c -> usesDataIndex(c.body()))) {
            throw in.error("data count section required", end);
        }
        List<Function> functions = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            FunctionBodyDecoder.Code code = codes.get(i);
            functions.add(new Function(functionTypes.get(i), code.locals(), code.body(), code.bodyOffset()));
        }
        return new Module(types, imports, functions, tables, memories, globals, exports, start, elements, data,
                (int) dataCount, customSections, names);
    }

    /** memory.init and data.drop name a data segment before the data section is read; hence the data count. */
    private static boolean usesDataIndex(List<Instruction> body) {
        for (Instruction i : body) {
            if (i.opcode() == Opcode.MEMORY_INIT || i.opcode() == Opcode.DATA_DROP) {
                return true;
            }
        }
        return false;
    }
}
