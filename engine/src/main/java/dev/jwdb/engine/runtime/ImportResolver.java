package dev.jwdb.engine.runtime;

/** Supplies the value for each import of a module being instantiated. */
@FunctionalInterface
public interface ImportResolver {
    /** The value for import {@code module}.{@code name}, or null when there is none. */
    ExternVal resolve(String module, String name);

    ImportResolver NONE = (module, name) -> null;
}
