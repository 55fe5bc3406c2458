package dev.jwdb.repl.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Completion for a line typed up to the cursor: command names for the first word, else what the command says its
 * argument can be. Kept apart from JLine so that tests ask it directly.
 */
public final class ShellCompleter {
    private final ShellContext context;
    private final CommandTable table;

    public ShellCompleter(ShellContext context, CommandTable table) {
        this.context = context;
        this.table = table;
    }

    /** The candidates that extend the word being typed at the end of {@code line}. */
    public List<Completion> complete(String line) {
        List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
        if (line.isBlank()) {
            words.clear();
        }
        String partial = "";
        if (!line.isEmpty() && !Character.isWhitespace(line.charAt(line.length() - 1)) && !words.isEmpty()) {
            partial = words.remove(words.size() - 1);
        }
        List<Completion> all;
        if (words.isEmpty()) {
            all = Completion.words(table.names());
        } else {
            try {
                String name = words.get(0);
                int slash = name.indexOf('/');
                ShellCommand command = table.find(slash < 0 ? name : name.substring(0, slash));
                all = command.complete(context, words.subList(1, words.size()), partial);
            } catch (ShellError | RuntimeException e) {
                // Nothing sensible to offer after an unknown command, or when the session cannot say.
                return List.of();
            }
        }
        List<Completion> matching = new ArrayList<>();
        for (Completion c : all) {
            if (c.value().startsWith(partial)) {
                matching.add(c);
            }
        }
        return matching;
    }
}
