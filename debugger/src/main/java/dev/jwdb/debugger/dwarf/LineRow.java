package dev.jwdb.debugger.dwarf;

/**
 * One row of a line-number matrix (DWARF 5 section 6.2.2): the state machine's registers when a row was appended.
 * In WebAssembly an address is a byte offset from the start of the Code section's payload.
 *
 * @param file        the file register: an index into the program's file table (1-based before DWARF 5, 0-based
 *                    from DWARF 5 on; {@link LineProgram#file} takes either)
 * @param line        1-based, 0 for code that belongs to no line (compiler-generated)
 * @param column      1-based, 0 when unknown
 * @param isStmt      whether the address is a recommended breakpoint location: the start of a statement
 * @param endSequence the row is the first address after a sequence, not an instruction of it
 */
public record LineRow(long address, int file, int line, int column, boolean isStmt, boolean prologueEnd,
                      boolean epilogueBegin, boolean endSequence, int discriminator) {
}
