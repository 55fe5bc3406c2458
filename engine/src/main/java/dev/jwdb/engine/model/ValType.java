package dev.jwdb.engine.model;

import java.util.ArrayList;
import java.util.List;

/** A WebAssembly value type, with its binary code and text name. */
public enum ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"),
    EXTERNREF(0x6F, "externref");

    private final int code;
    private final String text;

    ValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    /**
     * Types written one letter each, as the opcode table spells signatures: {@code i I f F} for i32, i64, f32, f64,
     * {@code v} for v128, {@code r} funcref, {@code e} externref.
     */
    public static List<ValType> ofLetters(String letters) {
        List<ValType> out = new ArrayList<>(letters.length());
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'i' -> I32;
                case 'I' -> I64;
                case 'f' -> F32;
                case 'F' -> F64;
                case 'v' -> V128;
                case 'r' -> FUNCREF;
                case 'e' -> EXTERNREF;
                default -> throw new IllegalArgumentException("bad type letter " + c);
            });
        }
        return List.copyOf(out);
    }

    /** The type for a binary code, or null when the byte is not a value type. */
    public static ValType fromCode(int code) {
        for (ValType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** The type for a text keyword, or null. */
    public static ValType fromText(String text) {
        for (ValType t : values()) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
