package dev.jwdb.engine.wasi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every capability event of a run and computes the least-privilege grants that cover it. Meant for a run
 * whose {@link Grants} are in audit mode: files, environment and sockets are served as granted by flags (and
 * denials recorded: a path outside every grant cannot be served safely, since there is no host directory to serve
 * it from), while clock and randomness are served and recorded as needed.
 */
public final class AuditRecorder implements CapabilityListener {
    private final List<CapabilityEvent> events = new ArrayList<>();

    @Override
    public synchronized Verdict onEvent(CapabilityEvent event) {
        events.add(event);
        return Verdict.DELIVER;
    }

    public synchronized List<CapabilityEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<CapabilityEvent> denials() {
        return events.stream().filter(CapabilityEvent::denied).toList();
    }

    /** The least privilege for the events so far; {@code grants} supplies the values of variables read. */
    public synchronized LeastPrivilege leastPrivilege(GrantSet grants) {
        Map<GuestPath, LeastPrivilege.Dir> dirs = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        boolean inheritEnv = false;
        boolean clock = false;
        boolean random = false;
        Set<String> listens = new LinkedHashSet<>();
        Set<String> connects = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (CapabilityEvent e : events) {
            boolean used = e.decision() != Decision.DENIED || e.suggestion() != null;
            if (!used) {
                continue;
            }
            switch (e.capability()) {
                case FILES:
                    addDir(dirs, e);
                    break;
                case ENV:
                    if (e.decision() == Decision.DENIED) {
                        notes.add("the program read the environment; grant the variables it needs with --env");
                    } else if (grants.inheritedEnv() != null) {
                        inheritEnv = true;
                    } else {
                        for (String name : e.arguments().getOrDefault("names", "").split(",")) {
                            if (!name.isEmpty() && grants.env().containsKey(name)) {
                                env.put(name, grants.env().get(name));
                            }
                        }
                    }
                    break;
                case CLOCK:
                    clock = true;
                    break;
                case RANDOM:
                    random = true;
                    break;
                case LISTEN:
                    listens.add(e.arguments().getOrDefault("listener",
                            e.arguments().getOrDefault("address", "HOST:PORT")));
                    break;
                case CONNECT:
                    if (e.function().equals("sock_connect")) {
                        String name = e.arguments().get("name");
                        String address = e.arguments().get("address");
                        connects.add(name == null ? address : name + address.substring(address.lastIndexOf(':')));
                    }
                    break;
                default:
                    break;
            }
        }
        if (clock || random) {
            notes.add("wasmtime grants the clock and randomness to every program");
        }
        if (!connects.isEmpty()) {
            notes.add("wasmtime has no flag for WasmEdge's outbound sockets");
        }
        if (dirs.values().stream().anyMatch(LeastPrivilege.Dir::readOnly)) {
            notes.add("read-only directories are spelled --dir for wasmtime, which then allows writing");
        }
        return new LeastPrivilege(new ArrayList<>(dirs.values()), env, inheritEnv, clock, random,
                new ArrayList<>(listens), new ArrayList<>(connects), new ArrayList<>(notes));
    }

    private static void addDir(Map<GuestPath, LeastPrivilege.Dir> dirs, CapabilityEvent e) {
        if (e.path() == null || e.path().isRoot() && e.grant() == null) {
            return;
        }
        DirGrant grant = e.grant();
        if (grant == null && e.decision() == Decision.ALLOWED) {
            return;
        }
        GuestPath top = e.path().topLevel();
        GuestPath guest = grant != null && grant.guest().depth() >= top.depth() ? grant.guest() : top;
        String host = "HOST";
        if (grant != null) {
            // Spelled as the user granted it: a relative directory stays relative, narrowed to the part used.
            Path h = Path.of(grant.displayHost());
            for (String part : guest.after(grant.guest())) {
                h = h.resolve(part);
            }
            host = h.toString();
        }
        LeastPrivilege.Dir before = dirs.get(guest);
        boolean readOnly = !e.writes() && (before == null || before.readOnly());
        dirs.put(guest, new LeastPrivilege.Dir(host, guest, readOnly));
    }
}
