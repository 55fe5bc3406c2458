package dev.jwdb.wat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only: the bytes of every {@code (module binary "...")} in the Wasm 2.0 spec scripts, whether or not the
 * script expects them to decode. Comments are blanked first so that commented-out strings are not picked up.
 */
final class SpecBinaries {
    private SpecBinaries() {
    }

    static Path sharedDir() {
        return Path.of(System.getProperty("jwdb.spec.dir", "../../shared/spec")).getParent();
    }

    static List<byte[]> all() throws IOException {
        Path dir = sharedDir().resolve("spec").resolve("wasm-2.0");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wast")).sorted().toList()) {
                extract(withoutComments(Files.readAllBytes(f)), out);
            }
        }
        return out;
    }

    private static byte[] withoutComments(byte[] src) {
        byte[] out = src.clone();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < out.length; i++) {
            byte c = src[i];
            boolean next = i + 1 < src.length;
            if (depth == 0 && inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (depth == 0 && c == '"') {
                inString = true;
            } else if (depth == 0 && c == ';' && next && src[i + 1] == ';') {
                while (i < out.length && src[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '(' && next && src[i + 1] == ';') {
                depth++;
                out[i] = ' ';
                out[++i] = ' ';
            } else if (depth > 0 && c == ';' && next && src[i + 1] == ')') {
                depth--;
                out[i] = ' ';
                out[++i] = ' ';
            } else if (depth > 0 && c != '\n') {
                out[i] = ' ';
            }
        }
        return out;
    }

    private static void extract(byte[] src, List<byte[]> out) {
        String text = new String(src, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = 0;
        while ((at = text.indexOf("(module", at)) >= 0) {
            at += "(module".length();
            String[] words = text.substring(at, Math.min(text.length(), at + 200)).trim().split("[\\s\"]+", 3);
            boolean binary = words[0].equals("binary") || (words.length > 1 && words[1].equals("binary"));
            if (binary) {
                out.add(strings(src, text.indexOf("binary", at) + "binary".length()));
            }
        }
    }

    /** Concatenates the string literals from {@code from} up to the closing parenthesis. */
    private static byte[] strings(byte[] src, int from) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = from;
        while (src[i] != ')') {
            if (src[i++] != '"') {
                continue;
            }
            while (src[i] != '"') {
                if (src[i] == '\\') {
                    char e = (char) src[i + 1];
                    switch (e) {
                        case 'n' -> bytes.write('\n');
                        case 't' -> bytes.write('\t');
                        case 'r' -> bytes.write('\r');
                        case '"', '\'', '\\' -> bytes.write(e);
                        default -> {
                            bytes.write(Integer.parseInt(new String(src, i + 1, 2), 16));
                            i++;
                        }
                    }
                    i += 2;
                } else {
                    bytes.write(src[i++]);
                }
            }
            i++;
        }
        return bytes.toByteArray();
    }
}
