package dev.jwdb.engine.model;

import java.util.List;

/**
 * A function defined in the module. {@code locals} lists the declared locals (parameters excluded), one entry per
 * local; {@code body} is the flat instruction sequence including the final {@code end}.
 * {@code bodyOffset} is the byte offset of the body's size field in the binary, or -1 when parsed from text.
 */
public record Function(int typeIndex, List<ValType> locals, List<Instruction> body, int bodyOffset) {
    public Function {
        // LocalRuns is immutable already; copying it would expand it to one entry per local.
        locals = locals instanceof LocalRuns ? locals : List.copyOf(locals);
        body = List.copyOf(body);
    }
}
