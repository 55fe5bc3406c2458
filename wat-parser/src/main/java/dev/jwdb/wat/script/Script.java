package dev.jwdb.wat.script;

import java.util.List;

/** A parsed {@code .wast} script: its commands in order. */
public record Script(String sourceName, List<Command> commands) {
    public Script {
        commands = List.copyOf(commands);
    }
}
