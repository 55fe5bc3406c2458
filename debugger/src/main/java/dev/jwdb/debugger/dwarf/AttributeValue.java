package dev.jwdb.debugger.dwarf;

/**
 * One attribute's value as read: a number (constants, offsets, references, flags, string indices), a string read
 * in place ({@code DW_FORM_string}, or one already looked up), or a block of bytes (blocks, expressions,
 * {@code DW_FORM_data16}). Which one is meant follows from the form.
 */
record AttributeValue(int form, long number, String string, byte[] block) {
    static AttributeValue number(int form, long n) {
        return new AttributeValue(form, n, null, null);
    }

    boolean isString() {
        return Forms.isString(form);
    }
}
