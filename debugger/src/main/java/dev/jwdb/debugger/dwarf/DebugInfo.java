package dev.jwdb.debugger.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code .debug_info} says about the code at an address: the function there and the variables in scope, with
 * their types and where each lives (a DWARF expression, chosen from a location list when it moves). Units are read
 * when first needed: at loading only their root entries are, and a unit's tree when an address in it is asked for.
 * Functions inlined into others are not looked into (their variables are not listed).
 */
public final class DebugInfo {
    static final int TAG_ARRAY_TYPE = 0x01;
    static final int TAG_CLASS_TYPE = 0x02;
    static final int TAG_ENUMERATION_TYPE = 0x04;
    static final int TAG_FORMAL_PARAMETER = 0x05;
    static final int TAG_LEXICAL_BLOCK = 0x0b;
    static final int TAG_MEMBER = 0x0d;
    static final int TAG_POINTER_TYPE = 0x0f;
    static final int TAG_REFERENCE_TYPE = 0x10;
    static final int TAG_STRUCTURE_TYPE = 0x13;
    static final int TAG_SUBROUTINE_TYPE = 0x15;
    static final int TAG_TYPEDEF = 0x16;
    static final int TAG_UNION_TYPE = 0x17;
    static final int TAG_SUBRANGE_TYPE = 0x21;
    static final int TAG_BASE_TYPE = 0x24;
    static final int TAG_CONST_TYPE = 0x26;
    static final int TAG_ENUMERATOR = 0x28;
    static final int TAG_SUBPROGRAM = 0x2e;
    static final int TAG_VARIABLE = 0x34;
    static final int TAG_VOLATILE_TYPE = 0x35;
    static final int TAG_RESTRICT_TYPE = 0x37;
    static final int TAG_RVALUE_REFERENCE_TYPE = 0x42;
    static final int TAG_ATOMIC_TYPE = 0x47;
    static final int TAG_VARIANT = 0x19;
    static final int TAG_TEMPLATE_TYPE_PARAMETER = 0x2f;
    static final int TAG_VARIANT_PART = 0x33;
    static final int TAG_NAMESPACE = 0x39;

    static final int AT_LOCATION = 0x02;
    static final int AT_NAME = 0x03;
    static final int AT_BYTE_SIZE = 0x0b;
    static final int AT_BIT_SIZE = 0x0d;
    static final int AT_LOW_PC = 0x11;
    static final int AT_HIGH_PC = 0x12;
    static final int AT_CONST_VALUE = 0x1c;
    static final int AT_UPPER_BOUND = 0x2f;
    static final int AT_ABSTRACT_ORIGIN = 0x31;
    static final int AT_COUNT = 0x37;
    static final int AT_DATA_MEMBER_LOCATION = 0x38;
    static final int AT_DECLARATION = 0x3c;
    static final int AT_EXTERNAL = 0x3f;
    static final int AT_ENCODING = 0x3e;
    static final int AT_FRAME_BASE = 0x40;
    static final int AT_SPECIFICATION = 0x47;
    static final int AT_TYPE = 0x49;
    static final int AT_RANGES = 0x55;
    static final int AT_LANGUAGE = 0x13;
    static final int AT_DISCR = 0x15;
    static final int AT_DISCR_VALUE = 0x16;

    static final int LANG_RUST = 0x1c;

    private final DebugSections sections;
    private final DebugInfoReader reader;
    private final List<DebugInfoReader.Unit> units;
    private final Map<Long, List<long[]>> unitRanges = new HashMap<>();
    private final Map<Long, Map<Long, Die>> trees = new HashMap<>();
    private final Map<Long, DwarfType> types = new HashMap<>();
    /** The units' top-level variables and named types, by name, indexed when a name is first looked up. */
    private Map<String, List<Named>> globals;
    private Map<String, List<Named>> namedTypes;
    /** Enumerators of the units' top-level enumerations, by name: each with its enumeration's entry. */
    private Map<String, List<Named>> enumerators;

    /** An enumerator: its enumeration type and its value. */
    public record Constant(DwarfType type, long value) {
    }

