package dev.jwdb.debugger.dwarf;

import java.util.List;

/**
 * One unit of {@code .debug_line}: the header's file table and the rows its program produced, in program order
 * (each sequence in increasing address order, ended by an {@code end_sequence} row).
 *
 * @param offset       the unit's offset in {@code .debug_line} (what a compile unit's {@code DW_AT_stmt_list} holds)
 * @param compDir      the compilation directory as DWARF 5 records it (directory 0), or null before DWARF 5
 * @param files        the file table, indexed by the file register minus {@link #firstFile}
 */
public record LineProgram(long offset, int version, String compDir, List<FileEntry> files, List<LineRow> rows) {
    public LineProgram {
        files = List.copyOf(files);
        rows = List.copyOf(rows);
    }

    /** The file register's value for the first file: 1 before DWARF 5, 0 from DWARF 5 on. */
    public int firstFile() {
        return version >= 5 ? 0 : 1;
    }

    /** The file that file register value {@code number} names, or null when there is none. */
    public FileEntry file(int number) {
        int i = number - firstFile();
        return i >= 0 && i < files.size() ? files.get(i) : null;
    }
}
