package dev.jwdb.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test-only reader that finds every {@code (module binary "...")} in a .wast file, with the message expected when it
 * sits inside {@code assert_malformed}. Just enough s-expression reading for that; the real script parser lives in
 * wat-parser, which the engine cannot depend on. (wat-parser's tests use this reader too, from the engine's
 * test-jar, for the spec's binaries as the spec wrote them.)
 */
public final class SpecBinaryModules {
    /** One binary module of a spec script; {@code malformed} is the expected message, or null if it must decode. */
    public record Case(String where, byte[] bytes, String malformed) {
    }

    private sealed interface Node {
    }

    private record Atom(String text) implements Node {
    }

    private record Text(byte[] bytes) implements Node {
    }

    private record Form(List<Node> items, int line) implements Node {
    }

    private final byte[] src;
    private int pos;
    private int line = 1;

    private SpecBinaryModules(byte[] src) {
        this.src = src;
    }

    /** The Wasm 2.0 spec scripts: {@code jwdb.spec.dir}/wasm-2.0. */
    public static Path specDir() {
        String dir = System.getProperty("jwdb.spec.dir", "../../shared/spec");
        return Path.of(dir, "wasm-2.0");
    }

    /** The binary modules of every script in {@link #specDir()}, in file order; none when it is missing. */
    public static List<Case> all() throws IOException {
        Path dir = specDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wast")).sorted().toList()) {
                out.addAll(read(f));
            }
        }
        return out;
    }

    public static List<Case> read(Path file) throws IOException {
        SpecBinaryModules reader = new SpecBinaryModules(Files.readAllBytes(file));
        List<Case> out = new ArrayList<>();
        Node form;
        while ((form = reader.next()) != null) {
            collect(file.getFileName().toString(), form, null, out);
        }
        return out;
    }

    private static void collect(String file, Node node, Form parent, List<Case> out) {
        if (!(node instanceof Form form)) {
            return;
        }
        List<Node> items = form.items();
        int binaryAt = binaryKeywordIndex(items);
        if (binaryAt > 0) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Node n : items.subList(binaryAt + 1, items.size())) {
                if (n instanceof Text t) {
                    bytes.writeBytes(t.bytes());
                }
            }
            String expected = null;
            if (parent != null && head(parent).equals("assert_malformed")) {
                expected = new String(((Text) parent.items().get(2)).bytes(), StandardCharsets.UTF_8);
            }
            out.add(new Case(file + ":" + form.line(), bytes.toByteArray(), expected));
            return;
        }
        for (Node child : items) {
            collect(file, child, form, out);
        }
    }

    private static int binaryKeywordIndex(List<Node> items) {
        if (items.isEmpty() || !head(items).equals("module")) {
            return -1;
        }
        for (int i = 1; i < Math.min(items.size(), 3); i++) {
            if (items.get(i) instanceof Atom a && a.text().equals("binary")) {
                return i;
            }
        }
        return -1;
    }

    private static String head(Form form) {
        return head(form.items());
    }

    private static String head(List<Node> items) {
        return !items.isEmpty() && items.get(0) instanceof Atom a ? a.text() : "";
    }

    private Node next() {
        skipSpaceAndComments();
        if (pos >= src.length) {
            return null;
        }
        int c = src[pos];
        if (c == '(') {
            int startLine = line;
            pos++;
            List<Node> items = new ArrayList<>();
            while (true) {
                skipSpaceAndComments();
                if (pos >= src.length) {
                    throw new IllegalStateException("unclosed form from line " + startLine);
                }
                if (src[pos] == ')') {
                    pos++;
                    return new Form(items, startLine);
                }
                items.add(next());
            }
        }
        if (c == '"') {
            return string();
        }
        int start = pos;
        while (pos < src.length && !Character.isWhitespace(src[pos]) && src[pos] != '(' && src[pos] != ')') {
            pos++;
        }
        return new Atom(new String(src, start, pos - start, StandardCharsets.UTF_8));
    }

    private Text string() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        while (src[pos] != '"') {
            int c = src[pos++] & 0xFF;
            if (c != '\\') {
                out.write(c);
                continue;
            }
            int e = src[pos++];
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '"', '\'', '\\' -> out.write(e);
                case 'u' -> {
                    int close = indexOf('}', pos);
                    int codePoint = Integer.parseInt(new String(src, pos + 1, close - pos - 1,
                            StandardCharsets.US_ASCII).replace("_", ""), 16);
                    out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                    pos = close + 1;
                }
                default -> {
                    out.write(Integer.parseInt(new String(src, pos - 1, 2, StandardCharsets.US_ASCII), 16));
                    pos++;
                }
            }
        }
        pos++;
        return new Text(out.toByteArray());
    }

    private int indexOf(char c, int from) {
        int i = from;
        while (src[i] != c) {
            i++;
        }
        return i;
    }

    private void skipSpaceAndComments() {
        while (pos < src.length) {
            int c = src[pos];
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == ';' && pos + 1 < src.length && src[pos + 1] == ';') {
                while (pos < src.length && src[pos] != '\n') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (src[pos] == '(' && src[pos + 1] == ';') {
                depth++;
                pos += 2;
            } else if (src[pos] == ';' && src[pos + 1] == ')') {
                depth--;
                pos += 2;
            } else {
                if (src[pos] == '\n') {
                    line++;
                }
                pos++;
            }
        } while (depth > 0);
    }
}