    /** A top-level entry with a name, and its unit. */
    private record Named(DebugInfoReader.Unit unit, Die die) {
    }

    /** Each read entry's parent, by offset: the namespaces a Rust type's path is made of. */
    private final Map<Long, Die> parents = new HashMap<>();

    private DebugInfo(DebugSections sections, DebugInfoReader reader, List<DebugInfoReader.Unit> units) {
        this.sections = sections;
        this.reader = reader;
        this.units = units;
    }

    /** The module's debugging information: its units' headers and root entries, read now. */
    public static DebugInfo read(DebugSections sections) throws DwarfException {
        DebugInfoReader reader = new DebugInfoReader(sections);
        return new DebugInfo(sections, reader, reader.units());
    }

    /** The function whose code holds {@code address} and what is in scope there, or null when none is known. */
    public FunctionScope scope(long address) throws DwarfException {
        for (DebugInfoReader.Unit u : units) {
            List<long[]> ranges = unitRanges(u);
            if (!ranges.isEmpty() && !contains(ranges, address)) {
                continue;
            }
            Map<Long, Die> dies = tree(u);
            Die root = dies.get(u.root.offset());
            List<Die> path = new ArrayList<>();
            if (find(u, root, address, path, 0)) {
                return scope(u, dies, path, address);
            }
        }
        return null;
    }

    /** The compile unit whose code holds {@code address}, or null when none does. */
    public CompileUnit unitAt(long address) throws DwarfException {
        for (DebugInfoReader.Unit u : units) {
            if (contains(unitRanges(u), address)) {
                return reader.summary(u);
            }
        }
        return null;
    }

    /**
     * The global or static variable {@code name} (a top-level {@code DW_TAG_variable} with a location), or null
     * when no unit defines one. The unit whose code holds {@code address} comes first (its statics are the ones
     * C sees there), then a unit where it is external, then any.
     */
    public FunctionScope.Variable global(String name, long address) throws DwarfException {
        indexNames();
        Named found = preferred(globals.get(name), address);
        if (found == null) {
            return null;
        }
        DebugInfoReader.Unit u = found.unit();
        return variable(u, tree(u), found.die(), address);
    }

    /**
     * The enumerator {@code name} of a top-level enumeration ({@code enum { BARE, LPRE }}), or null; the unit
     * holding {@code address} comes first.
     */
    public Constant enumerator(String name, long address) throws DwarfException {
        indexNames();
        Named found = preferred(enumerators.get(name), address);
        if (found == null) {
            return null;
        }
        DebugInfoReader.Unit u = found.unit();
        DwarfType type = type(u, tree(u), found.die().offset());
        for (Die e : found.die().children()) {
            if (e.tag() == TAG_ENUMERATOR && e.has(AT_CONST_VALUE)
                    && name.equals(reader.string(u, e.get(AT_NAME)))) {
                return new Constant(type, e.get(AT_CONST_VALUE).number());
            }
        }
        return null;
    }

    /**
     * The type C names {@code struct NAME} ({@code kind} STRUCT), {@code union NAME}, {@code enum NAME}, or
     * {@code NAME} alone (a typedef or base type: {@code kind} TYPEDEF); null when no unit defines it (a
     * declaration without its members does not count). The unit holding {@code address} comes first.
     */
    public DwarfType namedType(String name, DwarfType.Kind kind, long address) throws DwarfException {
        indexNames();
        Named found = preferred(namedTypes.get(typeKey(kind, name)), address);
        return found == null ? null : type(found.unit(), tree(found.unit()), found.die().offset());
    }

    private static String typeKey(DwarfType.Kind kind, String name) {
        return switch (kind) {
            case STRUCT -> "struct " + name;
            case UNION -> "union " + name;
            case ENUM -> "enum " + name;
            default -> name;
        };
    }

    /** Of entries by the same name, the one in the unit holding {@code address}, else an external one, else the first. */
    private Named preferred(List<Named> candidates, long address) throws DwarfException {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        for (Named n : candidates) {
            if (contains(unitRanges(n.unit()), address)) {
                return n;
            }
        }
        for (Named n : candidates) {
            if (n.die().has(AT_EXTERNAL)) {
                return n;
            }
        }
        return candidates.get(0);
    }

