package dev.jwdb.robustness;

import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.BinaryEncoder;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.script.Command;
import dev.jwdb.wat.script.ModuleSource;
import dev.jwdb.wat.script.Script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds for fuzzing and modules for differential runs: the Wasm 2.0 spec scripts (SIMD excluded, which is being
 * built elsewhere) and the benchmark programs in ../shared/bench.
 */
final class SpecInputs {
    /** A module the spec script defines at top level (so it is valid), with where it came from. */
    record SpecModule(String name, Module module, byte[] binary) {
    }

    private static List<SpecModule> modules;
    private static List<String> texts;

    private SpecInputs() {
    }

    static Path specDir() {
        return Path.of(System.getProperty("jwdb.spec.dir", "../../shared/spec")).resolve("wasm-2.0");
    }

    static Path benchDir() {
        return Path.of(System.getProperty("jwdb.bench.dir", "../../shared/bench"));
    }

    static List<Path> scripts() {
        try (Stream<Path> files = Files.list(specDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wast"))
                    .filter(p -> !p.getFileName().toString().startsWith("simd"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the spec suite is needed at " + specDir(), e);
        }
    }

    /** Every top-level module of the spec scripts, in binary (encoded by jwdb when it was written as text). */
    static synchronized List<SpecModule> modules() {
        if (modules == null) {
            List<SpecModule> out = new ArrayList<>();
            for (Path p : scripts()) {
                Script script = Wat.parseScript(read(p), p.getFileName().toString());
                for (Command c : script.commands()) {
                    if (c instanceof Command.ModuleCommand m) {
                        String name = p.getFileName() + ":" + c.line();
                        if (m.source() instanceof ModuleSource.Text t) {
                            Module module = t.build().get();
                            out.add(new SpecModule(name, module, BinaryEncoder.encode(module)));
                        } else if (m.source() instanceof ModuleSource.Binary b) {
                            out.add(new SpecModule(name, dev.jwdb.engine.binary.BinaryDecoder.decode(b.bytes()),
                                    b.bytes()));
                        }
                    }
                }
            }
            modules = List.copyOf(out);
        }
        return modules;
    }

    /** The spec modules' binaries and the benchmark binaries: the seeds of binary mutation. */
    static List<byte[]> binarySeeds() {
        List<byte[]> out = new ArrayList<>();
        modules().forEach(m -> out.add(m.binary()));
        try (Stream<Path> files = Files.list(benchDir())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark modules are needed at " + benchDir(), e);
        }
        return out;
    }

    /** The text of every {@code (module ...)} written in text in the spec scripts, valid or not. */
    static synchronized List<String> moduleTexts() {
        if (texts == null) {
            List<String> out = new ArrayList<>();
            for (Path p : scripts()) {
                extractModules(read(p), out);
            }
            texts = List.copyOf(out);
        }
        return texts;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds "(module" outside strings and comments and takes it up to its matching parenthesis. */
    static void extractModules(String s, List<String> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end = skipAtom(s, i);
            if (end != i) {
                i = end;
            } else if (s.startsWith("(module", i) && !s.startsWith("(module binary", i)
                    && !s.startsWith("(module quote", i)) {
                int close = matching(s, i);
                if (close < 0) {
                    return;
                }
                out.add(s.substring(i, close + 1));
                i = close + 1;
            } else {
                i++;
            }
        }
    }

    /** If a string or comment starts at i, the index after it; otherwise i. */
    private static int skipAtom(String s, int i) {
        if (s.startsWith(";;", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl + 1;
        }
        if (s.startsWith("(;", i)) {
            int depth = 0;
            int j = i;
            while (j < s.length()) {
                if (s.startsWith("(;", j)) {
                    depth++;
                    j += 2;
                } else if (s.startsWith(";)", j)) {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return s.length();
        }
        if (s.charAt(i) == '"') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '"') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, s.length());
        }
        return i;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            int end = skipAtom(s, i);
            if (end != i) {
                i = end;
                continue;
            }
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
