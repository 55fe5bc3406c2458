package dev.jwdb.engine.wasi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WASI call as a person reads it, strace-style: the parameters by their preview1 names, strings and byte counts
 * read from guest memory, flags by name, and after the call its errno and what it wrote through its result pointers:
 * {@code path_open(fd=3, dirflags=symlink_follow, path="logs/app.log", oflags=creat|trunc, ...)} and
 * {@code ESUCCESS, fd=5}. Memory is only read, and a pointer outside it is shown as such, never followed.
 */
public final class WasiCallText {
    /** Longest string or byte preview shown; the rest is counted, not printed. */
    static final int PREVIEW = 48;

    /**
     * Each function's parameters, {@code name:kind} in order. A kind takes one Wasm parameter except {@code str},
     * {@code >str}, {@code iovs}, {@code ciovs} and {@code buf}, which take a pointer and a length; a kind starting
     * with {@code >} is where the call writes a result, shown after the call.
     */
    private static final Map<String, String[]> PARAMS = new HashMap<>();

    static {
        params("args_get", "argv:ptr argv_buf:ptr");
        params("args_sizes_get", "argc:>u32 argv_buf_size:>u32");
        params("environ_get", "environ:ptr environ_buf:ptr");
        params("environ_sizes_get", "environc:>u32 environ_buf_size:>u32");
        params("clock_res_get", "id:clock resolution:>u64");
        params("clock_time_get", "id:clock precision:u64 time:>u64");
        params("fd_advise", "fd:fd offset:u64 len:u64 advice:advice");
        params("fd_allocate", "fd:fd offset:u64 len:u64");
        params("fd_close", "fd:fd");
        params("fd_datasync", "fd:fd");
        params("fd_fdstat_get", "fd:fd stat:>fdstat");
        params("fd_fdstat_set_flags", "fd:fd flags:fdflags");
        params("fd_fdstat_set_rights", "fd:fd fs_rights_base:rights fs_rights_inheriting:rights");
        params("fd_filestat_get", "fd:fd stat:>filestat");
        params("fd_filestat_set_size", "fd:fd size:u64");
        params("fd_filestat_set_times", "fd:fd atim:u64 mtim:u64 fst_flags:fstflags");
        params("fd_pread", "fd:fd iovs:iovs offset:u64 nread:>u32");
        params("fd_prestat_get", "fd:fd prestat:>prestat");
        params("fd_prestat_dir_name", "fd:fd path:>str");
        params("fd_pwrite", "fd:fd iovs:ciovs offset:u64 nwritten:>u32");
        params("fd_read", "fd:fd iovs:iovs nread:>u32");
        params("fd_readdir", "fd:fd buf:buf cookie:u64 bufused:>u32");
        params("fd_renumber", "fd:fd to:fd");
        params("fd_seek", "fd:fd offset:s64 whence:whence newoffset:>u64");
        params("fd_sync", "fd:fd");
        params("fd_tell", "fd:fd offset:>u64");
        params("fd_write", "fd:fd iovs:ciovs nwritten:>u32");
        params("path_create_directory", "fd:fd path:str");
        params("path_filestat_get", "fd:fd flags:lookupflags path:str stat:>filestat");
        params("path_filestat_set_times", "fd:fd flags:lookupflags path:str atim:u64 mtim:u64 fst_flags:fstflags");
        params("path_link", "old_fd:fd old_flags:lookupflags old_path:str new_fd:fd new_path:str");
        params("path_open", "fd:fd dirflags:lookupflags path:str oflags:oflags fs_rights_base:rights"
                + " fs_rights_inheriting:rights fdflags:fdflags opened_fd:>fd");
        params("path_readlink", "fd:fd path:str buf:buf bufused:>u32");
        params("path_remove_directory", "fd:fd path:str");
        params("path_rename", "fd:fd old_path:str new_fd:fd new_path:str");
        params("path_symlink", "old_path:str fd:fd new_path:str");
        params("path_unlink_file", "fd:fd path:str");
        params("poll_oneoff", "in:ptr out:ptr nsubscriptions:u32 nevents:>u32");
        params("proc_exit", "rval:u32");
        params("proc_raise", "sig:u32");
        params("random_get", "buf:buf");
        params("sched_yield", "");
        params("sock_accept", "fd:fd flags:fdflags fd:>fd");
        params("sock_recv", "fd:fd ri_data:iovs ri_flags:riflags ro_datalen:>u32 ro_flags:>u32");
        params("sock_send", "fd:fd si_data:ciovs si_flags:u32 so_datalen:>u32");
        params("sock_shutdown", "fd:fd how:sdflags");
        params("sock_open", "af:u32 socktype:u32 fd:>fd");
        params("sock_bind", "fd:fd addr:ptr port:u32");
        params("sock_listen", "fd:fd backlog:u32");
        params("sock_connect", "fd:fd addr:ptr port:u32");
        params("sock_getaddrinfo", "node:str service:str hints:ptr res:ptr max_len:u32 res_len:>u32");
        params("sock_getlocaladdr", "fd:fd addr:ptr addr_type:ptr port:>u32");
        params("sock_getpeeraddr", "fd:fd addr:ptr addr_type:ptr port:>u32");
        params("sock_setsockopt", "fd:fd level:u32 name:u32 flag:ptr flag_size:u32");
        params("sock_getsockopt", "fd:fd level:u32 name:u32 flag:ptr flag_size:ptr");
    }

