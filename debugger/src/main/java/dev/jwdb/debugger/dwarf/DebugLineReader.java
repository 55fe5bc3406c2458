package dev.jwdb.debugger.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .debug_line}: line-number programs of DWARF versions 2 to 5 (DWARF 5 section 6.2), run through the
 * state machine into rows. Version 5's directory and file tables are read by their entry formats, with the strings
 * in {@code .debug_line_str} or {@code .debug_str}. Anything that cannot be read throws {@link DwarfException};
 * nothing is guessed.
 */
public final class DebugLineReader {
    static final int LNS_COPY = 1;
    static final int LNS_ADVANCE_PC = 2;
    static final int LNS_ADVANCE_LINE = 3;
    static final int LNS_SET_FILE = 4;
    static final int LNS_SET_COLUMN = 5;
    static final int LNS_NEGATE_STMT = 6;
    static final int LNS_SET_BASIC_BLOCK = 7;
    static final int LNS_CONST_ADD_PC = 8;
    static final int LNS_FIXED_ADVANCE_PC = 9;
    static final int LNS_SET_PROLOGUE_END = 10;
    static final int LNS_SET_EPILOGUE_BEGIN = 11;
    static final int LNS_SET_ISA = 12;

    static final int LNE_END_SEQUENCE = 1;
    static final int LNE_SET_ADDRESS = 2;
    static final int LNE_DEFINE_FILE = 3;
    static final int LNE_SET_DISCRIMINATOR = 4;

    static final int LNCT_PATH = 1;
    static final int LNCT_DIRECTORY_INDEX = 2;
    static final int LNCT_TIMESTAMP = 3;
    static final int LNCT_SIZE = 4;
    static final int LNCT_MD5 = 5;

