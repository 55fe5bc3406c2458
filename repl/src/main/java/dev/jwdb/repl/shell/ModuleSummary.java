package dev.jwdb.repl.shell;

import dev.jwdb.debugger.DebugSession;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import java.util.ArrayList;
import java.util.List;

/** The line printed when a module is loaded: what it is called and what can be invoked. */
public final class ModuleSummary {
    private static final int SHOWN_EXPORTS = 8;

    private ModuleSummary() {
    }

    public static String of(DebugSession session, String name) {
        Module module = session.module();
        List<String> functions = new ArrayList<>();
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC) {
                functions.add(e.name());
            }
        }
        int count = module.functions().size();
        StringBuilder line = new StringBuilder("loaded " + name + ": " + count + " function" + (count == 1 ? "" : "s"));
        if (!functions.isEmpty()) {
            line.append("; exports ").append(String.join(", ",
                    functions.subList(0, Math.min(SHOWN_EXPORTS, functions.size()))));
            if (functions.size() > SHOWN_EXPORTS) {
                line.append(", ... (").append(functions.size() - SHOWN_EXPORTS).append(" more)");
            }
        }
        if (module.start() >= 0) {
            line.append("; start function ").append(session.functionNames().get(module.start()));
        }
        return line.toString();
    }
}
