package dev.jwdb.debugger;

import dev.jwdb.engine.text.Disassembler;

import java.util.List;

/**
 * A function as WAT text, one instruction per line, for {@code disas} and {@code list}.
 *
 * @param header  the {@code (func ...)} line and its local declarations
 * @param lines   one per body instruction; line {@code i} is instruction {@code i}
 * @param current the index of the instruction the selected frame is at, or -1 when it is not in this function
 */
public record Listing(Location function, List<String> header, List<Disassembler.Line> lines, int current) {
    public Listing {
        header = List.copyOf(header);
        lines = List.copyOf(lines);
    }

    /** The lines as {@code disas} shows them, {@code =>} before the current instruction. */
    public List<String> rendered() {
        return lines.stream().map(l -> l.render(l.index() == current)).toList();
    }
}
