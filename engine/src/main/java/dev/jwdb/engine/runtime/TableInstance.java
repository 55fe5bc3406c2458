package dev.jwdb.engine.runtime;

import dev.jwdb.engine.ExhaustionException;
import dev.jwdb.engine.model.ExternKind;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.Arrays;

/**
 * A table of reference slots ({@link Value#NULL_REF}, a store function address, or an externref's host value).
 */
public final class TableInstance implements ExternVal {
    public static final String OUT_OF_BOUNDS = "out of bounds table access";
    /** Growth beyond this many elements fails (returns -1) rather than risk the heap. */
    public static final int MAX_ELEMENTS = 10_000_000;

    private final ValType elementType;
    private final long declaredMax;
    private long[] elements;

    public TableInstance(TableType type) {
        this(type, Value.NULL_REF);
    }

    /** A table of the type's minimum size with every element set to {@code init}. */
    public TableInstance(TableType type, long init) {
        this.elementType = type.elementType();
        this.declaredMax = type.limits().max();
        if (type.limits().min() > MAX_ELEMENTS) {
            throw new ExhaustionException(
                    "table size " + type.limits().min() + " exceeds the limit of " + MAX_ELEMENTS);
        }
        this.elements = new long[(int) type.limits().min()];
        Arrays.fill(elements, init);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }

    /** The current type: the minimum is the current size, as import matching requires. */
    public TableType type() {
        return new TableType(elementType, new Limits(elements.length, declaredMax));
    }

    public ValType elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    /** The slot at {@code i}; an index outside the table throws IndexOutOfBoundsException. */
    public long get(int i) {
        return elements[i];
    }

    public void set(int i, long slot) {
        elements[i] = slot;
    }

    /** Grows by {@code delta} (an unsigned i32) elements set to {@code init}; returns the old size or -1. */
    public int grow(int delta, long init) {
        int old = elements.length;
        long wanted = old + Integer.toUnsignedLong(delta);
        long max = declaredMax == Limits.NO_MAX ? MAX_ELEMENTS : Math.min(declaredMax, MAX_ELEMENTS);
        if (wanted > max) {
            return -1;
        }
        try {
            long[] grown = Arrays.copyOf(elements, (int) wanted);
            Arrays.fill(grown, old, (int) wanted, init);
            elements = grown;
        } catch (OutOfMemoryError e) {
            return -1;
        }
        return old;
    }

    /** Engine internal: the live element array (replaced on growth). */
    public long[] elements() {
        return elements;
    }
}
