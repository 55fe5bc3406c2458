package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRecorderTest {
    @TempDir
    Path tmp;

    private static WasiHost host(Grants grants, AuditRecorder recorder) {
        return new WasiHost(List.of("p"), grants, new GuestStdio(java.io.InputStream.nullInputStream(),
                java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream()), recorder);
    }

    @Test
    void deniedFileNeedsADirectoryForItsTopLevel() {
        AuditRecorder recorder = new AuditRecorder();
        Grants grants = new Grants().audit(true);
        HeapGuestMemory memory = new HeapGuestMemory(1024);
        byte[] path = "logs/app.log".getBytes();
        memory.write(100, path, 0, path.length);
        try (WasiHost host = host(grants, recorder)) {
            host.function("path_open").call(memory, 3, 1, 100, path.length, 9, GuestCalls.WRITE, 0, 0, 200);
        }
        LeastPrivilege lp = recorder.leastPrivilege(grants.snapshot());
        assertEquals(List.of("--dir HOST::/logs"), lp.jwdbFlags());
        assertEquals(List.of("--dir HOST::/logs"), lp.wasmtimeFlags());
        assertEquals(1, recorder.denials().size());
    }

    @Test
    void grantsNarrowToWhatWasUsedAndReadOnlyWhenNothingWasWritten() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("srv"));
        Files.createDirectories(root.resolve("data/in"));
        Files.writeString(root.resolve("data/in/x.txt"), "x");
        Files.createDirectory(root.resolve("unused"));
        Path out = Files.createDirectory(tmp.resolve("out"));
        Grants grants = new Grants().audit(true).dir(DirGrant.parse(root + "::/", false))
                .dir(DirGrant.parse(out + "::/out", false)).dir(DirGrant.parse(tmp + "::/never", false))
                .env("LOG_LEVEL", "debug").env("TZ", "UTC");
        AuditRecorder recorder = new AuditRecorder();
        try (GuestCalls g = new GuestCalls(grants)) {
            g.host.listener(recorder);
            g.open(3, "data/in/x.txt", 0, GuestCalls.READ, 0);
            g.open(3, "out/result.txt", Rights.OFLAG_CREAT, GuestCalls.WRITE, 0);
            int sizes = g.alloc(8);
            g.call("environ_sizes_get", sizes, sizes + 4);
            g.call("clock_time_get", 0, 0L, g.alloc(8));
        }
        LeastPrivilege lp = recorder.leastPrivilege(grants.snapshot());
        assertEquals(List.of("--ro-dir " + root.resolve("data") + "::/data",
                "--dir " + out + "::/out", "--env LOG_LEVEL=debug", "--env TZ=UTC", "--allow clock"),
                lp.jwdbFlags());
        assertEquals(List.of("--dir " + root.resolve("data") + "::/data", "--dir " + out + "::/out",
                "--env LOG_LEVEL=debug", "--env TZ=UTC"), lp.wasmtimeFlags());
    }

    @Test
    void aDirectoryGrantedRelativeIsListedRelativeAsItWasWritten() throws Exception {
        Path srv = Path.of("target", "audit-recorder-test", "srv");
        Files.createDirectories(srv.resolve("data"));
        Files.writeString(srv.resolve("data/x.txt"), "x");
        Grants grants = new Grants().audit(true).dir(DirGrant.parse(srv + "::/", false))
                .dir(DirGrant.parse("./" + srv + "::/srv", true));
        AuditRecorder recorder = new AuditRecorder();
        try (GuestCalls g = new GuestCalls(grants)) {
            g.host.listener(recorder);
            g.open(3, "data/x.txt", 0, GuestCalls.READ, 0);
            g.open(3, "srv/data/x.txt", 0, GuestCalls.READ, 0);
        }
        // the root grant narrowed to /data, its host to the same part of the directory as written
        assertEquals(List.of("--ro-dir target/audit-recorder-test/srv/data::/data",
                "--ro-dir ./target/audit-recorder-test/srv::/srv"),
                recorder.leastPrivilege(grants.snapshot()).jwdbFlags());
    }
}
