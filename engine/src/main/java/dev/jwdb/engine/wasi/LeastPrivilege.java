package dev.jwdb.engine.wasi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smallest set of grants covering what a run did, as computed by {@link AuditRecorder}.
 *
 * @param dirs     directories narrowed to the top-level guest directories used; host {@code HOST} when the run
 *                 had no grant for it (the user must choose one)
 * @param env      variables the guest read, with the values it was given
 * @param listens  listening addresses ({@code HOST:PORT} as a placeholder when none was granted)
 * @param connects outbound addresses connected to
 * @param notes    what the flags cannot say (e.g. grants wasmtime has no flag for)
 */
public record LeastPrivilege(List<Dir> dirs, Map<String, String> env, boolean inheritEnv, boolean clock,
                             boolean random, List<String> listens, List<String> connects, List<String> notes) {
    public record Dir(String host, GuestPath guest, boolean readOnly) {
        String spec() {
            return host + "::" + guest;
        }
    }

    public LeastPrivilege {
        dirs = List.copyOf(dirs);
        env = Map.copyOf(env);
        listens = List.copyOf(listens);
        connects = List.copyOf(connects);
        notes = List.copyOf(notes);
    }

    public List<String> jwdbFlags() {
        List<String> flags = new ArrayList<>();
        for (Dir d : dirs) {
            flags.add((d.readOnly() ? "--ro-dir " : "--dir ") + d.spec());
        }
        if (inheritEnv) {
            flags.add("--inherit-env");
        }
        env.keySet().stream().sorted().forEach(name -> flags.add("--env " + name + "=" + env.get(name)));
        if (clock) {
            flags.add("--allow clock");
        }
        if (random) {
            flags.add("--allow random");
        }
        listens.forEach(l -> flags.add("--tcplisten " + l));
        connects.forEach(c -> flags.add("--allow-connect " + c));
        return flags;
    }

    /** The same grants as {@code wasmtime run} flags; wasmtime always grants the clock and randomness. */
    public List<String> wasmtimeFlags() {
        List<String> flags = new ArrayList<>();
        for (Dir d : dirs) {
            flags.add("--dir " + d.spec());
        }
        if (inheritEnv) {
            flags.add("-S inherit-env");
        }
        env.keySet().stream().sorted().forEach(name -> flags.add("--env " + name + "=" + env.get(name)));
        listens.forEach(l -> flags.add("--tcplisten " + l));
        return flags;
    }
}
