package dev.jwdb.debugger.dwarf;

/**
 * The attribute forms of DWARF 2 to 5 (DWARF 5 section 7.5.6, table 7.6), and how to read a value of each. Every
 * form's size can be known, so an attribute this reader has no use for is skipped rather than refused.
 */
final class Forms {
    static final int ADDR = 0x01;
    static final int BLOCK2 = 0x03;
    static final int BLOCK4 = 0x04;
    static final int DATA2 = 0x05;
    static final int DATA4 = 0x06;
    static final int DATA8 = 0x07;
    static final int STRING = 0x08;
    static final int BLOCK = 0x09;
    static final int BLOCK1 = 0x0a;
    static final int DATA1 = 0x0b;
    static final int FLAG = 0x0c;
    static final int SDATA = 0x0d;
    static final int STRP = 0x0e;
    static final int UDATA = 0x0f;
    static final int REF_ADDR = 0x10;
    static final int REF1 = 0x11;
    static final int REF2 = 0x12;
    static final int REF4 = 0x13;
    static final int REF8 = 0x14;
    static final int REF_UDATA = 0x15;
    static final int INDIRECT = 0x16;
    static final int SEC_OFFSET = 0x17;
    static final int EXPRLOC = 0x18;
    static final int FLAG_PRESENT = 0x19;
    static final int STRX = 0x1a;
    static final int ADDRX = 0x1b;
    static final int REF_SUP4 = 0x1c;
    static final int STRP_SUP = 0x1d;
    static final int DATA16 = 0x1e;
    static final int LINE_STRP = 0x1f;
    static final int REF_SIG8 = 0x20;
    static final int IMPLICIT_CONST = 0x21;
    static final int LOCLISTX = 0x22;
    static final int RNGLISTX = 0x23;
    static final int REF_SUP8 = 0x24;
    static final int STRX1 = 0x25;
    static final int STRX2 = 0x26;
    static final int STRX3 = 0x27;
    static final int STRX4 = 0x28;
    static final int ADDRX1 = 0x29;
    static final int ADDRX2 = 0x2a;
    static final int ADDRX3 = 0x2b;
    static final int ADDRX4 = 0x2c;
    static final int GNU_ADDR_INDEX = 0x1f01;
    static final int GNU_STR_INDEX = 0x1f02;
    static final int GNU_REF_ALT = 0x1f20;
    static final int GNU_STRP_ALT = 0x1f21;

    private Forms() {
    }

    /** What a value's reading depends on besides the form: the unit's sizes and the string sections. */
    record Context(int version, int offsetSize, int addressSize, DebugSections sections) {
    }

    static boolean isString(int form) {
        return switch (form) {
            case STRING, STRP, LINE_STRP, STRX, STRX1, STRX2, STRX3, STRX4, GNU_STR_INDEX, STRP_SUP, GNU_STRP_ALT ->
                    true;
            default -> false;
        };
    }

    /**
     * Reads a value of {@code form}. {@code implicitConst} is the value an abbreviation gave
     * {@code DW_FORM_implicit_const}. Strings by offset ({@code strp}, {@code line_strp}) are looked up now;
     * strings by index ({@code strx}) keep the index, for the unit to look up with its string offsets base.
     */
    static AttributeValue read(DwarfCursor in, int form, long implicitConst, Context unit) throws DwarfException {
        return switch (form) {
            case ADDR -> AttributeValue.number(form, in.unsigned(unit.addressSize()));
            case DATA1, REF1, FLAG, STRX1, ADDRX1 -> AttributeValue.number(form, in.u8());
            case DATA2, REF2, STRX2, ADDRX2 -> AttributeValue.number(form, in.u16());
            case STRX3, ADDRX3 -> AttributeValue.number(form, in.u24());
            case DATA4, REF4, REF_SUP4, STRX4, ADDRX4 -> AttributeValue.number(form, in.u32());
            case DATA8, REF8, REF_SIG8, REF_SUP8 -> AttributeValue.number(form, in.u64());
            case DATA16 -> new AttributeValue(form, 0, null, in.bytes(16));
            case SDATA -> AttributeValue.number(form, in.sleb());
            case UDATA, REF_UDATA, STRX, ADDRX, LOCLISTX, RNGLISTX, GNU_ADDR_INDEX, GNU_STR_INDEX ->
                    AttributeValue.number(form, in.uleb());
            case STRING -> new AttributeValue(form, 0, in.cstring(), null);
            case STRP -> {
                long offset = in.offset();
                yield new AttributeValue(form, offset, DwarfCursor.stringAt(unit.sections().get(".debug_str"),
                        ".debug_str", offset), null);
            }
            case LINE_STRP -> {
                long offset = in.offset();
                yield new AttributeValue(form, offset, DwarfCursor.stringAt(unit.sections().get(".debug_line_str"),
                        ".debug_line_str", offset), null);
            }
            case STRP_SUP, GNU_STRP_ALT, GNU_REF_ALT, SEC_OFFSET -> AttributeValue.number(form, in.offset());
            case REF_ADDR -> AttributeValue.number(form, in.unsigned(unit.version() <= 2 ? unit.addressSize()
                    : in.offsetSize));
            case BLOCK1 -> block(in, form, in.u8());
            case BLOCK2 -> block(in, form, in.u16());
            case BLOCK4 -> block(in, form, in.u32());
            case BLOCK, EXPRLOC -> block(in, form, in.uleb());
            case FLAG_PRESENT -> AttributeValue.number(form, 1);
            case IMPLICIT_CONST -> AttributeValue.number(form, implicitConst);
            case INDIRECT -> {
                int actual = in.ulebInt("form");
                if (actual == INDIRECT) {
                    throw in.error("DW_FORM_indirect naming DW_FORM_indirect");
                }
                yield read(in, actual, implicitConst, unit);
            }
            default -> throw in.error("unknown attribute form 0x" + Integer.toHexString(form));
        };
    }

    private static AttributeValue block(DwarfCursor in, int form, long length) throws DwarfException {
        if (length > in.remaining()) {
            throw in.error("a block of " + length + " bytes runs past the end of the data");
        }
        return new AttributeValue(form, length, null, in.bytes((int) length));
    }
}
