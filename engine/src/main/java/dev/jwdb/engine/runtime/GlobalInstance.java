package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.ValType;

/** A global variable. Importing it shares this object, so a mutable global is seen alike by every instance. */
public final class GlobalInstance implements ExternVal {
    private final GlobalType type;
    private long bits;
    private long high;

    public GlobalInstance(GlobalType type, Value initial) {
        this.type = type;
        checkType(initial);
        this.bits = initial.bits();
        this.high = initial.high();
    }

    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }

    public GlobalType type() {
        return type;
    }

    public Value value() {
        // the interpreter stores i32/f32 cells without clearing the upper half
        return type.type() == ValType.V128 ? Value.v128(bits, high) : Value.ofSlot(type.type(), bits);
    }

    /** Sets a mutable global from outside Wasm; the value must have the global's type. */
    public void set(Value v) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        checkType(v);
        bits = v.bits();
        high = v.high();
    }

    /** Engine internal: the value as an untyped slot (the low half for v128). */
    public long bits() {
        return bits;
    }

    /** Engine internal: stores a slot that validation has already type-checked. */
    public void setBits(long bits) {
        this.bits = bits;
    }

    /** Engine internal: the upper 64 bits of a v128 global (its second interpreter slot). */
    public long highBits() {
        return high;
    }

    /** Engine internal: stores both halves of a v128 that validation has already type-checked. */
    public void setVectorBits(long low, long high) {
        this.bits = low;
        this.high = high;
    }

    private void checkType(Value v) {
        if (v == null || v.type() != type.type()) {
            throw new IllegalArgumentException("global of type " + type.type() + " cannot hold " + v);
        }
    }
}
