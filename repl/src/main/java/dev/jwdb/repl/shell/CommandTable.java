package dev.jwdb.repl.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shell's commands by name and short form. A unique prefix of a name also finds its command, as in gdb, so
 * that {@code disa} and {@code cont} work; a typo gets a suggestion instead.
 */
public final class CommandTable {
    private final List<ShellCommand> commands = new ArrayList<>();
    private final Map<String, ShellCommand> byName = new LinkedHashMap<>();

    public CommandTable add(ShellCommand command) {
        for (String name : command.names()) {
            if (byName.putIfAbsent(name, command) != null) {
                throw new IllegalStateException("two commands named " + name);
            }
        }
        commands.add(command);
        return this;
    }

    public List<ShellCommand> commands() {
        return Collections.unmodifiableList(commands);
    }

    /** Every name and short form, sorted, for completion. */
    public List<String> names() {
        return new ArrayList<>(new TreeSet<>(byName.keySet()));
    }

    public ShellCommand find(String typed) throws ShellError {
        ShellCommand exact = byName.get(typed);
        if (exact != null) {
            return exact;
        }
        ShellCommand found = null;
        List<String> matches = new ArrayList<>();
        for (ShellCommand c : commands) {
            if (c.name().startsWith(typed)) {
                matches.add(c.name());
                found = c;
            }
        }
        if (matches.size() == 1) {
            return found;
        }
        if (matches.size() > 1) {
            throw new ShellError("ambiguous command \"" + typed + "\": " + String.join(", ", matches));
        }
        String near = nearest(typed);
        throw new ShellError("unknown command \"" + typed + "\"" + (near == null ? "" : "; did you mean \"" + near
                + "\"?") + " (help lists the commands)");
    }

    /** The name closest to {@code typed} by edit distance, if it is close enough to be a typo. */
    private String nearest(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : byName.keySet()) {
            int d = distance(typed, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, typed.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