    private static final String[] CLOCKS = {"realtime", "monotonic", "process_cputime", "thread_cputime"};
    private static final String[] WHENCE = {"set", "cur", "end"};
    private static final String[] ADVICE = {"normal", "sequential", "random", "willneed", "dontneed", "noreuse"};
    private static final String[] FILETYPES = {"unknown", "block_device", "character_device", "directory",
        "regular_file", "socket_dgram", "socket_stream", "symbolic_link"};
    private static final String[] OFLAGS = {"creat", "directory", "excl", "trunc"};
    private static final String[] FDFLAGS = {"append", "dsync", "nonblock", "rsync", "sync"};
    private static final String[] LOOKUPFLAGS = {"symlink_follow"};
    private static final String[] FSTFLAGS = {"atim", "atim_now", "mtim", "mtim_now"};
    private static final String[] RIFLAGS = {"recv_peek", "recv_waitall"};
    private static final String[] SDFLAGS = {"rd", "wr"};

    private WasiCallText() {
    }

    private static void params(String function, String spec) {
        PARAMS.put(function, spec.isEmpty() ? new String[0] : spec.split(" "));
    }

    /** How many Wasm parameters a kind takes. */
    private static int width(String kind) {
        switch (kind) {
            case "str":
            case ">str":
            case "iovs":
            case "ciovs":
            case "buf":
                return 2;
            default:
                return 1;
        }
    }

    /** The Wasm parameter count {@code function}'s description expects, or -1 when it has none. */
    static int parameterCount(String function) {
        String[] spec = PARAMS.get(function);
        if (spec == null) {
            return -1;
        }
        int n = 0;
        for (String p : spec) {
            n += width(p.substring(p.indexOf(':') + 1));
        }
        return n;
    }

    /**
     * The call with its inputs, e.g. {@code fd_write(fd=1, iovs=[14 bytes: "hello, world!\n"])}; result pointers
     * are left out. An unknown function, or arguments that do not fit its description, are shown as numbers.
     */
    public static String call(String function, long[] args, GuestMemory memory) {
        String[] spec = PARAMS.get(function);
        List<String> shown = new ArrayList<>();
        if (spec == null || parameterCount(function) != args.length) {
            for (long a : args) {
                shown.add(Long.toString(a));
            }
        } else {
            int i = 0;
            for (String p : spec) {
                String name = p.substring(0, p.indexOf(':'));
                String kind = p.substring(p.indexOf(':') + 1);
                if (!kind.startsWith(">")) {
                    shown.add(name + "=" + input(kind, args, i, memory));
                }
                i += width(kind);
            }
        }
        return function + "(" + String.join(", ", shown) + ")";
    }

    /**
     * How the call ended: its errno ({@code ESUCCESS}, {@code ENOTCAPABLE}) and, when it succeeded, what it wrote
     * through its result pointers, e.g. {@code ESUCCESS, nwritten=14}.
     */
    public static String outcome(String function, long[] args, long[] results, GuestMemory memory) {
        if (results.length == 0) {
            return "returned";
        }
        Errno errno = Errno.of((int) results[0]);
        String text = errno == null ? "errno " + results[0] : errno.toString();
        String[] spec = PARAMS.get(function);
        if (errno != Errno.SUCCESS || spec == null || parameterCount(function) != args.length) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        for (String p : spec) {
            String name = p.substring(0, p.indexOf(':'));
            String kind = p.substring(p.indexOf(':') + 1);
            if (kind.equals(">str")) {
                out.append(", ").append(name).append('=').append(quoted(memory, args[i], args[i + 1]));
            } else if (kind.startsWith(">")) {
                out.append(", ").append(name).append('=').append(output(kind.substring(1), args[i], memory));
            }
            i += width(kind);
        }
        return out.toString();
    }

