package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasiImportsTest {
    private final WasiImports imports = new WasiImports(new WasiHost(List.of("prog"), new Grants(),
            new GuestStdio(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                    new ByteArrayOutputStream()), CapabilityListener.DELIVER_ALL));

    @Test
    void preview1ServesEveryFunction() {
        for (String name : List.of("fd_write", "fd_seek", "fd_filestat_get", "path_filestat_get", "poll_oneoff")) {
            assertNotNull(imports.resolve("wasi_snapshot_preview1", name), name);
        }
    }

    @Test
    void wasiUnstableServesOnlyWhatDiffersByName() {
        assertNotNull(imports.resolve("wasi_unstable", "fd_write"));
        assertNotNull(imports.resolve("wasi_unstable", "path_open"));
        for (String name : List.of("fd_seek", "fd_filestat_get", "path_filestat_get", "poll_oneoff")) {
            assertNull(imports.resolve("wasi_unstable", name), name + " has another ABI in wasi_unstable");
        }
    }

    @Test
    void otherModulesAreNotWasi() {
        assertNull(imports.resolve("env", "fd_write"));
    }
}
