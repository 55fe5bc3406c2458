package dev.jwdb.engine.wasi;

import java.net.InetSocketAddress;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WASI preview1 host with jwdb's capability policy. Descriptors at start-up: 0-2 the standard streams, 3 the
 * gate (a preopen of {@code /} through which every path can reach the host and be decided), then one preopen per
 * granted directory in grant order, then the granted listening sockets. Directories granted later are reached
 * through the gate; listeners granted later appear at the lowest free descriptor on the next call.
 *
 * <p>Not thread-safe: the guest calls it from one thread. {@link Grants} may be changed from another.
 */
public final class WasiHost implements AutoCloseable {
    /** The import modules served; {@code wasi_unstable} only where it differs from preview1 by name alone (see WasiImports). */
    public static final List<String> MODULE_NAMES = List.of("wasi_snapshot_preview1", "wasi_unstable");
    public static final int GATE_FD = 3;

    private final HostContext context;
    private final List<WasiFunction> functions;

    /**
     * @throws java.io.UncheckedIOException when a granted listening socket cannot be bound
     */
    public WasiHost(List<String> args, Grants grants, GuestStdio stdio, CapabilityListener listener) {
        this.context = new HostContext(args, grants, stdio, listener);
        FunctionTable table = new FunctionTable(context);
        PathChecks paths = new PathChecks(context);
        ClockRandomFunctions clocks = new ClockRandomFunctions(context);
        new EnvironmentFunctions(context).register(table);
        clocks.register(table);
        new ProcFunctions().register(table);
        new FdFunctions(context).register(table);
        new FdStatFunctions(context, paths).register(table);
        new ReaddirFunction(context, paths).register(table);
        new PathOpen(context, paths).register(table);
        new PathFunctions(context, paths).register(table);
        new PollFunction(context, clocks).register(table);
        new SocketFunctions(context).register(table);
        new WasmEdgeSocketFunctions(context).register(table);
        this.functions = table.functions();
    }

    /** Every function of the import module, for each of {@link #MODULE_NAMES}. */
    public List<WasiFunction> functions() {
        return functions;
    }

    public WasiFunction function(String name) {
        for (WasiFunction f : functions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no WASI function " + name);
    }

    public Grants grants() {
        return context.grants;
    }

    /** Replaces the listener, e.g. when the debugger attaches; takes effect for the next decision. */
    public void listener(CapabilityListener listener) {
        context.listener = listener;
    }

    /** The listening sockets by descriptor number, with the address each is bound to (port 0 resolved). */
    public Map<Integer, InetSocketAddress> listeningSockets() {
        context.beginCall();
        Map<Integer, InetSocketAddress> out = new LinkedHashMap<>();
        context.listeners().forEach((fd, l) -> {
            try {
                out.put(fd, (InetSocketAddress) l.channel.getLocalAddress());
            } catch (IOException e) {
                // closed meanwhile: not listening any more
            }
        });
        return out;
    }

    @Override
    public void close() {
        context.fds.closeAll();
    }
}