    private static String input(String kind, long[] a, int i, GuestMemory memory) {
        long v = a[i];
        switch (kind) {
            case "fd":
            case "u32":
                return Long.toString(v & 0xFFFF_FFFFL);
            case "u64":
                return Long.toUnsignedString(v);
            case "s64":
                return Long.toString(v);
            case "ptr":
                return hex(v & 0xFFFF_FFFFL);
            case "str":
                return quoted(memory, a[i], a[i + 1]);
            case "ciovs":
                return iovecs(memory, a[i], a[i + 1], true);
            case "iovs":
                return iovecs(memory, a[i], a[i + 1], false);
            case "buf":
                return "[" + pointer(a[i + 1]) + " bytes at " + hex(pointer(a[i])) + "]";
            case "clock":
                return name(CLOCKS, v);
            case "whence":
                return name(WHENCE, v);
            case "advice":
                return name(ADVICE, v);
            case "oflags":
                return flags(OFLAGS, v);
            case "fdflags":
                return flags(FDFLAGS, v);
            case "lookupflags":
                return flags(LOOKUPFLAGS, v);
            case "fstflags":
                return flags(FSTFLAGS, v);
            case "riflags":
                return flags(RIFLAGS, v);
            case "sdflags":
                return flags(SDFLAGS, v);
            case "rights":
                return hex(v);
            default:
                return Long.toString(v);
        }
    }

    private static String output(String kind, long address, GuestMemory memory) {
        long p = pointer(address);
        switch (kind) {
            case "u32":
            case "fd":
                return inside(memory, address, 4) ? Long.toString(memory.readI32(p) & 0xFFFF_FFFFL) : outside(p);
            case "u64":
                return inside(memory, address, 8) ? Long.toUnsignedString(memory.readI64(p)) : outside(p);
            case "fdstat":
                if (!inside(memory, address, 24)) {
                    return outside(p);
                }
                return "{" + name(FILETYPES, memory.readU8(p)) + ", flags=" + flags(FDFLAGS, memory.readU8(p + 2))
                        + ", rights=" + hex(memory.readI64(p + 8)) + ", inheriting=" + hex(memory.readI64(p + 16))
                        + "}";
            case "filestat":
                if (!inside(memory, address, 64)) {
                    return outside(p);
                }
                return "{" + name(FILETYPES, memory.readU8(p + 16)) + ", size="
                        + Long.toUnsignedString(memory.readI64(p + 32)) + "}";
            case "prestat":
                if (!inside(memory, address, 8)) {
                    return outside(p);
                }
                return "{dir, name_len=" + (memory.readI32(p + 4) & 0xFFFF_FFFFL) + "}";
            default:
                return hex(p);
        }
    }

    /** {@code [14 bytes: "hello, world!\n"]} for data written, {@code [4096 bytes]} for room to read into. */
    private static String iovecs(GuestMemory memory, long at, long count, boolean showData) {
        long p = pointer(at);
        long n = pointer(count);
        if (!inside(memory, at, n * 8)) {
            return outside(p);
        }
        long total = 0;
        StringBuilder data = new StringBuilder();
        boolean fits = true;
        for (long k = 0; k < n; k++) {
            long buf = memory.readI32(p + 8 * k) & 0xFFFF_FFFFL;
            long len = memory.readI32(p + 8 * k + 4) & 0xFFFF_FFFFL;
            total += len;
            if (showData && data.length() < PREVIEW) {
                if (!memory.contains(buf, len)) {
                    fits = false;
                } else {
                    byte[] b = new byte[(int) Math.min(len, PREVIEW)];
                    memory.read(buf, b, 0, b.length);
                    data.append(new String(b, StandardCharsets.UTF_8));
                }
            }
        }
        String size = "[" + total + (total == 1 ? " byte" : " bytes");
        if (!showData || total == 0) {
            return size + "]";
        }
        return size + (fits ? ": " + escape(data.toString(), total > PREVIEW || data.length() > PREVIEW) : "")
                + "]";
    }

    private static String quoted(GuestMemory memory, long at, long length) {
        long p = pointer(at);
        long n = pointer(length);
        if (!inside(memory, at, n)) {
            return "<" + n + " bytes at " + hex(p) + ", outside memory>";
        }
        byte[] b = new byte[(int) Math.min(n, PREVIEW)];
        memory.read(p, b, 0, b.length);
        return escape(new String(b, StandardCharsets.UTF_8), n > PREVIEW);
    }

    /** Quoted, with control characters escaped as C would; {@code ...} after it when it was cut. */
    private static String escape(String s, boolean cut) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < s.length() && shown < PREVIEW; i++, shown++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return cut || shown < s.length() ? out + "..." : out.toString();
    }

    private static String name(String[] names, long v) {
        return v >= 0 && v < names.length ? names[(int) v] : Long.toString(v);
    }

    private static String flags(String[] names, long v) {
        if (v == 0) {
            return "0";
        }
        List<String> set = new ArrayList<>();
        long rest = v;
        for (int bit = 0; bit < names.length; bit++) {
            if ((v & (1L << bit)) != 0) {
                set.add(names[bit]);
                rest &= ~(1L << bit);
            }
        }
        if (rest != 0) {
            set.add(hex(rest));
        }
        return String.join("|", set);
    }

    private static boolean inside(GuestMemory memory, long address, long length) {
        return memory.contains(pointer(address), length);
    }

    private static String outside(long p) {
        return "<" + hex(p) + ", outside memory>";
    }

    private static long pointer(long slot) {
        return slot & 0xFFFF_FFFFL;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
