package dev.jwdb.engine.wasi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arguments (always granted) and the environment (only granted variables). A guest asks for the whole environment
 * at once, so the decision is made on {@code environ_sizes_get}; with nothing granted the guest gets an empty
 * environment (an error here would abort libc's start-up) and the event is a denial with errno 0.
 */
final class EnvironmentFunctions {
    private final HostContext context;

    EnvironmentFunctions(HostContext context) {
        this.context = context;
    }

    void register(FunctionTable t) {
        t.add("args_sizes_get", "ii", (g, a) -> sizes(g, a, encode(context.args)));
        t.add("args_get", "ii", (g, a) -> strings(g, a, encode(context.args)));
        t.add("environ_sizes_get", "ii", (g, a) -> {
            g.check(Guest.pointer(a[0]), 4);
            g.check(Guest.pointer(a[1]), 4);
            Map<String, String> env = decide("environ_sizes_get");
            return sizes(g, a, encode(pairs(env)));
        });
        t.add("environ_get", "ii", (g, a) -> {
            Map<String, String> env = context.environSnapshot;
            if (env == null) {
                env = decide("environ_get");
            }
            return strings(g, a, encode(pairs(env)));
        });
    }

    private Map<String, String> decide(String function) {
        GrantSet grants = context.now;
        Map<String, String> env = grants.environment();
        EventDraft draft = new EventDraft(function, Capability.ENV).arg("names", String.join(",", env.keySet()));
        if (env.isEmpty() && grants.inheritedEnv() == null) {
            context.deny(draft, Errno.SUCCESS, "no environment variable is granted",
                    new SuggestedGrant("grant env NAME=VALUE", "--env NAME=VALUE"));
        } else {
            context.allow(draft);
        }
        context.environSnapshot = env;
        return env;
    }

    private static List<String> pairs(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    private static List<byte[]> encode(List<String> strings) {
        List<byte[]> out = new ArrayList<>();
        for (String s : strings) {
            out.add((s + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Errno sizes(Guest g, long[] a, List<byte[]> strings) {
        long countPtr = Guest.pointer(a[0]);
        long sizePtr = Guest.pointer(a[1]);
        g.check(countPtr, 4);
        g.check(sizePtr, 4);
        g.putI32(countPtr, strings.size());
        g.putI32(sizePtr, strings.stream().mapToInt(b -> b.length).sum());
        return Errno.SUCCESS;
    }

    private static Errno strings(Guest g, long[] a, List<byte[]> strings) {
        long pointers = Guest.pointer(a[0]);
        long buffer = Guest.pointer(a[1]);
        g.check(pointers, 4L * strings.size());
        g.check(buffer, strings.stream().mapToLong(b -> b.length).sum());
        long at = buffer;
        for (int i = 0; i < strings.size(); i++) {
            g.putI32(pointers + 4L * i, (int) at);
            g.put(at, strings.get(i));
            at += strings.get(i).length;
        }
        return Errno.SUCCESS;
    }
}
