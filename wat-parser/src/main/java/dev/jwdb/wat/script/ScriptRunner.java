package dev.jwdb.wat.script;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.MalformedException;
import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.UninstantiableException;
import dev.jwdb.engine.UnlinkableException;
import dev.jwdb.engine.WasmException;
import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.ExternVal;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.GlobalInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.SpecTestHost;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.valid.Validator;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.WatSyntaxException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the commands of one {@code .wast} script in order against one store, as the spec's reference interpreter
 * does: modules are defined, registered and invoked, and every assertion is checked, messages included (ours must
 * begin with the spec's).
 *
 * <p>Every text module also goes through the binary format: text → encoder → decoder, and the decoded module must
 * encode to the same bytes again. What is validated and run is the decoded module, so each text module in the spec
 * tests checks the encoder and the decoder too.
 */
public final class ScriptRunner {
    private final Store store = new Store();
    private final ImportResolver spectest;
    private final Map<String, Instance> byId = new HashMap<>();
    private final Map<String, Instance> registered = new HashMap<>();
    private Instance current;

    public ScriptRunner(PrintStream hostOutput) {
        this.spectest = SpecTestHost.create(store, hostOutput);
    }

    /** Runs every command of {@code script}; one outcome per command. */
    public static List<Outcome> runAll(Script script, PrintStream hostOutput) {
        ScriptRunner runner = new ScriptRunner(hostOutput);
        return script.commands().stream().map(runner::run).toList();
    }

    /** Runs one command; never throws for anything the guest or the module does. */
    public Outcome run(Command command) {
        try {
            String failure = execute(command);
            return failure == null ? Outcome.pass(command) : Outcome.fail(command, failure);
        } catch (WasmException e) {
            return Outcome.fail(command, describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.fail(command, "internal error: " + e);
        }
    }

    /** Executes {@code command}; returns null when it passed, else why it failed. */
    private String execute(Command command) {
        if (command instanceof Command.ModuleCommand m) {
            Instance instance = instantiate(load(m.source()));
            current = instance;
            if (m.id() != null) {
                byId.put(m.id(), instance);
            }
            return null;
        } else if (command instanceof Command.Register r) {
            registered.put(r.name(), instance(r.moduleId()));
            return null;
        } else if (command instanceof Command.ActionCommand a) {
            perform(a.action());
            return null;
        } else if (command instanceof Command.AssertReturn a) {
            return compareResults(perform(a.action()), a.expected());
        } else if (command instanceof Command.AssertTrap a) {
            return expectFailure(TrapException.class, a.message(), () -> {
                if (a.action() != null) {
                    perform(a.action());
                } else {
                    instantiate(load(a.module()));
                }
            });
        } else if (command instanceof Command.AssertExhaustion a) {
            return expectFailure(ExhaustionException.class, a.message(), () -> perform(a.action()));
        } else if (command instanceof Command.AssertMalformed a) {
            return expectMalformed(a.module(), a.message());
        } else if (command instanceof Command.AssertInvalid a) {
            return expectFailure(InvalidException.class, a.message(), () -> load(a.module()));
        } else if (command instanceof Command.AssertUnlinkable a) {
            Module module = load(a.module());
            return expectFailure(UnlinkableException.class, a.message(), () -> instantiate(module));
        } else if (command instanceof Command.AssertUninstantiable a) {
            Module module = load(a.module());
            return expectFailure(TrapException.class, UninstantiableException.class, a.message(),
                    () -> instantiate(module));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** Decodes or parses, checks the binary round trip, validates. */
    private Module load(ModuleSource source) {
        Module module = source instanceof ModuleSource.Binary b
                ? BinaryDecoder.decode(b.bytes())
                : throughBinary(parse(source));
        Validator.validate(module);
        return module;
    }

    private static Module parse(ModuleSource source) {
        if (source instanceof ModuleSource.Text t) {
            return t.build().get();
        }
        return Wat.parseModule(((ModuleSource.Quote) source).text(), "quote");
    }

    private static Module throughBinary(Module fromText) {
        byte[] first = BinaryEncoder.encode(fromText);
        Module decoded = BinaryDecoder.decode(first);
        byte[] second = BinaryEncoder.encode(decoded);
        if (!Arrays.equals(first, second)) {
            throw new RoundTripException(first, second);
        }
        return decoded;
    }

    private Instance instantiate(Module module) {
        return store.instantiate(module, this::resolveImport);
    }

    private ExternVal resolveImport(String module, String name) {
        if (module.equals("spectest")) {
            return spectest.resolve(module, name);
        }
        Instance instance = registered.get(module);
        return instance == null ? null : instance.export(name);
    }

    private Instance instance(String id) {
        Instance instance = id == null ? current : byId.get(id);
        if (instance == null) {
            throw new ScriptException(id == null ? "no module defined yet" : "unknown module " + id);
        }
        return instance;
    }

    private Value[] perform(Action action) {
        Instance instance = instance(action.moduleId());
        if (action instanceof Action.Invoke i) {
            if (!(instance.export(i.name()) instanceof FunctionInstance f)) {
                throw new ScriptException("no exported function \"" + i.name() + "\"");
            }
            return store.invoke(f, i.args().toArray(Value[]::new));
        }
        Action.Get g = (Action.Get) action;
        if (!(instance.export(g.name()) instanceof GlobalInstance global)) {
            throw new ScriptException("no exported global \"" + g.name() + "\"");
        }
        return new Value[] {global.value()};
    }

    private static String compareResults(Value[] actual, List<Expected> expected) {
        if (actual.length != expected.size()) {
            return "expected " + expected.size() + " results, got " + Arrays.toString(actual);
        }
        for (int i = 0; i < actual.length; i++) {
            if (!ResultMatcher.matches(expected.get(i), actual[i])) {
                return "result " + i + ": expected " + ResultMatcher.describe(expected.get(i)) + ", got "
                        + ResultMatcher.describe(actual[i]);
            }
        }
        return null;
    }

    private String expectMalformed(ModuleSource source, String message) {
        try {
            if (source instanceof ModuleSource.Binary b) {
                BinaryDecoder.decode(b.bytes());
            } else {
                parse(source);
            }
        } catch (MalformedException | WatSyntaxException e) {
            return checkMessage(e, message);
        }
        return "expected malformed module (\"" + message + "\"), but it was accepted";
    }

    private interface Attempt {
        void run();
    }

    private String expectFailure(Class<? extends WasmException> kind, String message, Attempt attempt) {
        return expectFailure(kind, kind, message, attempt);
    }

    private String expectFailure(Class<? extends WasmException> kind, Class<? extends WasmException> alsoAccepted,
                                 String message, Attempt attempt) {
        try {
            attempt.run();
        } catch (WasmException e) {
            if (kind.isInstance(e) || alsoAccepted.isInstance(e)) {
                return checkMessage(e, message);
            }
            return "expected " + kindName(kind) + " \"" + message + "\", got " + describe(e);
        }
        return "expected " + kindName(kind) + " \"" + message + "\", but it succeeded";
    }

    private static String checkMessage(WasmException e, String expected) {
        String actual = e instanceof WatSyntaxException s ? s.reason() : e.getMessage();
        if (actual != null && actual.startsWith(expected)) {
            return null;
        }
        return "expected message \"" + expected + "\", got " + describe(e);
    }

    private static String kindName(Class<? extends WasmException> kind) {
        return kind.getSimpleName().replace("Exception", "").toLowerCase();
    }

    static String describe(WasmException e) {
        String kind = kindName(e.getClass());
        if (e instanceof MalformedException m) {
            return "malformed: " + m.getMessage() + " (at byte 0x" + Long.toHexString(m.offset()) + ")";
        }
        return kind + ": " + e.getMessage();
    }

    /** A script asks for something that is not there (an unknown module or export); the command fails. */
    static final class ScriptException extends WasmException {
        ScriptException(String message) {
            super(message);
        }
    }

    /** Text → binary → text did not give the same bytes twice: a bug in the encoder or the decoder. */
    static final class RoundTripException extends WasmException {
        RoundTripException(byte[] first, byte[] second) {
            super("round trip: re-encoding the decoded module gave different bytes (" + first.length + " vs "
                    + second.length + " bytes, first difference at " + Arrays.mismatch(first, second) + ")");
        }
    }
}
