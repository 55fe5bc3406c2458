package dev.jwdb.engine.model;

/** The four kinds of importable and exportable entities, with their binary codes. */
public enum ExternKind {
    FUNC(0, "func"),
    TABLE(1, "table"),
    MEMORY(2, "memory"),
    GLOBAL(3, "global");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static ExternKind fromCode(int code) {
        for (ExternKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
