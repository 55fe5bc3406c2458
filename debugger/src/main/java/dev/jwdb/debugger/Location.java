package dev.jwdb.debugger;

/**
 * A point in the code: an instruction of a defined function.
 *
 * @param functionIndex the function's index in the module's function index space (imports first)
 * @param function      the function's display name: {@code $name} from the name section or text, else the export
 *                      name, else {@code func[index]}
 * @param instruction   the instruction's index in the function body (as in {@code disas})
 * @param offset        its byte offset in the binary module (for a text module, in the binary it encodes to)
 * @param source        the text file it was parsed from; for a binary with DWARF, the source file its line table
 *                      names ({@code stats.c}); null when unknown
 * @param line          its 1-based line in {@code source}, 0 when unknown
 * @param column        its 1-based column in {@code source}, 0 when unknown
 * @param text          the instruction as WAT text, e.g. {@code i32.add} or {@code call $fib}
 */
public record Location(int functionIndex, String function, int instruction, int offset, String source, int line,
                       int column, String text) {
    /** Whether the source line is known (the module came from text, or has DWARF lines for this instruction). */
    public boolean hasLine() {
        return line > 0;
    }

    /** {@code $fib+0x1c} style: the function and the byte offset, with {@code file:line} when known. */
    @Override
    public String toString() {
        String at = function + " @0x" + Integer.toHexString(offset);
        return hasLine() ? at + " (" + source + ":" + line + ")" : at;
    }
}
