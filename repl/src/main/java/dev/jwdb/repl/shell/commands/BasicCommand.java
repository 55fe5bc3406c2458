package dev.jwdb.repl.shell.commands;

import dev.jwdb.repl.shell.ShellCommand;
import java.util.List;

/** The help a command carries, given once in its constructor; subclasses add what it does and completes. */
abstract class BasicCommand implements ShellCommand {
    private final List<String> names;
    private final String synopsis;
    private final String summary;
    private final String details;

    BasicCommand(List<String> names, String synopsis, String summary, String details) {
        this.names = List.copyOf(names);
        this.synopsis = synopsis;
        this.summary = summary;
        this.details = details;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public String synopsis() {
        return synopsis;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String details() {
        return details;
    }
}