    private List<long[]> unitRanges(DebugInfoReader.Unit u) throws DwarfException {
        List<long[]> ranges = unitRanges.get(u.offset);
        if (ranges == null) {
            ranges = ranges(u, u.root);
            unitRanges.put(u.offset, ranges);
        }
        return ranges;
    }

    /** Reads every unit's tree once and indexes its top-level variables and named types. */
    private void indexNames() throws DwarfException {
        if (globals != null) {
            return;
        }
        Map<String, List<Named>> variables = new HashMap<>();
        Map<String, List<Named>> named = new HashMap<>();
        Map<String, List<Named>> constants = new HashMap<>();
        for (DebugInfoReader.Unit u : units) {
            Map<Long, Die> dies = tree(u);
            for (Die d : dies.get(u.root.offset()).children()) {
                if (d.tag() == TAG_VARIABLE && d.has(AT_LOCATION)) {
                    String name = name(u, dies, d);
                    if (name != null) {
                        variables.computeIfAbsent(name, k -> new ArrayList<>()).add(new Named(u, d));
                    }
                    continue;
                }
                DwarfType.Kind kind = switch (d.tag()) {
                    case TAG_STRUCTURE_TYPE, TAG_CLASS_TYPE -> DwarfType.Kind.STRUCT;
                    case TAG_UNION_TYPE -> DwarfType.Kind.UNION;
                    case TAG_ENUMERATION_TYPE -> DwarfType.Kind.ENUM;
                    case TAG_TYPEDEF, TAG_BASE_TYPE -> DwarfType.Kind.TYPEDEF;
                    default -> null;
                };
                String name = kind == null || d.has(AT_DECLARATION) ? null : reader.string(u, d.get(AT_NAME));
                if (name != null) {
                    named.computeIfAbsent(typeKey(kind, name), k -> new ArrayList<>()).add(new Named(u, d));
                }
                if (kind == DwarfType.Kind.ENUM) {
                    for (Die e : d.children()) {
                        String constant = e.tag() == TAG_ENUMERATOR ? reader.string(u, e.get(AT_NAME)) : null;
                        if (constant != null) {
                            constants.computeIfAbsent(constant, k -> new ArrayList<>()).add(new Named(u, d));
                        }
                    }
                }
            }
        }
        globals = variables;
        namedTypes = named;
        enumerators = constants;
    }

