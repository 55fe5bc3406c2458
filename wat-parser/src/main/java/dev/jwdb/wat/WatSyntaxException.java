package dev.jwdb.wat;

import dev.jwdb.engine.WasmException;

/**
 * The text is not a well-formed module or script: a syntax error, an unknown operator, an unbound {@code $id}, a
 * constant out of range. This is the text format's "malformed". {@code line} and {@code column} are 1-based.
 */
public class WatSyntaxException extends WasmException {
    private final String sourceName;
    private final int line;
    private final int column;
    private final String reason;

    public WatSyntaxException(String reason, String sourceName, int line, int column) {
        super(sourceName + ":" + line + ":" + column + ": " + reason);
        this.reason = reason;
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
    }

    /** The problem alone, without the location (e.g. "unknown operator i32.foo"). */
    public String reason() {
        return reason;
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
