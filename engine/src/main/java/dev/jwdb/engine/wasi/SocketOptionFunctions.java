package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.channels.NetworkChannel;

/**
 * WasmEdge's {@code sock_setsockopt}/{@code sock_getsockopt} at level SOL_SOCKET (0): integer options take 4
 * bytes, {@code SO_LINGER} 8 (on, seconds), the timeouts a 16-byte timeval (seconds, microseconds as i64).
 */
final class SocketOptionFunctions {
    private static final int SOL_SOCKET = 0;

    private final HostContext context;

    SocketOptionFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("sock_setsockopt", "iiiii", this::set);
        t.add("sock_getsockopt", "iiiii", this::get);
    }

    private Errno set(Guest g, long[] a) throws IOException {
        Descriptor.Socket s = socket(a[0]);
        int name = level(a[1], a[2]);
        long value = Guest.pointer(a[3]);
        long size = Guest.pointer(a[4]);
        g.check(value, size);
        SocketOptions o = s.options;
        if (name == SocketOptions.SO_LINGER) {
            expect(size, 8);
            o.lingerOn = g.i32(value);
            o.lingerSeconds = g.i32(value + 4);
        } else if (name == SocketOptions.SO_RCVTIMEO || name == SocketOptions.SO_SNDTIMEO) {
            expect(size, 16);
            long nanos = g.i64(value) * 1_000_000_000L + g.i64(value + 8) * 1_000L;
            if (nanos < 0) {
                return Errno.INVAL;
            }
            if (name == SocketOptions.SO_RCVTIMEO) {
                o.receiveTimeoutNanos = nanos;
            } else {
                o.sendTimeoutNanos = nanos;
            }
        } else {
            expect(size, 4);
            int v = g.i32(value);
            if (name == SocketOptions.SO_REUSEADDR) {
                o.reuseAddress = v != 0;
            } else if (name == SocketOptions.SO_KEEPALIVE) {
                o.keepAlive = v != 0;
            } else if (name == SocketOptions.SO_BROADCAST) {
                o.broadcast = v != 0;
            } else if (name == SocketOptions.SO_DONTROUTE) {
                o.dontRoute = v != 0;
            } else if (name == SocketOptions.SO_OOBINLINE) {
                o.oobInline = v != 0;
            } else if (name == SocketOptions.SO_SNDBUF) {
                o.sendBuffer = v;
            } else if (name == SocketOptions.SO_RCVBUF) {
                o.receiveBuffer = v;
            } else if (name == SocketOptions.SO_RCVLOWAT) {
                o.receiveLowWater = v;
            } else {
                return Errno.NOPROTOOPT;
            }
        }
        NetworkChannel channel = channel(s);
        if (channel != null) {
            o.applyTo(channel);
        }
        return Errno.SUCCESS;
    }

    private Errno get(Guest g, long[] a) {
        Descriptor.Socket s = socket(a[0]);
        int name = level(a[1], a[2]);
        long value = Guest.pointer(a[3]);
        long sizePtr = Guest.pointer(a[4]);
        long size = g.u32(sizePtr);
        SocketOptions o = s.options;
        if (name == SocketOptions.SO_LINGER) {
            expect(size, 8);
            g.check(value, 8);
            g.putI32(value, o.lingerOn);
            g.putI32(value + 4, o.lingerSeconds);
            return Errno.SUCCESS;
        }
        if (name == SocketOptions.SO_RCVTIMEO || name == SocketOptions.SO_SNDTIMEO) {
            expect(size, 16);
            g.check(value, 16);
            long nanos = name == SocketOptions.SO_RCVTIMEO ? o.receiveTimeoutNanos : o.sendTimeoutNanos;
            g.putI64(value, nanos / 1_000_000_000L);
            g.putI64(value + 8, nanos % 1_000_000_000L / 1_000L);
            return Errno.SUCCESS;
        }
        expect(size, 4);
        g.check(value, 4);
        int v;
        if (name == SocketOptions.SO_REUSEADDR) {
            v = o.reuseAddress ? 1 : 0;
        } else if (name == SocketOptions.SO_TYPE) {
            v = SocketOptions.SOCK_STREAM;
        } else if (name == SocketOptions.SO_ERROR) {
            v = 0;
        } else if (name == SocketOptions.SO_KEEPALIVE) {
            v = o.keepAlive ? 1 : 0;
        } else if (name == SocketOptions.SO_BROADCAST) {
            v = o.broadcast ? 1 : 0;
        } else if (name == SocketOptions.SO_DONTROUTE) {
            v = o.dontRoute ? 1 : 0;
        } else if (name == SocketOptions.SO_OOBINLINE) {
            v = o.oobInline ? 1 : 0;
        } else if (name == SocketOptions.SO_SNDBUF) {
            v = o.sendBuffer;
        } else if (name == SocketOptions.SO_RCVBUF) {
            v = o.receiveBuffer;
        } else if (name == SocketOptions.SO_RCVLOWAT) {
            v = o.receiveLowWater;
        } else if (name == SocketOptions.SO_ACCEPTCONN) {
            v = s instanceof Descriptor.Listener ? 1 : 0;
        } else {
            return Errno.NOPROTOOPT;
        }
        g.putI32(value, v);
        g.putI32(sizePtr, 4);
        return Errno.SUCCESS;
    }

    private Descriptor.Socket socket(long fd) {
        Descriptor d = context.fds.get(fd);
        if (d instanceof Descriptor.Socket s) {
            return s;
        }
        throw new ErrnoException(Errno.NOTSOCK);
    }

    private static int level(long level, long name) {
        if (level != SOL_SOCKET) {
            throw new ErrnoException(Errno.NOPROTOOPT);
        }
        return (int) name;
    }

    private static void expect(long size, int wanted) {
        if (size < wanted) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    private static NetworkChannel channel(Descriptor.Socket s) {
        if (s instanceof Descriptor.Listener l) {
            return l.channel;
        }
        if (s instanceof Descriptor.Stream st) {
            return st.channel;
        }
        return null;
    }
}
