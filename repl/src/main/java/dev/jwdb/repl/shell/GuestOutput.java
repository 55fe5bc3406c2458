package dev.jwdb.repl.shell;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A guest's stdout or stderr on jwdb's console, each line behind a gutter ({@code stdout| }, {@code stderr| }) so
 * that what the program printed never reads as something jwdb said. Bytes are collected into lines; a line the
 * guest has not ended yet is written when the guest stops ({@link #endLine}), so that it appears before the stop.
 */
public final class GuestOutput extends OutputStream {
    private final PrintWriter out;
    private final String gutter;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    public GuestOutput(PrintWriter out, String gutter) {
        this.out = out;
        this.gutter = gutter;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Writes a pending unterminated line, ended by a newline, before jwdb speaks. */
    public synchronized void endLine() {
        if (line.size() > 0) {
            emit();
        }
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        out.println(gutter + text);
        out.flush();
        line.reset();
    }
}
