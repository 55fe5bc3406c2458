package dev.jwdb.debugger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the source files a module's lines name. A text module's file is the one it was loaded from. A DWARF
 * file is looked for where the debugging information says (its compilation directory joined with its path, a
 * relative directory counting from the working directory, as gdb's {@code $cdir:$cwd}), then next to the module
 * (its path, then its bare name), since a program is often built elsewhere and its sources shipped beside it.
 * Each file is looked for once.
 */
final class SourceFinder {
    /** Larger files are not read: a source file this big is a mistake. */
    private static final long MAX_SOURCE_BYTES = 16L << 20;

    private final String moduleName;
    private final boolean fromText;
    private final DwarfLineMap dwarf;
    private final Map<String, Object> found = new HashMap<>();

    SourceFinder(String moduleName, boolean fromText, DwarfLineMap dwarf) {
        this.moduleName = moduleName;
        this.fromText = fromText;
        this.dwarf = dwarf;
    }

    SourceText find(String name) throws DebugException {
        Object known = found.computeIfAbsent(name, this::look);
        if (known instanceof SourceText text) {
            return text;
        }
        throw new DebugException((String) known);
    }

    /** The file's text, or a one-line reason it cannot be shown. */
    private Object look(String name) {
        if (fromText) {
            if (!name.equals(moduleName)) {
                return "no source file " + name;
            }
            Path p = path(name);
            Object text = p == null ? null : read(name, p, null);
            return text != null ? text : "cannot read " + name;
        }
        DwarfLineMap.SourceFile file = null;
        for (DwarfLineMap.SourceFile f : dwarf == null ? List.<DwarfLineMap.SourceFile>of() : dwarf.files()) {
            if (f.path().equals(name)) {
                file = f;
                break;
            }
        }
        if (file == null) {
            return "no source file " + name + " in the module's debugging information";
        }
        Set<Path> candidates = new LinkedHashSet<>();
        if (file.compDir() != null && !file.path().startsWith("/")) {
            add(candidates, file.compDir() + "/" + file.path());
        }
        add(candidates, file.path()); // absolute, or relative to the working directory
        Path module = path(moduleName);
        Path beside = module == null ? null : module.toAbsolutePath().getParent();
        if (beside != null && !file.path().startsWith("/")) {
            candidates.add(relative(beside.resolve(file.path())));
        }
        if (beside != null) {
            candidates.add(relative(beside.resolve(SourcePaths.fileName(file.path()))));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                Object text = read(name, c, file.md5());
                if (text != null) {
                    return text;
                }
            }
        }
        List<String> tried = new ArrayList<>();
        candidates.forEach(c -> tried.add(c.toString()));
        return "source file " + name + " not found (looked for " + String.join(", ", tried) + ")";
    }

    private static void add(Set<Path> candidates, String path) {
        Path p = path(path);
        if (p != null) {
            candidates.add(p.normalize());
        }
    }

    /** {@code p} relative to the working directory when it lies under it: shorter to read in a message. */
    private static Path relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path n = p.normalize();
        return n.startsWith(cwd) ? cwd.relativize(n) : n;
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The text at {@code p}, or null when it cannot be read. */
    private static SourceText read(String name, Path p, byte[] md5) {
        try {
            if (Files.size(p) > MAX_SOURCE_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(p);
            String warning = null;
            if (md5 != null && !Arrays.equals(md5, digest(bytes))) {
                warning = p + " is not the " + name + " the module was built from (its MD5 differs)";
            }
            return new SourceText(name, p, decode(bytes).lines().toList(), warning);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }
}
