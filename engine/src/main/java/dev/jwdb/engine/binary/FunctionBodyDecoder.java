package dev.jwdb.engine.binary;

import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.LocalRuns;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/** Reads one entry of the code section: its size, its run-length encoded locals and its body. */
final class FunctionBodyDecoder {
    /**
     * The spec only bounds locals by 2^32-1, but the model keeps one entry per local, so a module declaring billions
     * of them must be refused before they are expanded. 50000 is the limit the major engines agree on.
     */
    static final int MAX_LOCALS = 50_000;

    /** A function body before it is paired with its type index from the function section. */
    record Code(List<ValType> locals, List<Instruction> body, int bodyOffset) {
    }

    private final ByteReader in;
    private final InstructionDecoder instructions;

    FunctionBodyDecoder(ByteReader in, InstructionDecoder instructions) {
        this.in = in;
        this.instructions = instructions;
    }

    Code code() {
        int bodyOffset = in.position();
        int size = in.count();
        int start = in.position();
        List<ValType> locals = locals();
        List<Instruction> body = instructions.expression();
        if (in.position() != start + size) {
            throw in.error("section size mismatch", start);
        }
        return new Code(locals, body, bodyOffset);
    }

    private List<ValType> locals() {
        int at = in.position();
        int runs = in.count();
        long[] counts = new long[runs];
        ValType[] types = new ValType[runs];
        long total = 0;
        // Every run is read before any is expanded: a malformed later run must still report its own error.
        for (int i = 0; i < runs; i++) {
            counts[i] = in.unsigned(32);
            types[i] = TypeDecoder.valueType(in);
            total += counts[i];
        }
        if (total > MAX_LOCALS) {
            throw in.error("too many locals", at);
        }
        return new LocalRuns(counts, types);
    }
}
