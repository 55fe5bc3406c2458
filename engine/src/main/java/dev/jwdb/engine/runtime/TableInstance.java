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

    private final ValType elementType;
    private final long declaredMax;
    /** Growth beyond this many elements fails (returns -1): the declared maximum or the store's limit. */
    private final long maxElements;
    private long[] elements;

    /** A table under the default limits, every element null. */
    public TableInstance(TableType type) {
        this(type, Value.NULL_REF, StoreLimits.DEFAULT);
    }

    /** A table of the type's minimum size, every element null, allowed to grow up to its maximum and {@code limits}. */
    public TableInstance(TableType type, StoreLimits limits) {
        this(type, Value.NULL_REF, limits);
    }

    /** A table of the type's minimum size with every element set to {@code init}. */
    public TableInstance(TableType type, long init, StoreLimits limits) {
        Limits l = type.limits();
        this.elementType = type.elementType();
        this.declaredMax = l.max();
        this.maxElements = l.hasMax() ? Math.min(l.max(), limits.maxTableElements()) : limits.maxTableElements();
        if (l.min() > limits.maxTableElements()) {
            throw new ExhaustionException(
                    "table size " + l.min() + " exceeds the limit of " + limits.maxTableElements());
        }
        try {
            this.elements = new long[(int) l.min()];
        } catch (OutOfMemoryError e) {
            throw new ExhaustionException("out of memory allocating a table of " + l.min() + " elements");
        }
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
        if (wanted > maxElements) {
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
