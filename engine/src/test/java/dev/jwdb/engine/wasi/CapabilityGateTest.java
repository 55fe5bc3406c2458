package dev.jwdb.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityGateTest {
    @TempDir
    Path tmp;
    Path logs;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        logs = Files.createDirectory(tmp.resolve("server-logs"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
    }

    private int createWrite(GuestCalls g, int dirFd, String path) {
        int out = g.alloc(4);
        Errno e = g.openErrno(dirFd, path, Rights.OFLAG_CREAT | Rights.OFLAG_TRUNC, GuestCalls.WRITE, 0, out);
        return e == Errno.SUCCESS ? g.i32(out) : -e.code();
    }

    @Test
    void openThroughTheGateWithoutGrantIsDeniedAndExplained() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, WasiHost.GATE_FD, "logs/app.log"));
            CapabilityEvent e = g.lastEvent();
            assertEquals("denied path_open \"/logs/app.log\" (create, write): no grant covers /logs; "
                    + "grant it with --dir HOST::/logs", e.explanation());
            assertEquals("grant dir HOST::/logs", e.suggestion().shellCommand());
            assertEquals(Errno.NOTCAPABLE, e.errno());
        }
    }

    @Test
    void aRequestThatChangesNothingIsToldOfAReadOnlyGrantWhichThenServesIt() throws Exception {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(WasiHost.GATE_FD, "data/secret.txt", 0, GuestCalls.READ));
            CapabilityEvent e = g.lastEvent();
            assertEquals("denied path_open \"/data/secret.txt\" (read): no grant covers /data; "
                    + "grant it with --ro-dir HOST::/data", e.explanation());
            assertEquals("grant dir HOST::/data ro", e.suggestion().shellCommand());
            assertEquals(Errno.NOTCAPABLE, g.call("path_filestat_get", WasiHost.GATE_FD, 0, g.put("data"), 4,
                    g.alloc(64)));
            assertEquals("--ro-dir HOST::/data", g.lastEvent().suggestion().flag());

            grants.dir(DirGrant.parse(outside + "::/data", true));
            int fd = g.open(WasiHost.GATE_FD, "data/secret.txt", 0, GuestCalls.READ, 0);
            assertEquals("secret", g.read(fd, 100));
        }
    }

    @Test
    void aRequestThatChangesSomethingIsToldOfAReadWriteGrant() {
        try (GuestCalls g = new GuestCalls(new Grants())) {
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(WasiHost.GATE_FD, "data/x.txt", Rights.OFLAG_TRUNC,
                    GuestCalls.READ));
            assertEquals("--dir HOST::/data", g.lastEvent().suggestion().flag());
            assertEquals(Errno.NOTCAPABLE, g.openErrno(WasiHost.GATE_FD, "data/x.txt", 0, GuestCalls.READ,
                    Rights.FDFLAG_APPEND, g.alloc(4)));
            assertEquals("--dir HOST::/data", g.lastEvent().suggestion().flag());
            assertEquals(Errno.NOTCAPABLE, g.call("path_create_directory", WasiHost.GATE_FD, g.put("data/d"), 6));
            assertEquals("grant dir HOST::/data", g.lastEvent().suggestion().shellCommand());
            assertEquals(Errno.NOTCAPABLE, g.call("path_unlink_file", WasiHost.GATE_FD, g.put("data/x"), 6));
            assertEquals("--dir HOST::/data", g.lastEvent().suggestion().flag());
        }
    }

    @Test
    void grantAddedBetweenTwoCallsWorksThroughTheGate() throws Exception {
        Grants grants = new Grants();
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, WasiHost.GATE_FD, "logs/app.log"));
            grants.dir(DirGrant.parse(logs + "::/logs", false));
            int fd = createWrite(g, WasiHost.GATE_FD, "logs/app.log");
            assertTrue(fd > 3);
            assertEquals(Errno.SUCCESS, g.write(fd, "Wasm module successfully initialized!"));
            assertEquals("Wasm module successfully initialized!", Files.readString(logs.resolve("app.log")));
            assertEquals(Decision.ALLOWED, g.lastEvent().decision());
        }
    }

    @Test
    void grantedDirectoriesArePreopenedAfterTheGateInGrantOrder() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false))
                .dir(DirGrant.parse(outside + "::/data", true));
        try (GuestCalls g = new GuestCalls(grants)) {
            int buf = g.alloc(64);
            assertEquals(Errno.SUCCESS, g.call("fd_prestat_get", 3, buf));
            assertEquals(1, g.i32(buf + 4));
            assertEquals(Errno.SUCCESS, g.call("fd_prestat_dir_name", 3, buf, 1));
            assertEquals("/", new String(g.bytes(buf, 1), StandardCharsets.UTF_8));
            assertEquals(Errno.SUCCESS, g.call("fd_prestat_get", 4, buf));
            assertEquals(Errno.SUCCESS, g.call("fd_prestat_dir_name", 4, buf, 5));
            assertEquals("/logs", new String(g.bytes(buf, 5), StandardCharsets.UTF_8));
            assertEquals(Errno.SUCCESS, g.call("fd_prestat_dir_name", 5, buf, 5));
            assertEquals("/data", new String(g.bytes(buf, 5), StandardCharsets.UTF_8));
            assertEquals(Errno.BADF, g.call("fd_prestat_get", 6, buf));
        }
    }

    @Test
    void listingRootThroughTheGateShowsOnlyMountPoints() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false))
                .dir(DirGrant.parse(outside + "::/srv/data", true));
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(List.of(".", "..", "logs", "srv"), g.list(WasiHost.GATE_FD));
            int srv = g.open(WasiHost.GATE_FD, "srv", Rights.OFLAG_DIRECTORY, GuestCalls.READ, 0);
            assertEquals(List.of(".", "..", "data"), g.list(srv));
            int data = g.open(WasiHost.GATE_FD, "srv/data", Rights.OFLAG_DIRECTORY, GuestCalls.READ, 0);
            assertEquals(List.of(".", "..", "secret.txt"), g.list(data));
        }
    }

    @Test
    void dotDotPastAGrantedDescriptorIsRefused() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "../outside/secret.txt", 0, GuestCalls.READ));
            assertTrue(g.lastEvent().reason().startsWith("'..' leaves /logs"), g.lastEvent().reason());
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(WasiHost.GATE_FD, "../../etc/passwd", 0, GuestCalls.READ));
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, 4, "sub/../../escaped.txt"));
            assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        }
    }

    @Test
    void absolutePathsAreRefused() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, outside.resolve("secret.txt").toString(), 0, GuestCalls.READ));
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, 4, tmp.resolve("abs.txt").toString()));
            assertFalse(Files.exists(tmp.resolve("abs.txt")));
        }
    }

    @Test
    void symlinksPointingOutOfTheGrantAreNotFollowed() throws Exception {
        Files.createSymbolicLink(logs.resolve("abs-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(logs.resolve("rel-link"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(logs.resolve("dir-link"), outside);
        Files.createDirectory(logs.resolve("sub"));
        Files.writeString(logs.resolve("sub/inside.txt"), "inside");
        Files.createSymbolicLink(logs.resolve("ok-link"), Path.of("sub/inside.txt"));
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "abs-link", 0, GuestCalls.READ));
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(4, "rel-link", 0, GuestCalls.READ));
            assertEquals(Errno.NOTCAPABLE, g.tryOpen(WasiHost.GATE_FD, "logs/dir-link/secret.txt", 0, GuestCalls.READ));
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, 4, "dir-link/new.txt"));
            assertFalse(Files.exists(outside.resolve("new.txt")));
            assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
            int fd = g.open(4, "ok-link", 0, GuestCalls.READ, 0);
            assertEquals("inside", g.read(fd, 100));
        }
    }

    @Test
    void hardLinksAndRenamesOutOfAGrantAreRefused() throws Exception {
        Files.writeString(logs.resolve("app.log"), "log");
        Path other = Files.createDirectory(tmp.resolve("other"));
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false))
                .dir(DirGrant.parse(other + "::/other", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            String from = "app.log";
            String out = "../outside/stolen.log";
            assertEquals(Errno.NOTCAPABLE, g.call("path_link", 4, 0, g.put(from), 7, 4, g.put(out), GuestCalls.len(out)));
            assertEquals(Errno.NOTCAPABLE, g.call("path_rename", 4, g.put(from), 7, 4, g.put(out), GuestCalls.len(out)));
            String gateOut = "nowhere/stolen.log";
            assertEquals(Errno.NOTCAPABLE, g.call("path_rename", 4, g.put(from), 7, 3, g.put(gateOut),
                    GuestCalls.len(gateOut)));
            assertEquals(Errno.XDEV, g.call("path_link", 4, 0, g.put(from), 7, 5, g.put("x"), 1));
            assertEquals(Errno.XDEV, g.call("path_rename", 4, g.put(from), 7, 5, g.put("x"), 1));
            assertTrue(Files.exists(logs.resolve("app.log")));
            assertFalse(Files.exists(outside.resolve("stolen.log")));
            assertFalse(Files.exists(other.resolve("x")));
        }
    }

    @Test
    void symlinkTargetsLeavingTheGrantCannotBeCreated() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            String abs = "/etc/passwd";
            String rel = "../outside/secret.txt";
            assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", g.put(abs), abs.length(), 4, g.put("l1"), 2));
            assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", g.put(rel), rel.length(), 4, g.put("l2"), 2));
            assertFalse(Files.exists(logs.resolve("l1"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
            assertFalse(Files.exists(logs.resolve("l2"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Test
    void revokedGrantIsDeniedEvenThroughItsPreopen() {
        Grants grants = new Grants().dir(DirGrant.parse(logs + "::/logs", false));
        try (GuestCalls g = new GuestCalls(grants)) {
            assertTrue(createWrite(g, 4, "a.log") > 0);
            grants.revokeDir(GuestPath.parse("/logs"));
            assertEquals(-Errno.NOTCAPABLE.code(), createWrite(g, 4, "b.log"));
            assertFalse(Files.exists(logs.resolve("b.log")));
        }
    }
}
