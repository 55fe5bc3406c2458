package dev.jwdb.debugger.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .debug_info} units (DWARF 2 to 5) with their abbreviations from {@code .debug_abbrev}: each compile
 * unit's header and root entry, and on demand its whole tree of entries. Strings by index ({@code DW_FORM_strx})
 * are looked up through {@code .debug_str_offsets} from the unit's {@code DW_AT_str_offsets_base}, addresses by
 * index ({@code DW_FORM_addrx}) through {@code .debug_addr} from its {@code DW_AT_addr_base}.
 */
public final class DebugInfoReader {
    private static final int UT_COMPILE = 1;
    private static final int UT_PARTIAL = 3;
    private static final int UT_SKELETON = 4;
    private static final int UT_SPLIT_COMPILE = 5;
    private static final int UT_TYPE = 2;
    private static final int UT_SPLIT_TYPE = 6;
    /** Entries nested deeper than this are refused: no compiler nests so deep, corrupted data can. */
    private static final int MAX_DEPTH = 512;

    static final int AT_STR_OFFSETS_BASE = 0x72;
    static final int AT_ADDR_BASE = 0x73;
    static final int AT_RNGLISTS_BASE = 0x74;
    static final int AT_LOCLISTS_BASE = 0x8c;

    private final DebugSections sections;
    private final byte[] info;
    private final Map<Long, Map<Long, Abbreviation>> abbreviationTables = new HashMap<>();

    DebugInfoReader(DebugSections sections) {
        this.sections = sections;
        this.info = sections.get(".debug_info");
    }

    /** An abbreviation: the tag, whether entries have children, and each attribute's name and form. */
    private record Abbreviation(int tag, boolean children, int[] attributes, int[] forms, long[] implicitConsts) {
    }

    /** A compile unit as read: its header, where its entries are, and its root entry. */
    static final class Unit {
        final long offset;
        final long end;
        final long firstEntry;
        final Forms.Context context;
        final long abbrevOffset;
        final Die root;
        final long strOffsetsBase;
        final long addrBase;
        final long rnglistsBase;
        final long loclistsBase;

        Unit(long offset, long end, long firstEntry, Forms.Context context, long abbrevOffset, Die root) {
            this.offset = offset;
            this.end = end;
            this.firstEntry = firstEntry;
            this.context = context;
            this.abbrevOffset = abbrevOffset;
            this.root = root;
            this.strOffsetsBase = root.has(AT_STR_OFFSETS_BASE) ? root.get(AT_STR_OFFSETS_BASE).number()
                    : context.version() >= 5 ? 8 : 0; // without the attribute, the first (DWARF 5) contribution
            this.addrBase = root.has(AT_ADDR_BASE) ? root.get(AT_ADDR_BASE).number() : 8;
            this.rnglistsBase = root.has(AT_RNGLISTS_BASE) ? root.get(AT_RNGLISTS_BASE).number() : -1;
            this.loclistsBase = root.has(AT_LOCLISTS_BASE) ? root.get(AT_LOCLISTS_BASE).number() : -1;
        }

        int version() {
            return context.version();
        }
    }

    /** The compile units of the module, in section order; empty when it has no {@code .debug_info}. */
    public static List<CompileUnit> compileUnits(DebugSections sections) throws DwarfException {
        DebugInfoReader reader = new DebugInfoReader(sections);
        List<CompileUnit> out = new ArrayList<>();
        for (Unit u : reader.units()) {
            out.add(reader.summary(u));
        }
        return out;
    }

    /** What the debugger needs of unit {@code u}'s root entry. */
    CompileUnit summary(Unit u) throws DwarfException {
        long stmtList = u.root.has(Die.AT_STMT_LIST) ? u.root.get(Die.AT_STMT_LIST).number() : -1;
        int language = u.root.has(Die.AT_LANGUAGE) ? (int) u.root.get(Die.AT_LANGUAGE).number() : 0;
        return new CompileUnit(u.offset, u.version(), string(u, u.root.get(Die.AT_NAME)), string(u,
                u.root.get(Die.AT_COMP_DIR)), stmtList, string(u, u.root.get(Die.AT_PRODUCER)), language);
    }

