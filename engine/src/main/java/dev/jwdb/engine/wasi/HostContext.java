package dev.jwdb.engine.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state shared by all WASI functions of one host: descriptors, grants in force, clocks, the listener. */
final class HostContext {
    final List<String> args;
    final Grants grants;
    final GuestStdio stdio;
    final DescriptorTable fds = new DescriptorTable();
    final GuestClock clock = new GuestClock();
    final GuestRandom random = new GuestRandom();
    /** Addresses the guest obtained from {@code sock_getaddrinfo}, by the name it resolved. */
    final Map<InetAddress, String> resolvedNames = new HashMap<>();
    /** The environment as sized by the last {@code environ_sizes_get}, so that {@code environ_get} fits it. */
    Map<String, String> environSnapshot;
    volatile CapabilityListener listener;
    GrantSet now;

    private final Map<ListenAddress, Descriptor.Listener> grantedListeners = new LinkedHashMap<>();
    private long syncedVersion = -1;

    HostContext(List<String> args, Grants grants, GuestStdio stdio, CapabilityListener listener) {
        this.args = List.copyOf(args);
        this.grants = grants;
        this.stdio = stdio;
        this.listener = listener;
        this.now = grants.snapshot();
        for (StdStream s : StdStream.values()) {
            fds.put(s.fd(), new Descriptor.Stdio(s));
        }
        fds.put(3, new Descriptor.OpenDirectory(GuestPath.ROOT, "/", Rights.DIRECTORY, Rights.DIRECTORY | Rights.FILE));
        for (DirGrant g : now.dirs()) {
            fds.add(new Descriptor.OpenDirectory(g.guest(), g.guest().toString(), Rights.DIRECTORY,
                    Rights.DIRECTORY | Rights.FILE));
        }
        List<IOException> failures = syncListeners();
        if (!failures.isEmpty()) {
            fds.closeAll();
            throw new UncheckedIOException(failures.get(0));
        }
    }

    /** Takes the grants in force for this call and opens or closes listeners granted or revoked since. */
    void beginCall() {
        now = grants.snapshot();
        syncListeners();
    }

    void allow(EventDraft draft) {
        listener.onEvent(draft.allowed());
    }

    /** Reports a denial; returns the errno to end the call with, or throws {@link CallHeld} if it is held. */
    ErrnoException deny(EventDraft draft, Errno errno, String reason, SuggestedGrant suggestion) {
        CapabilityEvent event = draft.denied(errno, reason, suggestion);
        if (listener.onEvent(event) == CapabilityListener.Verdict.HOLD) {
            throw new CallHeld(event);
        }
        return new ErrnoException(errno);
    }

    void audited(EventDraft draft, String reason, SuggestedGrant suggestion) {
        listener.onEvent(draft.audited(reason, suggestion));
    }

    Map<Integer, Descriptor.Listener> listeners() {
        Map<Integer, Descriptor.Listener> out = new LinkedHashMap<>();
        fds.all().forEach((fd, d) -> {
            if (d instanceof Descriptor.Listener l) {
                out.put(fd, l);
            }
        });
        return out;
    }

    private List<IOException> syncListeners() {
        List<IOException> failures = new ArrayList<>();
        if (now.version() == syncedVersion) {
            return failures;
        }
        syncedVersion = now.version();
        for (var it = grantedListeners.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!now.listens().contains(entry.getKey())) {
                closeEverywhere(entry.getValue());
                it.remove();
            }
        }
        for (ListenAddress address : now.listens()) {
            if (!grantedListeners.containsKey(address)) {
                try {
                    Descriptor.Listener listener = bind(address, new SocketOptions(), address);
                    fds.add(listener);
                    grantedListeners.put(address, listener);
                } catch (IOException e) {
                    failures.add(new IOException("cannot listen on " + address + ": " + e.getMessage(), e));
                }
            }
        }
        return failures;
    }

    Descriptor.Listener grantedListener(ListenAddress address) {
        return grantedListeners.get(address);
    }

    static Descriptor.Listener bind(ListenAddress address, SocketOptions options, ListenAddress granted)
            throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            options.reuseAddress = true;
            options.applyTo(channel);
            channel.bind(address.socketAddress());
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Descriptor.Listener(channel, granted, options);
    }

    private void closeEverywhere(Descriptor.Listener listener) {
        List<Integer> numbers = new ArrayList<>();
        fds.all().forEach((fd, d) -> {
            if (d == listener) {
                numbers.add(fd);
            }
        });
        for (int fd : numbers) {
            try {
                fds.close(fd);
            } catch (IOException ignored) {
                // The grant is gone either way; a failed close leaves nothing the guest can use.
            }
        }
    }
}
