package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirGrantTest {
    @TempDir
    Path elsewhere;

    @Test
    void aSuggestionForADirectoryUnderTheWorkingDirectoryIsSpelledRelativeToIt() throws Exception {
        Path target = Files.createDirectories(Path.of("target", "dir-grant-test", "out"));
        DirGrant readOnly = DirGrant.parse("./target/dir-grant-test/out::/out", true);
        DirGrant writable = new DirGrant(readOnly.host(), readOnly.guest(), false);
        assertEquals("grant dir ./target/dir-grant-test/out::/out", writable.shellCommand());
        assertEquals("--dir ./target/dir-grant-test/out::/out", writable.flag());
        assertEquals(target.toRealPath(), readOnly.host(), "the grant itself still holds the real path");
    }

    @Test
    void aDirectoryElsewhereStaysAbsolute() throws Exception {
        DirGrant grant = DirGrant.parse(elsewhere + "::/data", true);
        assertEquals("--ro-dir " + elsewhere.toRealPath() + "::/data", grant.flag());
    }
}