    /** Every compile unit's header and root entry. */
    List<Unit> units() throws DwarfException {
        List<Unit> out = new ArrayList<>();
        if (info == null) {
            return out;
        }
        DwarfCursor in = new DwarfCursor(info, ".debug_info", 0);
        while (!in.atEnd()) {
            Unit u = unit(in);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /** Reads one unit's header and root entry and moves to the next unit; null for a unit that is no compile unit. */
    private Unit unit(DwarfCursor in) throws DwarfException {
        long offset = in.position();
        long length = in.initialLength();
        int outer = in.limitTo(in.position() + length);
        try {
            int version = in.u16();
            if (version < 2 || version > 5) {
                throw in.error("unsupported unit version " + version + " (jwdb reads versions 2 to 5)");
            }
            int unitType = UT_COMPILE;
            long abbrevOffset;
            int addressSize;
            if (version >= 5) {
                unitType = in.u8();
                addressSize = in.u8();
                abbrevOffset = in.offset();
                switch (unitType) {
                    case UT_SKELETON, UT_SPLIT_COMPILE -> in.skip(8);
                    case UT_TYPE, UT_SPLIT_TYPE -> {
                        in.skip(8);
                        in.offset();
                    }
                    default -> {
                    }
                }
            } else {
                abbrevOffset = in.offset();
                addressSize = in.u8();
            }
            if (unitType != UT_COMPILE && unitType != UT_PARTIAL) {
                return null;
            }
            Forms.Context context = new Forms.Context(version, in.offsetSize, addressSize, sections);
            long firstEntry = in.position();
            Die root = entry(in, abbreviations(abbrevOffset), context);
            return root == null ? null : new Unit(offset, in.limit(), firstEntry, context, abbrevOffset, root);
        } finally {
            in.seek(in.limit());
            in.restoreLimit(outer);
        }
    }

    /** The unit's whole tree: its root entry with every entry below it. */
    Die tree(Unit unit) throws DwarfException {
        DwarfCursor in = new DwarfCursor(info, ".debug_info", 0);
        in.seek(unit.firstEntry);
        int outer = in.limitTo(unit.end);
        try {
            in.offsetSize = unit.context.offsetSize();
            Map<Long, Abbreviation> abbreviations = abbreviations(unit.abbrevOffset);
            List<Die> parents = new ArrayList<>();
            Die root = null;
            while (!in.atEnd()) {
                boolean[] children = new boolean[1];
                Die d = entry(in, abbreviations, unit.context, children);
                if (d == null) {
                    if (parents.isEmpty()) {
                        continue; // padding after the root's children
                    }
                    parents.remove(parents.size() - 1);
                    if (parents.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (root == null) {
                    root = d;
                } else if (parents.isEmpty()) {
                    break; // a second top-level entry: not part of this unit's tree
                } else {
                    parents.get(parents.size() - 1).children().add(d);
                }
                if (children[0]) {
                    if (parents.size() >= MAX_DEPTH) {
                        throw in.error("entries nested more than " + MAX_DEPTH + " deep");
                    }
                    parents.add(d);
                } else if (parents.isEmpty()) {
                    break;
                }
            }
            if (root == null) {
                throw in.error("a unit without entries");
            }
            return root;
        } finally {
            in.restoreLimit(outer);
        }
    }

    private Die entry(DwarfCursor in, Map<Long, Abbreviation> abbreviations, Forms.Context context)
            throws DwarfException {
        return entry(in, abbreviations, context, new boolean[1]);
    }

    /** One entry (without its children; {@code children[0]} says whether some follow), or null for a null entry. */
    private Die entry(DwarfCursor in, Map<Long, Abbreviation> abbreviations, Forms.Context context,
                      boolean[] children) throws DwarfException {
        long offset = in.position();
        long code = in.uleb();
        if (code == 0) {
            return null;
        }
        Abbreviation a = abbreviations.get(code);
        if (a == null) {
            throw in.error("abbreviation code " + code + " is not in the unit's table");
        }
        Map<Integer, AttributeValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < a.attributes.length; i++) {
            attributes.put(a.attributes[i], Forms.read(in, a.forms[i], a.implicitConsts[i], context));
        }
        children[0] = a.children;
        return new Die(offset, a.tag, attributes, null);
    }

    /** A string attribute's text: read in place, by offset, or by index through {@code .debug_str_offsets}. */
    String string(Unit unit, AttributeValue v) throws DwarfException {
        if (v == null) {
            return null;
        }
        if (v.string() != null) {
            return v.string();
        }
        if (!v.isString() || v.form() == Forms.STRP_SUP || v.form() == Forms.GNU_STRP_ALT) {
            return null; // not a string, or one in a supplementary file this reader does not open
        }
        int size = unit.context.offsetSize();
        long at = indexed(".debug_str_offsets", unit.strOffsetsBase, v.number(), size);
        DwarfCursor table = new DwarfCursor(sections.get(".debug_str_offsets"), ".debug_str_offsets", 0);
        table.seek(at);
        return DwarfCursor.stringAt(sections.get(".debug_str"), ".debug_str", table.unsigned(size));
    }

    /** An address attribute's value: in place, or by index through {@code .debug_addr}. */
    long address(Unit unit, AttributeValue v) throws DwarfException {
        int form = v.form();
        if (form == Forms.ADDRX || form >= Forms.ADDRX1 && form <= Forms.ADDRX4 || form == Forms.GNU_ADDR_INDEX) {
            int size = unit.context.addressSize();
            long at = indexed(".debug_addr", unit.addrBase, v.number(), size);
            DwarfCursor table = new DwarfCursor(sections.get(".debug_addr"), ".debug_addr", 0);
            table.seek(at);
            return table.unsigned(size);
        }
        return v.number();
    }

    /** The offset of entry {@code index} of {@code size} bytes from {@code base} in {@code section}, checked. */
    private long indexed(String section, long base, long index, int size) throws DwarfException {
        byte[] data = sections.get(section);
        if (data == null) {
            throw new DwarfException("an index into " + section + ", but the module has no " + section);
        }
        if (index < 0 || base < 0 || index > (data.length - base) / size || base + (index + 1) * size > data.length) {
            throw new DwarfException(section + ": index " + index + " from 0x" + Long.toHexString(base)
                    + " is outside the section's " + data.length + " bytes");
        }
        return base + index * size;
    }

    /** The abbreviation table at {@code offset} of {@code .debug_abbrev}, read once. */
    private Map<Long, Abbreviation> abbreviations(long offset) throws DwarfException {
        Map<Long, Abbreviation> known = abbreviationTables.get(offset);
        if (known != null) {
            return known;
        }
        byte[] data = sections.get(".debug_abbrev");
        if (data == null) {
            throw new DwarfException("the module has .debug_info but no .debug_abbrev");
        }
        DwarfCursor a = new DwarfCursor(data, ".debug_abbrev", 0);
        a.seek(offset);
        Map<Long, Abbreviation> table = new HashMap<>();
        for (long code = a.uleb(); code != 0; code = a.uleb()) {
            int tag = a.ulebInt("tag");
            boolean children = a.u8() != 0;
            List<long[]> specs = new ArrayList<>();
            while (true) {
                int attribute = a.ulebInt("attribute");
                int form = a.ulebInt("form");
                if (attribute == 0 && form == 0) {
                    break;
                }
                long implicit = form == Forms.IMPLICIT_CONST ? a.sleb() : 0;
                specs.add(new long[] {attribute, form, implicit});
            }
            int[] attributes = new int[specs.size()];
            int[] forms = new int[specs.size()];
            long[] implicits = new long[specs.size()];
            for (int i = 0; i < specs.size(); i++) {
                attributes[i] = (int) specs.get(i)[0];
                forms[i] = (int) specs.get(i)[1];
                implicits[i] = specs.get(i)[2];
            }
            table.put(code, new Abbreviation(tag, children, attributes, forms, implicits));
        }
        abbreviationTables.put(offset, table);
        return table;
    }
}