    /** The standard opcodes' operand counts, for checking a header's table (DWARF 5 section 6.2.5.2). */
    private static final int[] STANDARD_OPERANDS = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};

    private final DebugSections sections;
    private final DwarfCursor in;

    private DebugLineReader(DebugSections sections, byte[] debugLine) {
        this.sections = sections;
        this.in = new DwarfCursor(debugLine, ".debug_line", 0);
    }

    /** Every unit of the module's {@code .debug_line}, in section order; empty when it has none. */
    public static List<LineProgram> readAll(DebugSections sections) throws DwarfException {
        byte[] data = sections.get(".debug_line");
        List<LineProgram> out = new ArrayList<>();
        if (data == null) {
            return out;
        }
        DebugLineReader reader = new DebugLineReader(sections, data);
        while (!reader.in.atEnd()) {
            out.add(reader.unit());
        }
        return out;
    }

    /** The unit at {@code offset} of {@code .debug_line} (a compile unit's {@code DW_AT_stmt_list}). */
    public static LineProgram read(DebugSections sections, long offset) throws DwarfException {
        byte[] data = sections.get(".debug_line");
        if (data == null) {
            throw new DwarfException("the module has no .debug_line");
        }
        DebugLineReader reader = new DebugLineReader(sections, data);
        reader.in.seek(offset);
        return reader.unit();
    }

    private LineProgram unit() throws DwarfException {
        long offset = in.position();
        long length = in.initialLength();
        int outer = in.limitTo(in.position() + length);
        try {
            LineProgram program = program(offset);
            in.seek(in.limit());
            return program;
        } finally {
            in.restoreLimit(outer);
        }
    }

    /** The unit whose length has been read: reads to the unit's end (the cursor's limit). */
    private LineProgram program(long offset) throws DwarfException {
        int version = in.u16();
        if (version < 2 || version > 5) {
            throw in.error("unsupported line table version " + version + " (jwdb reads versions 2 to 5)");
        }
        int addressSize = 4;
        if (version >= 5) {
            addressSize = in.u8();
            int segmentSelectorSize = in.u8();
            if (segmentSelectorSize != 0) {
                throw in.error("segment selectors (size " + segmentSelectorSize + ") are not supported");
            }
        }
        long headerLength = in.offset();
        long programStart = in.position() + headerLength;
        if (programStart > in.limit()) {
            throw in.error("header length " + headerLength + " runs past the unit's end");
        }
        int minimumInstructionLength = in.u8();
        int maximumOperations = version >= 4 ? in.u8() : 1;
        if (maximumOperations == 0) {
            throw in.error("maximum_operations_per_instruction is 0");
        }
        boolean defaultIsStmt = in.u8() != 0;
        int lineBase = in.s8();
        int lineRange = in.u8();
        if (lineRange == 0) {
            throw in.error("line_range is 0");
        }
        int opcodeBase = in.u8();
        if (opcodeBase == 0) {
            throw in.error("opcode_base is 0");
        }
        int[] operandCounts = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            operandCounts[i] = in.u8();
            if (i <= STANDARD_OPERANDS.length && operandCounts[i] != STANDARD_OPERANDS[i - 1]) {
                // a producer may only describe its own opcodes; a standard one with other operands is corruption
                throw in.error("standard opcode " + i + " declared with " + operandCounts[i] + " operands, not "
                        + STANDARD_OPERANDS[i - 1]);
            }
        }
        Forms.Context context = new Forms.Context(version, in.offsetSize, addressSize, sections);
        List<String> directories = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        String compDir = null;
        int outer = in.limitTo(programStart);
        try {
            if (version >= 5) {
                for (AttributeValue[] entry : entries(context, "directory")) {
                    directories.add(text(entry[LNCT_PATH], "directory"));
                }
                compDir = directories.isEmpty() ? null : directories.get(0);
                for (AttributeValue[] entry : entries(context, "file")) {
                    files.add(fileV5(entry, directories));
                }
            } else {
                directories.add(null); // index 0: the compilation directory
                for (String d = in.cstring(); !d.isEmpty(); d = in.cstring()) {
                    directories.add(d);
                }
                for (String name = in.cstring(); !name.isEmpty(); name = in.cstring()) {
                    files.add(fileV4(name, directories));
                }
            }
        } finally {
            in.restoreLimit(outer);
        }
        in.seek(programStart);
        List<LineRow> rows = new StateMachine(version, minimumInstructionLength, maximumOperations, defaultIsStmt,
                lineBase, lineRange, opcodeBase, operandCounts, files, directories).run();
        return new LineProgram(offset, version, compDir, files, rows);
    }

    /** A pre-5 file entry: the name, then directory index, modification time and size, all ULEB128. */
    private FileEntry fileV4(String name, List<String> directories) throws DwarfException {
        int dir = in.ulebInt("directory index");
        long time = in.uleb();
        long size = in.uleb();
        return new FileEntry(name, directory(dir, directories), time, size, null);
    }

    private FileEntry fileV5(AttributeValue[] entry, List<String> directories) throws DwarfException {
        String name = text(entry[LNCT_PATH], "file");
        int dir = entry[LNCT_DIRECTORY_INDEX] == null ? 0 : (int) Math.min(Integer.MAX_VALUE,
                entry[LNCT_DIRECTORY_INDEX].number());
        long time = entry[LNCT_TIMESTAMP] == null ? 0 : entry[LNCT_TIMESTAMP].number();
        long size = entry[LNCT_SIZE] == null ? 0 : entry[LNCT_SIZE].number();
        byte[] md5 = entry[LNCT_MD5] == null ? null : entry[LNCT_MD5].block();
        return new FileEntry(name, directory(dir, directories), time, size, md5);
    }

    /**
     * Directory {@code index}, null for the compilation directory (index 0 in every version: before DWARF 5 it is
     * implicit, from 5 on it is entry 0, the compilation directory written out).
     */
    private String directory(int index, List<String> directories) throws DwarfException {
        if (index == 0) {
            return null;
        }
        if (index >= directories.size()) {
            throw in.error("directory index " + index + " is past the last directory (" + (directories.size() - 1)
                    + ")");
        }
        return directories.get(index);
    }

    /**
     * A DWARF 5 entry table: the entry format (content type, form pairs), the count, then the entries. Returns each
     * entry's values indexed by content type (the five standard ones; vendor types are read and dropped).
     */
    private List<AttributeValue[]> entries(Forms.Context context, String what) throws DwarfException {
        int formatCount = in.u8();
        int[] types = new int[formatCount];
        int[] forms = new int[formatCount];
        for (int i = 0; i < formatCount; i++) {
            types[i] = in.ulebInt(what + " content type");
            forms[i] = in.ulebInt(what + " form");
        }
        int count = in.ulebInt(what + " count");
        if (count > 0 && formatCount == 0) {
            throw in.error(count + " " + what + " entries without a format");
        }
        if (count > in.remaining()) { // each entry takes at least a byte: refuse before allocating
            throw in.error(count + " " + what + " entries in " + in.remaining() + " bytes");
        }
        List<AttributeValue[]> out = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            AttributeValue[] values = new AttributeValue[LNCT_MD5 + 1];
            for (int i = 0; i < formatCount; i++) {
                if (forms[i] == Forms.STRX || forms[i] >= Forms.STRX1 && forms[i] <= Forms.STRX4) {
                    throw in.error("string form 0x" + Integer.toHexString(forms[i]) + " needs a compile unit's"
                            + " string offsets, which a line table has none of");
                }
                AttributeValue v = Forms.read(in, forms[i], 0, context);
                if (types[i] >= LNCT_PATH && types[i] <= LNCT_MD5) {
                    values[types[i]] = v;
                }
            }
            if (values[LNCT_MD5] != null && (values[LNCT_MD5].block() == null
                    || values[LNCT_MD5].block().length != 16)) {
                throw in.error("an MD5 digest not of form data16");
            }
            if (values[LNCT_PATH] == null) {
                throw in.error("a " + what + " entry without a path");
            }
            out.add(values);
        }
        return out;
    }

    private String text(AttributeValue v, String what) throws DwarfException {
        if (v.string() == null) {
            throw in.error("a " + what + " path of form 0x" + Integer.toHexString(v.form()) + ", not a string");
        }
        return v.string();
    }

    /** The line-number state machine (DWARF 5 section 6.2.2) running one unit's program. */
    private final class StateMachine {
        private final int version;
        private final int minimumInstructionLength;
        private final int maximumOperations;
        private final boolean defaultIsStmt;
        private final int lineBase;
        private final int lineRange;
        private final int opcodeBase;
        private final int[] operandCounts;
        private final List<FileEntry> files;
        private final List<String> directories;
        private final List<LineRow> rows = new ArrayList<>();

        private long address;
        private int opIndex;
        private int file;
        private long line;
        private int column;
        private boolean isStmt;
        private boolean prologueEnd;
        private boolean epilogueBegin;
        private int discriminator;

        StateMachine(int version, int minimumInstructionLength, int maximumOperations, boolean defaultIsStmt,
                     int lineBase, int lineRange, int opcodeBase, int[] operandCounts, List<FileEntry> files,
                     List<String> directories) {
            this.version = version;
            this.minimumInstructionLength = minimumInstructionLength;
            this.maximumOperations = maximumOperations;
            this.defaultIsStmt = defaultIsStmt;
            this.lineBase = lineBase;
            this.lineRange = lineRange;
            this.opcodeBase = opcodeBase;
            this.operandCounts = operandCounts;
            this.files = files;
            this.directories = directories;
            reset();
        }

        private void reset() {
            address = 0;
            opIndex = 0;
            file = 1;
            line = 1;
            column = 0;
            isStmt = defaultIsStmt;
            prologueEnd = false;
            epilogueBegin = false;
            discriminator = 0;
        }

        List<LineRow> run() throws DwarfException {
            while (!in.atEnd()) {
                int opcode = in.u8();
                if (opcode >= opcodeBase) {
                    int adjusted = opcode - opcodeBase;
                    advance(adjusted / lineRange);
                    line += lineBase + adjusted % lineRange;
                    row(false);
                } else if (opcode == 0) {
                    extended();
                } else {
                    standard(opcode);
                }
            }
            return rows;
        }

        private void standard(int opcode) throws DwarfException {
            switch (opcode) {
                case LNS_COPY -> row(false);
                case LNS_ADVANCE_PC -> advance(in.uleb());
                case LNS_ADVANCE_LINE -> line += in.sleb();
                case LNS_SET_FILE -> file = in.ulebInt("file index");
                case LNS_SET_COLUMN -> column = (int) Math.min(Integer.MAX_VALUE, in.uleb());
                case LNS_NEGATE_STMT -> isStmt = !isStmt;
                case LNS_SET_BASIC_BLOCK -> {
                    // basic blocks are not kept
                }
                case LNS_CONST_ADD_PC -> advance((255 - opcodeBase) / lineRange);
                case LNS_FIXED_ADVANCE_PC -> {
                    address += in.u16();
                    opIndex = 0;
                }
                case LNS_SET_PROLOGUE_END -> prologueEnd = true;
                case LNS_SET_EPILOGUE_BEGIN -> epilogueBegin = true;
                case LNS_SET_ISA -> in.uleb();
                default -> {
                    // an opcode of a later version or a vendor: skip its ULEB128 operands, as the header says
                    for (int i = 0; i < operandCounts[opcode]; i++) {
                        in.uleb();
                    }
                }
            }
        }

        private void extended() throws DwarfException {
            long length = in.uleb();
            if (length == 0 || length > in.remaining()) {
                throw in.error("extended opcode of length " + length + " (" + in.remaining() + " bytes left)");
            }
            int end = in.position() + (int) length;
            int sub = in.u8();
            switch (sub) {
                case LNE_END_SEQUENCE -> {
                    row(true);
                    reset();
                }
                case LNE_SET_ADDRESS -> {
                    int size = (int) length - 1;
                    if (size != 4 && size != 8) {
                        throw in.error("DW_LNE_set_address with a " + size + "-byte address");
                    }
                    address = in.unsigned(size);
                    opIndex = 0;
                }
                case LNE_DEFINE_FILE -> {
                    if (version >= 5) {
                        throw in.error("DW_LNE_define_file in a version 5 line table");
                    }
                    String name = in.cstring();
                    files.add(fileV4(name, directories));
                }
                case LNE_SET_DISCRIMINATOR -> discriminator = (int) Math.min(Integer.MAX_VALUE, in.uleb());
                default -> {
                    // a vendor's extended opcode: its length says how much to skip
                }
            }
            if (in.position() > end) {
                throw in.error("extended opcode " + sub + " longer than its length " + length);
            }
            in.seek(end);
        }

        /** Advances by {@code operations} operations (DWARF 5 section 6.2.5.1: VLIW op_index aware). */
        private void advance(long operations) {
            if (maximumOperations == 1) {
                address += minimumInstructionLength * operations;
            } else {
                long ops = opIndex + operations;
                address += minimumInstructionLength * (ops / maximumOperations);
                opIndex = (int) (ops % maximumOperations);
            }
        }

        private void row(boolean endSequence) {
            rows.add(new LineRow(address, file, (int) line, column, isStmt, prologueEnd, epilogueBegin, endSequence,
                    discriminator));
            discriminator = 0;
            prologueEnd = false;
            epilogueBegin = false;
        }
    }
}
