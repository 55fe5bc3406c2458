package dev.jwdb.engine.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalRunsTest {
    @Test
    void readsLikeTheExpandedListIncludingAroundEmptyRuns() {
        long[] counts = {2, 0, 3, 0, 0, 1, 0};
        ValType[] types = {ValType.I32, ValType.F64, ValType.I64, ValType.F32, ValType.FUNCREF, ValType.F64,
                ValType.EXTERNREF};
        List<ValType> expanded = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            expanded.addAll(Collections.nCopies((int) counts[i], types[i]));
        }

        LocalRuns runs = new LocalRuns(counts, types);

        assertEquals(expanded, runs);
        assertEquals(6, runs.size());
        for (int i = 0; i < expanded.size(); i++) {
            assertEquals(expanded.get(i), runs.get(i), "local " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> runs.get(6));
        assertThrows(IndexOutOfBoundsException.class, () -> runs.get(-1));
    }

    @Test
    void functionKeepsTheRunsInsteadOfExpandingThem() {
        LocalRuns many = new LocalRuns(new long[] {50_000}, new ValType[] {ValType.I64});
        Function f = new Function(0, many, List.of(Instruction.of(Opcode.END)), -1);
        assertEquals(50_000, f.locals().size());
        assertEquals(ValType.I64, f.locals().get(49_999));
        assertEquals(true, f.locals() == many, "a copy would take one entry per local");
    }

    @Test
    void emptyWhenNothingIsDeclared() {
        assertEquals(List.of(), new LocalRuns(new long[] {0, 0}, new ValType[] {ValType.I32, ValType.I64}));
    }
}
