package dev.jwdb.debugger;

/**
 * Where the Code section's payload starts in a binary module: the origin of DWARF addresses in WebAssembly, which
 * are byte offsets from there (the WebAssembly DWARF convention). Read from the section headers alone; the module
 * has been decoded already, so the headers are known to be well formed, but nothing here relies on it.
 */
final class CodeSection {
    private static final int CODE = 10;

    private CodeSection() {
    }

    /** The offset of the Code section's first payload byte, or -1 when there is none (or the bytes are no module). */
    static long payloadStart(byte[] binary) {
        int at = 8; // magic and version
        while (at < binary.length) {
            int id = binary[at++] & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                if (at >= binary.length || shift > 28) {
                    return -1;
                }
                b = binary[at++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (id == CODE) {
                return at;
            }
            if (size > binary.length - at) {
                return -1;
            }
            at += (int) size;
        }
        return -1;
    }
}
