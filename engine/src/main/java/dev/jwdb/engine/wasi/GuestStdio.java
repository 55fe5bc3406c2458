package dev.jwdb.engine.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/** Where the guest's standard streams go; kept apart from the debugger's own output. */
public record GuestStdio(InputStream in, OutputStream out, OutputStream err) {
    public static GuestStdio system() {
        return new GuestStdio(System.in, System.out, System.err);
    }
}
