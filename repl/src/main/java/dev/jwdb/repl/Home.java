package dev.jwdb.repl;

import java.nio.file.Path;

/**
 * Where jwdb keeps {@code .jwdbrc} and {@code .jwdb_history}: the user's home, unless the {@code jwdb.home} system
 * property or the {@code JWDB_HOME} variable names another folder, so that tests never read or write the
 * developer's own files.
 */
final class Home {
    private Home() {
    }

    static Path directory() {
        String property = System.getProperty("jwdb.home");
        if (property != null && !property.isEmpty()) {
            return Path.of(property);
        }
        String variable = System.getenv("JWDB_HOME");
        if (variable != null && !variable.isEmpty()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"));
    }
}
