package dev.jwdb.bench;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.BinaryEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * A large module for the load measurement: the given modules' function bodies, copied until the binary reaches the
 * wanted size. Copies are appended after the originals and call only original functions (indices are unchanged),
 * so the result is valid; only the first module's imports, memory, tables, globals, exports and data are kept.
 */
final class LargeModule {
    private LargeModule() {
    }

    static byte[] build(byte[] seed, int targetBytes) {
        Module m = BinaryDecoder.decode(seed);
        byte[] bytes = BinaryEncoder.encode(m);
        int copies = Math.max(1, targetBytes / bytes.length);
        while (true) {
            byte[] big = withCopies(m, copies);
            if (big.length >= targetBytes) {
                return big;
            }
            copies = Math.max(copies + 1, (int) ((long) copies * targetBytes / big.length));
        }
    }

    private static byte[] withCopies(Module m, int copies) {
        List<Function> functions = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            functions.addAll(m.functions());
        }
        Module big = new Module(m.types(), m.imports(), functions, m.tables(), m.memories(), m.globals(),
                m.exports(), m.start(), m.elements(), m.data(), m.dataCount(), List.of(), m.names());
        return BinaryEncoder.encode(big);
    }
}
