package dev.jwdb.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fuzz corpus, for any test that must survive hostile modules (the shell's {@code load} test among them):
 * the committed inputs in {@code robustness/corpus} that once found bugs, plus a deterministic batch of mutated
 * spec and benchmark binaries and mutated spec texts. Other modules get it through this module's test-jar
 * ({@code jwdb-robustness}, type {@code test-jar}, scope test) and need the {@code jwdb.fuzz.corpus},
 * {@code jwdb.spec.dir} and {@code jwdb.bench.dir} system properties that robustness/pom.xml sets.
 */
public final class FuzzCorpus {
    /** One input: a file name to save it under ({@code .wasm} or {@code .wat}) and its bytes. */
    public record Input(String name, byte[] bytes) {
        public boolean isText() {
            return name.endsWith(".wat");
        }
    }

    private FuzzCorpus() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("jwdb.fuzz.corpus", "corpus"));
    }

    /** The committed inputs, sorted by name. */
    public static List<Input> committed() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Input> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".wasm") || f.toString().endsWith(".wat"))
                    .sorted().toList()) {
                out.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz corpus is expected at " + directory(), e);
        }
    }

    /** The committed inputs and {@code generated} mutants (half binary, half text), the same for the same seed. */
    public static List<Input> inputs(long seed, int generated) {
        List<Input> out = new ArrayList<>(committed());
        List<byte[]> binaries = SpecInputs.binarySeeds();
        List<String> texts = SpecInputs.moduleTexts();
        for (int i = 0; i < generated; i++) {
            Random random = new Random(seed + i);
            if (i % 2 == 0) {
                byte[] mutant = new BinaryMutator(random).mutate(binaries.get(random.nextInt(binaries.size())),
                        binaries.get(random.nextInt(binaries.size())));
                out.add(new Input("mutant-" + (seed + i) + ".wasm", mutant));
            } else {
                String mutant = new TextMutator(random).mutate(texts.get(random.nextInt(texts.size())));
                out.add(new Input("mutant-" + (seed + i) + ".wat",
                        mutant.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
