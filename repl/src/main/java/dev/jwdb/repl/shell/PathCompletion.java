package dev.jwdb.repl.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** File and directory names for {@code load}, {@code grant dir} and the like, relative to the working directory. */
public final class PathCompletion {
    private PathCompletion() {
    }

    /**
     * Every entry of the directory named by the word typed so far; directories end in {@code /} and leave the
     * word open, so Tab goes on into them.
     *
     * @param typed       the partial word, e.g. {@code samples/wa}
     * @param directories only directories (for {@code grant dir})
     */
    public static List<Completion> complete(String typed, boolean directories) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path dir = dirPart.isEmpty() ? Path.of(".") : Path.of(dirPart);
        List<Completion> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    out.add(new Completion(dirPart + name + "/", false));
                } else if (!directories) {
                    out.add(new Completion(dirPart + name, true));
                }
            }
        } catch (IOException e) {
            // An unreadable directory simply offers nothing.
        }
        out.sort(java.util.Comparator.comparing(Completion::value));
        return out;
    }
}
