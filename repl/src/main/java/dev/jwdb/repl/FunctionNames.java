package dev.jwdb.repl;

import dev.jwdb.debugger.RustSymbols;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;

/**
 * How jwdb names a function for the user: its name-section name (Rust's mangled symbols demangled, so a panic's
 * backtrace reads {@code std::process::abort}), else the name it is exported under, else {@code func[N]}.
 */
public final class FunctionNames {
    private FunctionNames() {
    }

    static String of(FunctionInstance function) {
        if (function.instance() == null) {
            return "<host function>";
        }
        Module module = function.instance().module();
        String name = module.names().function(function.index());
        if (name != null) {
            return demangle(name);
        }
        for (Export e : module.exports()) {
            if (e.kind() == ExternKind.FUNC && e.index() == function.index()) {
                return e.name();
            }
        }
        return "func[" + function.index() + "]";
    }

    /** Rust's legacy mangling ({@code _ZN3std7process5abort17h0123456789abcdefE}) as a path; other names as is. */
    public static String demangle(String mangled) {
        return RustSymbols.demangle(mangled);
    }
}
