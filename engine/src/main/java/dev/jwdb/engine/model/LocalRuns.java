package dev.jwdb.engine.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable list of local types kept the way the binary format declares them, as runs of one type. A code
 * entry of seven bytes can declare 50000 locals; expanded to one list entry per local, a few kilobytes of module
 * would fill a small heap before validation even starts. Kept as runs, memory follows the size of the module.
 */
public final class LocalRuns extends AbstractList<ValType> implements RandomAccess {
    private final ValType[] types;
    /** ends[i] is the number of locals in runs 0..i, so run i covers indices [ends[i-1], ends[i]). */
    private final int[] ends;

    /** @param counts how many locals each run declares; their sum must fit in an int */
    public LocalRuns(long[] counts, ValType[] types) {
        if (counts.length != types.length) {
            throw new IllegalArgumentException(counts.length + " counts for " + types.length + " types");
        }
        // Runs of zero locals are dropped, so that ends is strictly increasing and one binary search finds a run.
        ValType[] kept = new ValType[types.length];
        int[] keptEnds = new int[types.length];
        int n = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                total += counts[i];
                kept[n] = types[i];
                keptEnds[n++] = Math.toIntExact(total);
            }
        }
        this.types = Arrays.copyOf(kept, n);
        this.ends = Arrays.copyOf(keptEnds, n);
    }

    @Override
    public ValType get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("local " + index + " of " + size());
        }
        // The run holding index is the first whose end lies beyond it.
        int run = Arrays.binarySearch(ends, index + 1);
        return types[run >= 0 ? run : -run - 1];
    }

    @Override
    public int size() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }
}
