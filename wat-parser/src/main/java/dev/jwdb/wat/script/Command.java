package dev.jwdb.wat.script;

import java.util.List;

/** One script command; {@code line} is the 1-based line of its opening parenthesis. */
public sealed interface Command {
    int line();

    /** {@code (module $id? ...)}. */
    record ModuleCommand(int line, String id, ModuleSource source) implements Command {
    }

    /** {@code (register "name" $id?)}. */
    record Register(int line, String name, String moduleId) implements Command {
    }

    /** A bare {@code (invoke ...)} or {@code (get ...)}. */
    record ActionCommand(int line, Action action) implements Command {
    }

    record AssertReturn(int line, Action action, List<Expected> expected) implements Command {
        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    /** {@code (assert_trap ACTION "msg")}, or {@code (assert_trap (module ...) "msg")} with {@code action} null. */
    record AssertTrap(int line, Action action, ModuleSource module, String message) implements Command {
    }

    record AssertExhaustion(int line, Action action, String message) implements Command {
    }

    record AssertMalformed(int line, ModuleSource module, String message) implements Command {
    }

    record AssertInvalid(int line, ModuleSource module, String message) implements Command {
    }

    record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {
    }

    record AssertUninstantiable(int line, ModuleSource module, String message) implements Command {
    }
}
