package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 2 and 3: the real shell in a real terminal (tmux), driven by keystrokes: a typed command,
 * Tab completing a function name, Ctrl-C stopping an infinite loop with {@code bt} showing it, a second Ctrl-C at
 * the prompt, Ctrl-D; and the capability story typed by hand. Skipped when tmux is not installed.
 */
class TerminalShellTest {
    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    Path dir;

    private String session;

    @AfterEach
    void killSession() throws Exception {
        if (session != null) {
            tmux("kill-session", "-t", session);
        }
    }

    @Test
    void typingTabCompletionCtrlCAndBacktrace() throws Exception {
        start(Jwdb.sample("wat/spin.wat"));
        await("(jwdb) ");
        type("info functions");
        await("$spin");
        // Tab completes the exported function's name after `invoke sp`.
        keys("invoke sp", "Tab");
        await("(jwdb) invoke spin");
        keys("Enter");
        Thread.sleep(500);
        keys("C-c");
        await("Interrupted at spin+0x");
        type("bt");
        await("#0  spin+0x");
        // A second Ctrl-C, at the prompt, only clears the line: the session is still stopped in spin.
        keys("info loc");
        await(") info loc");
        keys("C-c");
        Thread.sleep(300);
        type("info locals");
        await("$turns = i32:");
        assertTrue(screen().contains("(jwdb spin+0x"), screen());
        keys("C-d");
        awaitExit();
    }

    @Test
    void theCapabilityStoryTypedInTheShell() throws Exception {
        Files.createDirectory(dir.resolve("server-logs"));
        start(Jwdb.sample("logger/logger-rust.wasm"));
        await("stopped before _start");
        type("run");
        await("fix   grant dir HOST::/logs, then retry");
        type("grant dir ./server-logs::/logs");
        await("granted dir ./server-logs as /logs");
        type("retry");
        await("retried path_open -> ESUCCESS");
        type("continue");
        await("program exited with code 0");
        type("quit");
        awaitExit();
        assertEquals("Wasm module successfully initialized!", Files.readString(dir.resolve("server-logs/app.log")));
    }

    private void start(String file) throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        session = "jwdb-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path repl = Jwdb.SAMPLES.resolveSibling("repl").resolve("target");
        String jar;
        try (Stream<Path> files = Files.list(repl)) {
            jar = files.filter(p -> p.getFileName().toString().matches("jwdb-repl-.*\\.jar")).findFirst()
                    .orElseThrow().toString();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "JWDB_HOME='" + dir + "' '" + java + "' -cp '" + jar + File.pathSeparator + repl.resolve("lib")
                + File.separator + "*' dev.jwdb.repl.Main '" + file + "'; echo JWDB-EXITED $?; sleep 30";
        tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", "-c", dir.toString(), command);
    }

    private void type(String line) throws Exception {
        keys(line, "Enter");
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    private void await(String text) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            if (screen().contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the terminal never showed \"" + text + "\":\n" + screen());
    }

    private void awaitExit() throws Exception {
        await("JWDB-EXITED 0");
        assertFalse(screen().contains("Exception"), screen());
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
