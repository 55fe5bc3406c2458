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
    void aGrantMadeByCodeForADirectoryUnderTheWorkingDirectoryIsSpelledRelativeToIt() throws Exception {
        Path target = Files.createDirectories(Path.of("target", "dir-grant-test", "out"));
        DirGrant readOnly = DirGrant.parse("./target/dir-grant-test/out::/out", true);
        DirGrant writable = new DirGrant(readOnly.host(), readOnly.guest(), false);
        assertEquals("grant dir ./target/dir-grant-test/out::/out", writable.shellCommand());
        assertEquals("--dir ./target/dir-grant-test/out::/out", writable.flag());
        assertEquals(target.toRealPath(), readOnly.host(), "the grant itself still holds the real path");
    }

    @Test
    void aTypedGrantIsShownAsItWasWrittenAndSoIsTheReadWriteOneItsDenialsSuggest() throws Exception {
        Files.createDirectories(Path.of("target", "dir-grant-test", "out"));
        DirGrant relative = DirGrant.parse("target/dir-grant-test/out::/out", true);
        assertEquals("--ro-dir target/dir-grant-test/out::/out", relative.flag());
        assertEquals("grant dir target/dir-grant-test/out::/out", relative.readWrite().shellCommand());
        assertEquals(relative.host(), relative.readWrite().host());
        String absolute = Path.of("target", "dir-grant-test", "out").toAbsolutePath().toString();
        assertEquals("--dir " + absolute + "::/out", DirGrant.parse(absolute + "::/out", false).flag());
        assertEquals("--dir ../engine/target::/t", DirGrant.parse("../engine/target::/t", false).flag());
    }

    @Test
    void aDirectoryElsewhereStaysAbsolute() throws Exception {
        DirGrant grant = DirGrant.parse(elsewhere + "::/data", true);
        assertEquals("--ro-dir " + elsewhere + "::/data", grant.flag());
    }
}
