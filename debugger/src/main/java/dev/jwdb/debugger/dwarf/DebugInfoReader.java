package dev.jwdb.debugger.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .debug_info} units (DWARF 2 to 5) with their abbreviations from {@code .debug_abbrev}: the root entry
 * of each compile unit (its name, compilation directory and line program). Strings by index ({@code DW_FORM_strx})
 * are looked up through {@code .debug_str_offsets} from the unit's {@code DW_AT_str_offsets_base}.
 */
public final class DebugInfoReader {
    private static final int UT_COMPILE = 1;
    private static final int UT_PARTIAL = 3;
    private static final int UT_SKELETON = 4;
    private static final int UT_SPLIT_COMPILE = 5;
    private static final int UT_TYPE = 2;
    private static final int UT_SPLIT_TYPE = 6;

    private final DebugSections sections;
    private final DwarfCursor in;
    private final Map<Long, Map<Long, Abbreviation>> abbreviationTables = new HashMap<>();

    private DebugInfoReader(DebugSections sections, byte[] info) {
        this.sections = sections;
        this.in = new DwarfCursor(info, ".debug_info", 0);
    }

    /** An abbreviation: the tag, whether entries have children, and each attribute's name and form. */
    private record Abbreviation(int tag, boolean children, int[] attributes, int[] forms, long[] implicitConsts) {
    }

    /** The compile units of the module, in section order; empty when it has no {@code .debug_info}. */
    public static List<CompileUnit> compileUnits(DebugSections sections) throws DwarfException {
        byte[] info = sections.get(".debug_info");
        List<CompileUnit> out = new ArrayList<>();
        if (info == null) {
            return out;
        }
        DebugInfoReader reader = new DebugInfoReader(sections, info);
        while (!reader.in.atEnd()) {
            CompileUnit unit = reader.unit();
            if (unit != null) {
                out.add(unit);
            }
        }
        return out;
    }

    /** Reads one unit's header and root entry and moves to the next unit; null for a unit that is no compile unit. */
    private CompileUnit unit() throws DwarfException {
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
            Map<Long, Abbreviation> abbreviations = abbreviations(abbrevOffset);
            Die root = entry(abbreviations, context);
            if (root == null) {
                return null;
            }
            long strOffsetsBase = root.has(Die.AT_STR_OFFSETS_BASE) ? root.get(Die.AT_STR_OFFSETS_BASE).number()
                    : version >= 5 ? 8 : 0; // without the attribute, the first (DWARF 5) header's contribution
            String name = string(root.get(Die.AT_NAME), strOffsetsBase, in.offsetSize);
            String compDir = string(root.get(Die.AT_COMP_DIR), strOffsetsBase, in.offsetSize);
            long stmtList = root.has(Die.AT_STMT_LIST) ? root.get(Die.AT_STMT_LIST).number() : -1;
            return new CompileUnit(offset, version, name, compDir, stmtList);
        } finally {
            in.seek(in.limit());
            in.restoreLimit(outer);
        }
    }

    /** One entry (without its children), or null for a null entry (code 0). */
    private Die entry(Map<Long, Abbreviation> abbreviations, Forms.Context context) throws DwarfException {
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
        return new Die(offset, a.tag, attributes, null);
    }

    /** A string attribute's text: read in place, by offset, or by index through {@code .debug_str_offsets}. */
    private String string(AttributeValue v, long strOffsetsBase, int offsetSize) throws DwarfException {
        if (v == null) {
            return null;
        }
        if (v.string() != null) {
            return v.string();
        }
        if (!v.isString() || v.form() == Forms.STRP_SUP || v.form() == Forms.GNU_STRP_ALT) {
            return null; // not a string, or one in a supplementary file this reader does not open
        }
        byte[] offsets = sections.get(".debug_str_offsets");
        if (offsets == null) {
            throw new DwarfException("a string by index, but the module has no .debug_str_offsets");
        }
        DwarfCursor table = new DwarfCursor(offsets, ".debug_str_offsets", 0);
        long at = strOffsetsBase + v.number() * offsetSize;
        if (v.number() < 0 || at < 0 || at > offsets.length - offsetSize) {
            throw new DwarfException(".debug_str_offsets: string index " + v.number() + " is outside the table");
        }
        table.seek(at);
        return DwarfCursor.stringAt(sections.get(".debug_str"), ".debug_str", table.unsigned(offsetSize));
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
