package dev.jwdb.robustness;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small binaries that ask for huge things: 2^32-1 functions, types or imports, a data segment claiming 4 GiB of
 * bytes, a table of 2^32-1 elements, a 4 GiB memory, billions of locals, and 100000 nested blocks. Each is a few
 * bytes to a few hundred kilobytes; none may make the engine allocate in proportion to what it declares.
 */
final class HostileModules {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};
    /** 2^32 - 1, the largest count a u32 can declare. */
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private HostileModules() {
    }

    /** Name to binary, in a fixed order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("2^32-1 functions", module(section(1, bytes(1, 0x60, 0, 0)), section(3, leb(MAX_U32))));
        out.put("2^32-1 function entries, all present as bytes the decoder must not trust",
                module(section(1, bytes(1, 0x60, 0, 0)), section(3, cat(leb(MAX_U32), new byte[4096]))));
        out.put("2^32-1 types", module(section(1, cat(leb(MAX_U32), bytes(0x60, 0, 0)))));
        out.put("2^32-1 imports", module(section(2, leb(MAX_U32))));
        out.put("data segment of 4 GiB - 1 bytes", module(section(5, bytes(1, 0, 1)),
                section(11, cat(bytes(1, 0, 0x41, 0, 0x0B), leb(MAX_U32), new byte[16]))));
        out.put("data segment written at 4 GiB - 1", module(section(5, bytes(1, 0, 1)),
                section(11, cat(bytes(1, 0, 0x41), sleb(-1), bytes(0x0B), leb(2), bytes('a', 'b')))));
        out.put("memory of 65536 pages (4 GiB)", module(section(5, cat(bytes(1, 0), leb(65536)))));
        out.put("table of 2^32-1 elements", module(section(4, cat(bytes(1, 0x70, 0), leb(MAX_U32)))));
        out.put("2^32-1 locals in one function", localsModule(1, MAX_U32));
        out.put("20000 functions of 50000 locals each", localsModule(20_000, 50_000));
        out.put("br_table of 2^32-1 labels", brTable());
        out.put("100000 nested blocks", nestedBlocks(100_000));
        return out;
    }

    /** {@code (func (export "f") (result i32) block*depth end*depth i32.const 7)}. */
    static byte[] nestedBlocks(int depth) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        for (int i = 0; i < depth; i++) {
            body.write(0x02);
            body.write(0x40);
        }
        for (int i = 0; i < depth; i++) {
            body.write(0x0B);
        }
        body.writeBytes(bytes(0x41, 7, 0x0B));
        return module(section(1, bytes(1, 0x60, 0, 1, 0x7F)), section(3, bytes(1, 0)),
                section(7, bytes(1, 1, 'f', 0, 0)), section(10, cat(leb(1), leb(body.size()), body.toByteArray())));
    }

    private static byte[] localsModule(int functions, long localsPerFunction) {
        byte[] body = cat(bytes(1), leb(localsPerFunction), bytes(0x7F, 0x0B));
        byte[] entry = cat(leb(body.length), body);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(leb(functions));
        ByteArrayOutputStream funcs = new ByteArrayOutputStream();
        funcs.writeBytes(leb(functions));
        for (int i = 0; i < functions; i++) {
            code.writeBytes(entry);
            funcs.write(0);
        }
        return module(section(1, bytes(1, 0x60, 0, 0)), section(3, funcs.toByteArray()),
                section(10, code.toByteArray()));
    }

    private static byte[] brTable() {
        byte[] body = cat(bytes(0, 0x41, 0, 0x0E), leb(MAX_U32), new byte[64], bytes(0x0B));
        return module(section(1, bytes(1, 0x60, 0, 0)), section(3, bytes(1, 0)),
                section(10, cat(leb(1), leb(body.length), body)));
    }

    static byte[] module(byte[]... sections) {
        return cat(HEADER, cat(sections));
    }

    static byte[] section(int id, byte[] content) {
        return cat(bytes(id), leb(content.length), content);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] leb(long value) {
        return BinaryMutator.leb(value);
    }

    static byte[] sleb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
