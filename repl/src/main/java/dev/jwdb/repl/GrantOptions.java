package dev.jwdb.repl;

import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.wasi.ClockGrant;
import dev.jwdb.engine.wasi.ConnectPattern;
import dev.jwdb.engine.wasi.DirGrant;
import dev.jwdb.engine.wasi.Grants;
import dev.jwdb.engine.wasi.ListenAddress;
import dev.jwdb.engine.wasi.RandomGrant;
import dev.jwdb.engine.wasi.StdStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The GRANTS of DESIGN §4, shared by every command that runs a guest ({@code run}, {@code audit}, the shell). Values
 * are kept as typed and checked when the grants are built, so that a bad value is reported in the words of the
 * option it came from.
 */
public final class GrantOptions {
    /** The words {@code --allow} and {@code --deny} take. */
    static final class Capabilities implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("clock", "random", "stdin", "stdout", "stderr", "all-basic").iterator();
        }
    }

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "grant host directory HOST as GUEST (default: the same path), read-write")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--ro-dir", paramLabel = "HOST[::GUEST]", description = "the same, read-only")
    List<String> readOnlyDirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]",
            description = "pass one environment variable (without =VALUE: the host's value)")
    List<String> env = new ArrayList<>();

    @Option(names = "--inherit-env", description = "pass the whole host environment")
    boolean inheritEnv;

    @Option(names = "--allow", paramLabel = "CAP", completionCandidates = Capabilities.class,
            description = "grant clock, random, stdin, stdout, stderr or all-basic (clock and random)")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "CAP", completionCandidates = Capabilities.class,
            description = "revoke a capability, e.g. a standard stream granted by default (--deny stdout)")
    List<String> deny = new ArrayList<>();

    @Option(names = "--fixed-clock", paramLabel = "TIME",
            description = "grant a virtual clock starting at TIME (ISO-8601 instant or epoch nanoseconds)")
    String fixedClock;

    @Option(names = "--random-seed", paramLabel = "N", description = "grant randomness from a generator seeded with N")
    Long randomSeed;

    @Option(names = "--tcplisten", paramLabel = "HOST:PORT", description = "preopen a listening TCP socket")
    List<String> listens = new ArrayList<>();

    @Option(names = "--allow-connect", paramLabel = "HOST:PORT",
            description = "allow outbound TCP to matching addresses (* and CIDR blocks allowed)")
    List<String> connects = new ArrayList<>();

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "limit each linear memory, e.g. 64M or 1G (binary multiples; rounded down to 64K pages)")
    String maxMemory;

    @Option(names = "--max-table-elements", paramLabel = "N",
            description = "limit each table to N elements (default: " + StoreLimits.DEFAULT_TABLE_ELEMENTS + ")")
    Long maxTableElements;

    @Option(names = "--max-stack", paramLabel = "N", description = "limit the call depth to N Wasm frames")
    Integer maxStack;

    @Option(names = "--fuel", paramLabel = "N",
            description = "limit the guest to N Wasm instructions in all; it traps with \"fuel exhausted\" after")
    Long fuel;

    /**
     * The grants the options describe.
     *
     * @throws CommandLine.ParameterException a value is malformed or names a directory that does not exist
     */
    public Grants grants() {
        return applyTo(new Grants());
    }

    /**
     * Adds the grants the options describe to {@code grants}: the shell's session owns its live {@link Grants}, so
     * the options are applied onto it rather than replacing it.
     *
     * @throws CommandLine.ParameterException a value is malformed or names a directory that does not exist
     */
    public Grants applyTo(Grants grants) {
        for (String spec : dirs) {
            grants.dir(directory("--dir", spec, false));
        }
        for (String spec : readOnlyDirs) {
            grants.dir(directory("--ro-dir", spec, true));
        }
        if (inheritEnv) {
            grants.inheritEnv(System.getenv());
        }
        for (String variable : env) {
            addVariable(grants, variable);
        }
        for (String cap : allow) {
            capability(grants, "--allow", cap, true);
        }
        for (String cap : deny) {
            capability(grants, "--deny", cap, false);
        }
        if (fixedClock != null) {
            grants.clock(parse("--fixed-clock", fixedClock, () -> ClockGrant.fixed(fixedClock)));
        }
        if (randomSeed != null) {
            grants.random(new RandomGrant.Seeded(randomSeed));
        }
        for (String spec : listens) {
            grants.listen(parse("--tcplisten", spec, () -> ListenAddress.parse(spec)));
        }
        for (String spec : connects) {
            grants.connect(parse("--allow-connect", spec, () -> ConnectPattern.parse(spec)));
        }
        return grants;
    }

    /** The store limits the options describe. */
    public StoreLimits limits() {
        StoreLimits defaults = StoreLimits.DEFAULT;
        int depth = defaults.maxCallDepth();
        if (maxStack != null) {
            if (maxStack < 1) {
                throw usage("--max-stack " + maxStack + ": expected a positive number of frames");
            }
            depth = maxStack;
        }
        long pages = defaults.maxMemoryPages();
        if (maxMemory != null) {
            pages = parse("--max-memory", maxMemory, () -> MemorySize.pages(maxMemory));
        }
        long tableElements = defaults.maxTableElements();
        if (maxTableElements != null) {
            if (maxTableElements < 0) {
                throw usage("--max-table-elements " + maxTableElements + ": expected a number of elements, 0 or more");
            }
            tableElements = maxTableElements;
        }
        long instructions = 0;
        if (fuel != null) {
            if (fuel < 1) {
                throw usage("--fuel " + fuel + ": expected a positive number of instructions");
            }
            instructions = fuel;
        }
        return new StoreLimits(depth, pages, tableElements, instructions);
    }

    private DirGrant directory(String option, String spec, boolean readOnly) {
        DirGrant grant = parse(option, spec, () -> DirGrant.parse(spec, readOnly));
        if (!Files.isDirectory(grant.host())) {
            throw usage(option + " " + spec + ": no such directory " + grant.host());
        }
        return grant;
    }

    private void addVariable(Grants grants, String variable) {
        int eq = variable.indexOf('=');
        String name = eq < 0 ? variable : variable.substring(0, eq);
        if (name.isEmpty()) {
            throw usage("--env " + variable + ": expected NAME=VALUE");
        }
        if (eq >= 0) {
            grants.env(name, variable.substring(eq + 1));
            return;
        }
        // As wasmtime: a bare NAME passes the host's value, and nothing when the host has none.
        Map<String, String> host = System.getenv();
        if (host.containsKey(name)) {
            grants.env(name, host.get(name));
        }
    }

    private void capability(Grants grants, String option, String cap, boolean granted) {
        switch (cap) {
            case "clock":
                grants.clock(granted ? ClockGrant.REAL : ClockGrant.DENIED);
                break;
            case "random":
                grants.random(granted ? RandomGrant.REAL : RandomGrant.DENIED);
                break;
            case "all-basic":
                grants.clock(granted ? ClockGrant.REAL : ClockGrant.DENIED);
                grants.random(granted ? RandomGrant.REAL : RandomGrant.DENIED);
                break;
            case "stdin":
            case "stdout":
            case "stderr":
                grants.stdio(StdStream.valueOf(cap.toUpperCase(java.util.Locale.ROOT)), granted);
                break;
            default:
                throw usage(option + " " + cap + ": expected clock, random, stdin, stdout, stderr or all-basic");
        }
    }

    private interface Parser<T> {
        T parse();
    }

    private <T> T parse(String option, String value, Parser<T> parser) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw usage(option + " " + value + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
