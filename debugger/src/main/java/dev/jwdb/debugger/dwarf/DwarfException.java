package dev.jwdb.debugger.dwarf;

/**
 * DWARF data that cannot be read: truncated, inconsistent, or of a version or form this reader does not know. The
 * message names the section and the byte offset in it, so a note about it says where to look.
 */
public final class DwarfException extends Exception {
    public DwarfException(String message) {
        super(message);
    }
}
