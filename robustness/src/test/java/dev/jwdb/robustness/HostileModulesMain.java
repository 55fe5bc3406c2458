package dev.jwdb.robustness;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.valid.Validator;

import java.util.Map;

/**
 * Run in a separate JVM with a small heap by {@link HostileModulesTest}: each hostile module goes through decode,
 * validate, instantiate and its exports, and one line per module reports the outcome and the time taken,
 * {@code OK name | outcome | millis} or {@code BAD name | throwable}.
 */
public final class HostileModulesMain {
    private HostileModulesMain() {
    }

    public static void main(String[] args) {
        for (Map.Entry<String, byte[]> e : HostileModules.all().entrySet()) {
            long start = System.nanoTime();
            String outcome;
            try {
                outcome = run(e.getValue());
            } catch (Throwable t) {
                if (!Contract.isDocumented(t)) {
                    System.out.println("BAD " + e.getKey() + " | " + t);
                    continue;
                }
                outcome = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            System.out.println("OK " + e.getKey() + " | " + outcome + " | " + (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String run(byte[] binary) {
        Module m = BinaryDecoder.decode(binary);
        Validator.validate(m);
        Store store = new Store();
        Instance i = store.instantiate(m, (module, name) -> null);
        for (Export e : m.exports()) {
            if (e.kind() == ExternKind.FUNC) {
                store.invoke((FunctionInstance) i.export(e.name()));
            }
        }
        return "accepted";
    }
}
