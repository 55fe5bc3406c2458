package dev.jwdb.debugger;

/** How memory bytes are read as a scalar: gdb's {@code x} sizes and formats, in Wasm's words. */
public enum MemoryFormat {
    I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), U64(8), F32(4), F64(8);

    private final int width;

    MemoryFormat(int width) {
        this.width = width;
    }

    /** Bytes per value. */
    public int width() {
        return width;
    }

    /** The format named {@code i8}, {@code u32}, {@code f64}...; null when there is none. */
    public static MemoryFormat named(String name) {
        for (MemoryFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
