package dev.jwdb.samples;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the packaged jwdb (the repl jar and its libraries, as {@code ./jwdb} does) as a separate process, for what
 * only a real process shows: its exit status, raw standard streams and its working directory.
 */
final class JwdbProcess {
    private JwdbProcess() {
    }

    static Jwdb.Result run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        Path repl = Jwdb.SAMPLES.resolveSibling("repl").resolve("target");
        String jar;
        try (Stream<Path> files = Files.list(repl)) {
            jar = files.filter(p -> p.getFileName().toString().matches("jwdb-repl-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("repl is not packaged")).toString();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", jar + File.pathSeparator + repl.resolve("lib") + File.separator + "*",
                "dev.jwdb.repl.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // The shell reads ~/.jwdbrc and writes ~/.jwdb_history: keep the developer's own out of the tests.
        builder.environment().put("JWDB_HOME", workingDirectory.toString());
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jwdb did not finish");
        }
        return new Jwdb.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
