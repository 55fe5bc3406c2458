package dev.jwdb.repl;

import dev.jwdb.debugger.DebugException;
import dev.jwdb.debugger.LoadedModule;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The shell's module, read (decoded, validated) on another thread while the main one does something else, so that
 * the prompt comes sooner (README, "Start-up"): the shell starts reading FILE as soon as it knows it, and
 * {@link Main#main} even before picocli has parsed the command line, from a guess at which argument FILE is. A
 * guess is only used when picocli then names the same FILE; a wrong one costs some CPU on a thread nobody waits
 * for. Either way the module is in place, or its error reported, before the first prompt, as if read there.
 */
final class ReadAhead {
    /** The read begun by {@link #guess}, until the shell takes it; only the main thread touches it. */
    private static ReadAhead guessed;

    private final String file;
    private final FutureTask<LoadedModule> reading;

    private ReadAhead(String file, FutureTask<LoadedModule> reading) {
        this.file = file;
        this.reading = reading;
    }

    /** Starts reading the module that {@code args} probably name for the shell, if any. */
    static void guess(String[] args) {
        String file = guessFile(args);
        if (file != null) {
            try {
                guessed = new ReadAhead(file, start(Path.of(file)));
            } catch (InvalidPathException e) {
                // not a path: picocli will say what is wrong with the command line
            }
        }
    }

    /**
     * The shell's FILE as far as can be told without the command line's model: not under a subcommand, the first
     * argument that is not an option and looks like a module. Null when there is none.
     */
    static String guessFile(String[] args) {
        if (args.length == 0 || Main.SUBCOMMANDS.contains(args[0])) {
            return null;
        }
        for (String arg : args) {
            if (!arg.startsWith("-") && (arg.endsWith(".wasm") || arg.endsWith(".wat"))) {
                return arg;
            }
        }
        return null;
    }

    /** The read of {@code file}: the guessed one when it was for this file, else one started now. */
    static FutureTask<LoadedModule> of(String file) {
        ReadAhead ahead = guessed;
        guessed = null;
        if (ahead != null && ahead.file.equals(file)) {
            return ahead.reading;
        }
        return start(Path.of(file));
    }

    /** Whether a guessed read is waiting to be taken (tests). */
    static boolean pending() {
        return guessed != null;
    }

    private static FutureTask<LoadedModule> start(Path file) {
        FutureTask<LoadedModule> task = new FutureTask<>(() -> {
            LoadedModule loaded = LoadedModule.read(file);
            StartupTrace.mark("module read");
            return loaded;
        });
        Thread thread = new Thread(task, "jwdb-read-ahead");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The module read on the other thread; its failure is the caller's, as if it had read the module itself. */
    static LoadedModule await(FutureTask<LoadedModule> reading) throws DebugException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reading.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DebugException d) {
                throw d;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