    /** Finds the subprogram holding {@code address} under {@code d}, leaving the entries down to it in {@code path}. */
    private boolean find(DebugInfoReader.Unit u, Die d, long address, List<Die> path, int depth)
            throws DwarfException {
        for (Die c : d.children()) {
            if (c.tag() == TAG_SUBPROGRAM) {
                if (contains(ranges(u, c), address)) {
                    path.add(c);
                    return true;
                }
            } else if (!c.children().isEmpty() && depth < 64 && c.tag() != TAG_STRUCTURE_TYPE) {
                // namespaces (Rust, C++) and the like hold functions too
                if (find(u, c, address, path, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private FunctionScope scope(DebugInfoReader.Unit u, Map<Long, Die> dies, List<Die> path, long address)
            throws DwarfException {
        Die function = path.get(path.size() - 1);
        List<List<FunctionScope.Variable>> blocks = new ArrayList<>();
        List<FunctionScope.Variable> parameters = new ArrayList<>();
        Die block = function;
        for (int depth = 0; block != null && depth < 64; depth++) {
            List<FunctionScope.Variable> locals = new ArrayList<>();
            Die inner = null;
            for (Die c : block.children()) {
                if (c.tag() == TAG_FORMAL_PARAMETER && block == function || c.tag() == TAG_VARIABLE) {
                    FunctionScope.Variable v = variable(u, dies, c, address);
                    if (v != null) {
                        (v.parameter() ? parameters : locals).add(v);
                    }
                } else if (c.tag() == TAG_LEXICAL_BLOCK && inner == null && contains(ranges(u, c), address)) {
                    inner = c;
                }
            }
            blocks.add(0, locals);
            block = inner;
        }
        List<FunctionScope.Variable> all = new ArrayList<>(parameters);
        blocks.forEach(all::addAll);
        AttributeValue frameBase = function.get(AT_FRAME_BASE);
        byte[] base = frameBase == null ? null : location(u, frameBase, address);
        return new FunctionScope(name(u, dies, function), base, all);
    }

    private FunctionScope.Variable variable(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d, long address)
            throws DwarfException {
        Die origin = origin(u, dies, d);
        String name = reader.string(u, origin.get(AT_NAME));
        if (name == null || origin.has(AT_DECLARATION) && !d.has(AT_LOCATION)) {
            return null;
        }
        AttributeValue location = d.get(AT_LOCATION);
        byte[] expression = location == null ? null : location(u, location, address);
        if (discarded(expression, u.context.addressSize())) {
            expression = null;
        }
        AttributeValue type = origin.get(AT_TYPE);
        DwarfType t = type == null ? DwarfType.VOID : type(u, dies, reference(u, type));
        return new FunctionScope.Variable(name, d.tag() == TAG_FORMAL_PARAMETER, t, expression);
    }

    /**
     * Whether {@code expression} is {@code DW_OP_addr} of the all-ones address: the linker's tombstone for data it
     * discarded (wasm-ld writes it for a variable no code kept), so the variable has no place.
     */
    private static boolean discarded(byte[] expression, int addressSize) {
        if (expression == null || expression.length != 1 + addressSize || expression[0] != 0x03) {
            return false;
        }
        for (int i = 1; i < expression.length; i++) {
            if (expression[i] != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }

    /** The entry an entry's {@code abstract_origin} or {@code specification} names (for its name and type). */
    private Die origin(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d) {
        Die at = d;
        for (int i = 0; i < 4; i++) {
            AttributeValue o = at.has(AT_ABSTRACT_ORIGIN) ? at.get(AT_ABSTRACT_ORIGIN) : at.get(AT_SPECIFICATION);
            if (o == null || at.has(AT_NAME)) {
                return at;
            }
            Die next = dies.get(reference(u, o));
            if (next == null) {
                return at;
            }
            at = next;
        }
        return at;
    }

    private String name(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d) throws DwarfException {
        return reader.string(u, origin(u, dies, d).get(AT_NAME));
    }

    /** The section offset a reference attribute names: unit-relative forms are made absolute. */
    private static long reference(DebugInfoReader.Unit u, AttributeValue v) {
        return switch (v.form()) {
            case Forms.REF1, Forms.REF2, Forms.REF4, Forms.REF8, Forms.REF_UDATA -> u.offset + v.number();
            default -> v.number();
        };
    }

    /** The unit's entries by offset, its tree read once. */
    private Map<Long, Die> tree(DebugInfoReader.Unit u) throws DwarfException {
        Map<Long, Die> known = trees.get(u.offset);
        if (known != null) {
            return known;
        }
        Map<Long, Die> dies = new HashMap<>();
        index(reader.tree(u), dies, parents);
        trees.put(u.offset, dies);
        return dies;
    }

    private static void index(Die root, Map<Long, Die> dies, Map<Long, Die> parents) {
        List<Die> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Die d = todo.remove(todo.size() - 1);
            dies.put(d.offset(), d);
            for (Die c : d.children()) {
                parents.put(c.offset(), d);
            }
            todo.addAll(d.children());
        }
    }

    // ---- types ----

    private DwarfType type(DebugInfoReader.Unit u, Map<Long, Die> dies, long offset) throws DwarfException {
        DwarfType known = types.get(offset);
        if (known != null) {
            return known;
        }
        Die d = dies.get(offset);
        DwarfType t = d == null ? new DwarfType(DwarfType.Kind.UNKNOWN, "?", 0, 0, null, List.of(), List.of(),
                Map.of()) : definition(u, d);
        if (t == null) {
            t = makeType(u, dies, d);
        }
        types.put(offset, t);
        return t;
    }

    /**
     * For a structure, union or enumeration only declared in this unit ({@code typedef struct _IO_FILE FILE;} in a
     * header), its definition in another unit, with its members; null when {@code d} is no such declaration or
     * no unit defines it.
     */
    private DwarfType definition(DebugInfoReader.Unit u, Die d) throws DwarfException {
        DwarfType.Kind kind = switch (d.tag()) {
            case TAG_STRUCTURE_TYPE, TAG_CLASS_TYPE -> DwarfType.Kind.STRUCT;
            case TAG_UNION_TYPE -> DwarfType.Kind.UNION;
            case TAG_ENUMERATION_TYPE -> DwarfType.Kind.ENUM;
            default -> null;
        };
        String name = kind == null || !d.has(AT_DECLARATION) ? null : reader.string(u, d.get(AT_NAME));
        return name == null ? null : namedType(name, kind, -1);
    }

    private DwarfType makeType(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d) throws DwarfException {
        String name = reader.string(u, d.get(AT_NAME));
        long size = d.has(AT_BYTE_SIZE) ? d.get(AT_BYTE_SIZE).number() : 0;
        Supplier<DwarfType> target = target(u, dies, d);
        List<DwarfType.Member> members = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<Long, String> enumerators = new LinkedHashMap<>();
        DwarfType.Kind kind;
        switch (d.tag()) {
            case TAG_BASE_TYPE -> kind = DwarfType.Kind.BASE;
            case TAG_POINTER_TYPE, TAG_REFERENCE_TYPE, TAG_RVALUE_REFERENCE_TYPE -> {
                kind = DwarfType.Kind.POINTER;
                if (size == 0) {
                    size = u.context.addressSize();
                }
            }
            case TAG_STRUCTURE_TYPE, TAG_CLASS_TYPE, TAG_UNION_TYPE -> {
                kind = d.tag() == TAG_UNION_TYPE ? DwarfType.Kind.UNION : DwarfType.Kind.STRUCT;
                for (Die m : d.children()) {
                    if (m.tag() != TAG_MEMBER) {
                        continue;
                    }
                    AttributeValue where = m.get(AT_DATA_MEMBER_LOCATION);
                    long offset = where == null || where.block() != null ? 0 : where.number();
                    int bits = m.has(AT_BIT_SIZE) ? (int) m.get(AT_BIT_SIZE).number() : 0;
                    members.add(new DwarfType.Member(reader.string(u, m.get(AT_NAME)), target(u, dies, m), offset,
                            bits));
                }
            }
            case TAG_ARRAY_TYPE -> {
                kind = DwarfType.Kind.ARRAY;
                for (Die r : d.children()) {
                    if (r.tag() == TAG_SUBRANGE_TYPE) {
                        counts.add(r.has(AT_COUNT) ? r.get(AT_COUNT).number()
                                : r.has(AT_UPPER_BOUND) ? r.get(AT_UPPER_BOUND).number() + 1 : -1);
                    }
                }
            }
            case TAG_ENUMERATION_TYPE -> {
                kind = DwarfType.Kind.ENUM;
                for (Die e : d.children()) {
                    if (e.tag() == TAG_ENUMERATOR && e.has(AT_CONST_VALUE)) {
                        enumerators.put(e.get(AT_CONST_VALUE).number(), reader.string(u, e.get(AT_NAME)));
                    }
                }
            }
            case TAG_TYPEDEF -> kind = DwarfType.Kind.TYPEDEF;
            case TAG_CONST_TYPE, TAG_VOLATILE_TYPE, TAG_RESTRICT_TYPE, TAG_ATOMIC_TYPE -> {
                kind = DwarfType.Kind.QUALIFIED;
                name = switch (d.tag()) {
                    case TAG_CONST_TYPE -> "const";
                    case TAG_VOLATILE_TYPE -> "volatile";
                    case TAG_RESTRICT_TYPE -> "restrict";
                    default -> "_Atomic";
                };
            }
            case TAG_SUBROUTINE_TYPE -> kind = DwarfType.Kind.FUNCTION;
            default -> kind = DwarfType.Kind.UNKNOWN;
        }
        int encoding = d.has(AT_ENCODING) ? (int) d.get(AT_ENCODING).number() : 0;
        DwarfType.Rust rust = isRust(u) ? rust(u, dies, d, name) : null;
        return new DwarfType(kind, name, size, encoding, target, members, counts, enumerators, rust);
    }

    /** The type an entry's {@code DW_AT_type} names, resolved when first asked for; null when it names none. */
    private Supplier<DwarfType> target(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d) {
        AttributeValue t = d.get(AT_TYPE);
        if (t == null) {
            return null;
        }
        long offset = reference(u, t);
        return () -> {
            try {
                return type(u, dies, offset);
            } catch (DwarfException e) {
                return new DwarfType(DwarfType.Kind.UNKNOWN, "?", 0, 0, null, List.of(), List.of(), Map.of());
            }
        };
    }

    // ---- address ranges ----

    private static boolean contains(List<long[]> ranges, long address) {
        for (long[] r : ranges) {
            if (address >= r[0] && address < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** An entry's address ranges: from {@code low_pc}/{@code high_pc}, or its {@code DW_AT_ranges} list. */
    private List<long[]> ranges(DebugInfoReader.Unit u, Die d) throws DwarfException {
        List<long[]> out = new ArrayList<>();
        AttributeValue low = d.get(AT_LOW_PC);
        AttributeValue high = d.get(AT_HIGH_PC);
        if (low != null && high != null) {
            long start = reader.address(u, low);
            boolean isAddress = high.form() == Forms.ADDR || high.form() == Forms.ADDRX
                    || high.form() >= Forms.ADDRX1 && high.form() <= Forms.ADDRX4;
            out.add(new long[] {start, isAddress ? reader.address(u, high) : start + high.number()});
            return out;
        }
        AttributeValue ranges = d.get(AT_RANGES);
        if (ranges == null) {
            return out;
        }
        long base = u.root.has(AT_LOW_PC) ? reader.address(u, u.root.get(AT_LOW_PC)) : 0;
        if (u.version() >= 5) {
            long offset = ranges.form() == Forms.RNGLISTX ? listOffset(u, ".debug_rnglists", u.rnglistsBase,
                    ranges.number()) : ranges.number();
            rangeList(u, offset, base, out);
        } else {
            pairList(u, ".debug_ranges", ranges.number(), base, (start, end, in) -> {
                out.add(new long[] {start, end});
                return false;
            });
        }
        return out;
    }

    /** DWARF 5's range list at {@code offset} of {@code .debug_rnglists} (section 2.17.3). */
    private void rangeList(DebugInfoReader.Unit u, long offset, long base, List<long[]> out) throws DwarfException {
        DwarfCursor in = new DwarfCursor(sections(".debug_rnglists"), ".debug_rnglists", 0);
        in.seek(offset);
        int size = u.context.addressSize();
        while (true) {
            int kind = in.u8();
            switch (kind) {
                case 0 -> {
                    return;
                }
                case 1 -> base = indexedAddress(u, in.uleb());
                case 2 -> out.add(new long[] {indexedAddress(u, in.uleb()), indexedAddress(u, in.uleb())});
                case 3 -> {
                    long start = indexedAddress(u, in.uleb());
                    out.add(new long[] {start, start + in.uleb()});
                }
                case 4 -> {
                    long start = in.uleb();
                    out.add(new long[] {base + start, base + in.uleb()});
                }
                case 5 -> base = in.unsigned(size);
                case 6 -> out.add(new long[] {in.unsigned(size), in.unsigned(size)});
                case 7 -> {
                    long start = in.unsigned(size);
                    out.add(new long[] {start, start + in.uleb()});
                }
                default -> throw in.error("unknown range list entry kind " + kind);
            }
        }
    }

    private long indexedAddress(DebugInfoReader.Unit u, long index) throws DwarfException {
        return reader.address(u, AttributeValue.number(Forms.ADDRX, index));
    }

    /** Entry {@code index} of the offsets table at {@code base} of a DWARF 5 list section, as a section offset. */
    private long listOffset(DebugInfoReader.Unit u, String section, long base, long index) throws DwarfException {
        if (base < 0) {
            throw new DwarfException("a list by index without its base attribute");
        }
        DwarfCursor in = new DwarfCursor(sections(section), section, 0);
        int size = u.context.offsetSize();
        if (index < 0 || index > (in.limit() - base) / size) {
            throw new DwarfException(section + ": list index " + index + " is outside the section");
        }
        in.seek(base + index * size);
        return base + in.unsigned(size);
    }

    private byte[] sections(String name) throws DwarfException {
        byte[] data = sections.get(name);
        if (data == null) {
            throw new DwarfException("a list in " + name + ", but the module has no " + name);
        }
        return data;
    }

    // ---- locations ----

    /**
     * The DWARF expression that locates something at {@code address}: the attribute's own expression, or the
     * entry of its location list that covers the address; null when none does (optimized out there).
     */
    private byte[] location(DebugInfoReader.Unit u, AttributeValue v, long address) throws DwarfException {
        if (v.block() != null) {
            return v.block();
        }
        long base = u.root.has(AT_LOW_PC) ? reader.address(u, u.root.get(AT_LOW_PC)) : 0;
        if (u.version() >= 5) {
            long offset = v.form() == Forms.LOCLISTX ? listOffset(u, ".debug_loclists", u.loclistsBase, v.number())
                    : v.number();
            return locationList5(u, offset, base, address);
        }
        byte[][] found = new byte[1][];
        pairList(u, ".debug_loc", v.number(), base, (start, end, in) -> {
            byte[] expression = in.bytes(in.u16());
            if (address >= start && address < end) {
                found[0] = expression;
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** An entry of a DWARF 4 range or location list: its addresses, and the cursor after them. */
    private interface PairEntry {
        /** Reads what follows the addresses, if anything; true ends the walk. */
        boolean visit(long start, long end, DwarfCursor in) throws DwarfException;
    }

    /**
     * Walks the DWARF 4 list at {@code offset} of {@code section} ({@code .debug_ranges} or {@code .debug_loc},
     * sections 2.17.3 and 2.6.2): pairs of addresses relative to {@code base}, a pair of zeros ending it, a first
     * address of all ones selecting a new base.
     */
    private void pairList(DebugInfoReader.Unit u, String section, long offset, long base, PairEntry entry)
            throws DwarfException {
        DwarfCursor in = new DwarfCursor(sections(section), section, 0);
        in.seek(offset);
        int size = u.context.addressSize();
        long max = size == 8 ? -1L : 0xFFFF_FFFFL;
        while (true) {
            long start = in.unsigned(size);
            long end = in.unsigned(size);
            if (start == 0 && end == 0) {
                return;
            }
            if (start == max) {
                base = end;
            } else if (entry.visit(base + start, base + end, in)) {
                return;
            }
        }
    }

    /** DWARF 5's location list at {@code offset} of {@code .debug_loclists} (section 2.6.2). */
    private byte[] locationList5(DebugInfoReader.Unit u, long offset, long base, long address)
            throws DwarfException {
        DwarfCursor in = new DwarfCursor(sections(".debug_loclists"), ".debug_loclists", 0);
        in.seek(offset);
        int size = u.context.addressSize();
        byte[] fallback = null;
        while (true) {
            int kind = in.u8();
            long start;
            long end;
            switch (kind) {
                case 0 -> {
                    return fallback;
                }
                case 1 -> {
                    base = indexedAddress(u, in.uleb());
                    continue;
                }
                case 6 -> {
                    base = in.unsigned(size);
                    continue;
                }
                case 2 -> {
                    start = indexedAddress(u, in.uleb());
                    end = indexedAddress(u, in.uleb());
                }
                case 3 -> {
                    start = indexedAddress(u, in.uleb());
                    end = start + in.uleb();
                }
                case 4 -> {
                    start = base + in.uleb();
                    end = base + in.uleb();
                }
                case 5 -> {
                    start = 0;
                    end = 0;
                }
                case 7 -> {
                    start = in.unsigned(size);
                    end = in.unsigned(size);
                }
                case 8 -> {
                    start = in.unsigned(size);
                    end = start + in.uleb();
                }
                default -> throw in.error("unknown location list entry kind " + kind);
            }
            long length = in.uleb();
            if (length > in.remaining()) {
                throw in.error("a location of " + length + " bytes runs past the end of the data");
            }
            byte[] expression = in.bytes((int) length);
            if (kind == 5) {
                fallback = expression;
            } else if (address >= start && address < end) {
                return expression;
            }
        }
    }

    // ---- Rust ----

    private static boolean isRust(DebugInfoReader.Unit u) {
        AttributeValue language = u.root.get(AT_LANGUAGE);
        return language != null && language.number() == LANG_RUST;
    }

    /** What a Rust type has besides what C's have: its path, an enum's variants, its type parameters. */
    private DwarfType.Rust rust(DebugInfoReader.Unit u, Map<Long, Die> dies, Die d, String name)
            throws DwarfException {
        DwarfType.Variants variants = null;
        List<DwarfType.Member> parameters = new ArrayList<>();
        for (Die c : d.children()) {
            if (c.tag() == TAG_VARIANT_PART && variants == null) {
                variants = variants(u, dies, c);
            } else if (c.tag() == TAG_TEMPLATE_TYPE_PARAMETER) {
                parameters.add(new DwarfType.Member(reader.string(u, c.get(AT_NAME)), target(u, dies, c), 0, 0));
            }
        }
        return new DwarfType.Rust(path(u, d, name), variants, parameters);
    }

    /**
     * A variant part's variants: each {@code DW_TAG_variant} holds its {@code DW_AT_discr_value} (none for the
     * default variant) and one member, named after the variant; {@code DW_AT_discr} names the member that holds
     * the discriminant, a child of the variant part.
     */
    private DwarfType.Variants variants(DebugInfoReader.Unit u, Map<Long, Die> dies, Die part) throws DwarfException {
        AttributeValue discr = part.get(AT_DISCR);
        long discrOffset = discr == null ? -1 : reference(u, discr);
        DwarfType.Member discriminant = null;
        List<DwarfType.Variant> variants = new ArrayList<>();
        for (Die c : part.children()) {
            if (c.tag() == TAG_MEMBER && c.offset() == discrOffset) {
                discriminant = member(u, dies, c);
            } else if (c.tag() == TAG_VARIANT) {
                Long value = c.has(AT_DISCR_VALUE) ? c.get(AT_DISCR_VALUE).number() : null;
                for (Die m : c.children()) {
                    if (m.tag() == TAG_MEMBER) {
                        variants.add(new DwarfType.Variant(value, member(u, dies, m)));
                        break;
                    }
                }
            }
        }
        return new DwarfType.Variants(discriminant, variants);
    }

    private DwarfType.Member member(DebugInfoReader.Unit u, Map<Long, Die> dies, Die m) throws DwarfException {
        AttributeValue where = m.get(AT_DATA_MEMBER_LOCATION);
        long offset = where == null || where.block() != null ? 0 : where.number();
        return new DwarfType.Member(reader.string(u, m.get(AT_NAME)), target(u, dies, m), offset, 0);
    }

    /**
     * {@code name} inside the namespaces and types around {@code d}: {@code alloc::vec::Vec<u8, ...>}. Names that
     * rustc writes whole ({@code &str}, {@code (u32, usize)}, pointers) sit at the unit's top level and stay as
     * they are.
     */
    private String path(DebugInfoReader.Unit u, Die d, String name) throws DwarfException {
        if (name == null) {
            return null;
        }
        StringBuilder path = new StringBuilder(name);
        Die at = parents.get(d.offset());
        for (int depth = 0; at != null && depth < 64; depth++) {
            int tag = at.tag();
            if (tag != TAG_NAMESPACE && tag != TAG_STRUCTURE_TYPE && tag != TAG_UNION_TYPE
                    && tag != TAG_ENUMERATION_TYPE) {
                break;
            }
            String outer = reader.string(u, at.get(AT_NAME));
            if (outer == null) {
                break;
            }
            path.insert(0, outer + "::");
            at = parents.get(at.offset());
        }
        return path.toString();
    }
}
