package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/**
 * The SOL_SOCKET options of WasmEdge's {@code sock_setsockopt}, numbered as in its ABI. They are kept here so that
 * a socket opened before it is bound or connected can carry them, and applied to the host socket when it exists.
 * Receive and send timeouts are enforced by the host's own waits, since NIO channels have none.
 */
final class SocketOptions {
    static final int SO_REUSEADDR = 0;
    static final int SO_TYPE = 1;
    static final int SO_ERROR = 2;
    static final int SO_DONTROUTE = 3;
    static final int SO_BROADCAST = 4;
    static final int SO_SNDBUF = 5;
    static final int SO_RCVBUF = 6;
    static final int SO_KEEPALIVE = 7;
    static final int SO_OOBINLINE = 8;
    static final int SO_LINGER = 9;
    static final int SO_RCVLOWAT = 10;
    static final int SO_RCVTIMEO = 11;
    static final int SO_SNDTIMEO = 12;
    static final int SO_ACCEPTCONN = 13;

    /** WasmEdge's socket type number for a stream socket. */
    static final int SOCK_STREAM = 2;

    boolean reuseAddress;
    boolean keepAlive;
    boolean broadcast;
    boolean dontRoute;
    boolean oobInline;
    int sendBuffer;
    int receiveBuffer;
    int receiveLowWater = 1;
    int lingerOn;
    int lingerSeconds;
    long receiveTimeoutNanos;
    long sendTimeoutNanos;

    /** Applies what the host socket supports; buffer sizes of 0 mean "the system default". */
    void applyTo(NetworkChannel channel) throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEADDR)) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        }
        if (receiveBuffer > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        }
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_KEEPALIVE)) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepAlive);
            if (sendBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
            }
            channel.setOption(StandardSocketOptions.SO_LINGER, lingerOn != 0 ? lingerSeconds : -1);
        }
    }

    static long timeoutMillis(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }
}
