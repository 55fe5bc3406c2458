package dev.jwdb.debugger;

import dev.jwdb.engine.wasi.GuestStdio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Test modules and sessions on them. */
final class Sessions {
    static final Path SAMPLES = Path.of("..", "samples", "wat");
    static final Path RESOURCES = Path.of("src", "test", "resources");

    private Sessions() {
    }

    static DebugSession load(Path file) throws DebugException {
        DebugSession s = new DebugSession(new GuestStdio(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        s.load(file);
        return s;
    }

    static DebugSession fib() throws DebugException {
        return load(SAMPLES.resolve("fib.wat"));
    }

    static DebugSession steps() throws DebugException {
        return load(RESOURCES.resolve("steps.wat"));
    }

    static <T extends StopEvent> T expect(Class<T> type, StopEvent event) {
        return assertInstanceOf(type, event, () -> "stopped with " + event);
    }

    static List<String> args(String... values) {
        return List.of(values);
    }

    /** The text of the instruction the session is stopped before. */
    static String at(DebugSession s) throws DebugException {
        return s.selectedFrame().location().text();
    }
}
