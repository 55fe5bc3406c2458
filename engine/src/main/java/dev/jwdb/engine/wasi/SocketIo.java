package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * Reads and writes on guest sockets. Host channels stay non-blocking so that {@code poll_oneoff} can select on
 * them; a guest socket without {@code FDFLAG_NONBLOCK} gets blocking behaviour by waiting here, bounded by its
 * receive or send timeout ({@code EAGAIN} when it expires, as POSIX does).
 */
final class SocketIo {
    private SocketIo() {
    }

    static int read(Descriptor.Stream s, byte[] buf, int capacity, boolean peek, boolean waitAll)
            throws IOException {
        if (capacity == 0) {
            return 0;
        }
        int n = Math.min(s.peeked.length, capacity);
        System.arraycopy(s.peeked, 0, buf, 0, n);
        if (!peek) {
            s.peeked = Arrays.copyOfRange(s.peeked, n, s.peeked.length);
        }
        if (n > 0 && (!waitAll || n == capacity)) {
            return n;
        }
        while (true) {
            int r = s.channel.read(ByteBuffer.wrap(buf, n, capacity - n));
            if (r < 0) {
                return n;
            }
            if (r > 0) {
                if (peek) {
                    byte[] more = Arrays.copyOf(s.peeked, s.peeked.length + r);
                    System.arraycopy(buf, n, more, s.peeked.length, r);
                    s.peeked = more;
                }
                n += r;
                if (!waitAll || n == capacity) {
                    return n;
                }
                continue;
            }
            if (n > 0 && !waitAll) {
                return n;
            }
            if (s.nonBlocking()
                    || !await(s.channel, SelectionKey.OP_READ, SocketOptions.timeoutMillis(s.options.receiveTimeoutNanos))) {
                if (n > 0) {
                    return n;
                }
                throw new ErrnoException(Errno.AGAIN);
            }
        }
    }

    static int write(Descriptor.Stream s, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int written = 0;
        while (buffer.hasRemaining()) {
            int w = s.channel.write(buffer);
            written += w;
            if (w == 0 && (s.nonBlocking()
                    || !await(s.channel, SelectionKey.OP_WRITE, SocketOptions.timeoutMillis(s.options.sendTimeoutNanos)))) {
                if (written > 0) {
                    return written;
                }
                throw new ErrnoException(Errno.AGAIN);
            }
        }
        return written;
    }

    /** Waits until the channel is ready for {@code ops}; 0 waits without limit. False on timeout. */
    static boolean await(SelectableChannel channel, int ops, long timeoutMillis) throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, ops);
            return selector.select(timeoutMillis) > 0;
        }
    }
}
