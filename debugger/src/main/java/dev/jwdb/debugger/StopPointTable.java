package dev.jwdb.debugger;

import dev.jwdb.engine.exec.DebugHooks;
import dev.jwdb.engine.exec.Instrumentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breakpoints, watchpoints and catch points under one numbering. Watchpoints answer the engine's
 * {@link DebugHooks} questions; breakpoints are matched by the session when a CHECK pauses.
 */
final class StopPointTable implements DebugHooks {
    /** A breakpoint being kept: what was asked, and the instructions it resolved to ({function, instruction}). */
    static final class Breakpoint {
        final int id;
        final String spec;
        Condition condition;
        /** Deleted when it stops the program ({@code tbreak}). */
        final boolean temporary;
        boolean enabled = true;
        int hits;
        /** Hits still to pass over without stopping ({@code ignore}). */
        int ignoreCount;
        List<int[]> sites = List.of();
        List<Location> locations = List.of();
        /** What the user should know about where it went (a line without code moved to the next), or null. */
        String note;

        Breakpoint(int id, String spec, boolean temporary) {
            this.id = id;
            this.spec = spec;
            this.temporary = temporary;
        }

        boolean at(int function, int instruction) {
            for (int[] s : sites) {
                if (s[0] == function && s[1] == instruction) {
                    return true;
                }
            }
            return false;
        }

        StopPoint.Breakpoint snapshot() {
            return new StopPoint.Breakpoint(id, spec, condition == null ? null : condition.toString(), enabled, hits,
                    locations, note, temporary, ignoreCount);
        }
    }

    static final class Watchpoint {
        final int id;
        final StopPoint.WatchKind kind;
        final long address;
        final int length;
        /** The global's index, or -1 for memory. */
        final int global;
        final String globalName;
        boolean enabled = true;
        int hits;

        Watchpoint(int id, StopPoint.WatchKind kind, long address, int length, int global, String globalName) {
            this.id = id;
            this.kind = kind;
            this.address = address;
            this.length = length;
            this.global = global;
            this.globalName = globalName;
        }

        /** Whether this watches memory for reads ({@code write} false) or for writes. */
        boolean watchesMemory(boolean write) {
            return global < 0 && (kind == StopPoint.WatchKind.ACCESS || (kind == StopPoint.WatchKind.WRITE) == write);
        }

        boolean matches(long at, int width, boolean write) {
            return watchesMemory(write) && at < address + length && address < at + width;
        }

        StopPoint.Watchpoint snapshot() {
            return new StopPoint.Watchpoint(id, kind, address, length, globalName, enabled, hits);
        }
    }

    static final class Catchpoint {
        final int id;
        final StopPoint.CatchKind kind;
        final List<String> functions;
        boolean enabled = true;
        int hits;

        Catchpoint(int id, StopPoint.CatchKind kind, List<String> functions) {
            this.id = id;
            this.kind = kind;
            this.functions = List.copyOf(functions);
        }

        StopPoint.Catchpoint snapshot() {
            return new StopPoint.Catchpoint(id, kind, functions, enabled, hits);
        }
    }

    private final Map<Integer, Object> points = new LinkedHashMap<>();
    private int nextId = 1;
    /** Enabled watchpoints, as an array the running thread reads on each watched access. */
    private volatile Watchpoint[] watching = new Watchpoint[0];

    /** The number the next stop point gets; it is taken only when {@link #add} keeps one, so a refused one uses none. */
    int nextId() {
        return nextId;
    }

    void add(int id, Object point) {
        points.put(id, point);
        nextId = Math.max(nextId, id + 1);
        refresh();
    }

    void delete(int id) throws DebugException {
        if (!remove(id)) {
            throw new DebugException("no breakpoint, watchpoint or catch point number " + id);
        }
    }

    /** Removes stop point {@code id}; whether there was one. */
    boolean remove(int id) {
        boolean removed = points.remove(id) != null;
        refresh();
        return removed;
    }

    /** Removes stop point {@code id}, which the user never saw, giving its number back when it was the last taken. */
    void withdraw(int id) {
        remove(id);
        if (id == nextId - 1) {
            nextId = id;
        }
    }

    /** Breakpoint {@code id} ({@code ignore}, {@code condition}). */
    Breakpoint breakpoint(int id) throws DebugException {
        if (points.get(id) instanceof Breakpoint b) {
            return b;
        }
        throw new DebugException(points.containsKey(id) ? id + " is not a breakpoint" : "no breakpoint number " + id);
    }

    void enable(int id, boolean on) throws DebugException {
        Object p = points.get(id);
        if (p instanceof Breakpoint b) {
            b.enabled = on;
        } else if (p instanceof Watchpoint w) {
            w.enabled = on;
        } else if (p instanceof Catchpoint c) {
            c.enabled = on;
        } else {
            throw new DebugException("no breakpoint, watchpoint or catch point number " + id);
        }
        refresh();
    }

    private void refresh() {
        watching = watchpoints().stream().filter(w -> w.enabled).toArray(Watchpoint[]::new);
    }

    List<Breakpoint> breakpoints() {
        return ofType(Breakpoint.class);
    }

    List<Watchpoint> watchpoints() {
        return ofType(Watchpoint.class);
    }

    List<Catchpoint> catchpoints() {
        return ofType(Catchpoint.class);
    }

    private <T> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object p : points.values()) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    boolean anyWatch() {
        return watching.length > 0;
    }

    /** Whether an enabled watchpoint watches memory, for reads or writes. */
    boolean watchesAnyMemory() {
        for (Watchpoint w : watching) {
            if (w.global < 0) {
                return true;
            }
        }
        return false;
    }

    /** The watched ops the enabled watchpoints need (a write watch, say, needs no watched loads); no CHECKs. */
    Instrumentation watchNeeds() {
        boolean loads = false;
        boolean stores = false;
        boolean globals = false;
        for (Watchpoint w : watching) {
            if (w.global >= 0) {
                globals = true;
            } else {
                loads |= w.kind != StopPoint.WatchKind.WRITE;
                stores |= w.kind != StopPoint.WatchKind.READ;
            }
        }
        return new Instrumentation(false, loads, stores, globals);
    }

    List<StopPoint> snapshot() {
        List<StopPoint> out = new ArrayList<>();
        for (Object p : points.values()) {
            if (p instanceof Breakpoint b) {
                out.add(b.snapshot());
            } else if (p instanceof Watchpoint w) {
                out.add(w.snapshot());
            } else {
                out.add(((Catchpoint) p).snapshot());
            }
        }
        return out;
    }

    /** The enabled catch points of {@code kind}. */
    List<Catchpoint> catching(StopPoint.CatchKind kind) {
        return catchpoints().stream().filter(c -> c.enabled && c.kind == kind).toList();
    }

    /** The enabled WASI catch points that stop {@code function}. */
    List<Catchpoint> catchingWasi(String function) {
        return catching(StopPoint.CatchKind.WASI).stream()
                .filter(c -> c.functions.isEmpty() || c.functions.contains(function)).toList();
    }

    @Override
    public boolean watchesMemory(long address, int width, boolean write) {
        for (Watchpoint w : watching) {
            if (w.matches(address, width, write)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long[] watchedSpan(boolean write) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Watchpoint w : watching) {
            if (w.watchesMemory(write)) {
                from = Math.min(from, w.address);
                to = Math.max(to, w.address + w.length);
            }
        }
        return from < to ? new long[] {from, to} : NO_SPAN;
    }

    @Override
    public boolean watchesGlobal(int global) {
        for (Watchpoint w : watching) {
            if (w.global == global) {
                return true;
            }
        }
        return false;
    }

    /** The enabled watchpoints an access triggers. */
    List<Watchpoint> triggered(int global, long address, int width, boolean write) {
        List<Watchpoint> out = new ArrayList<>();
        for (Watchpoint w : watching) {
            if (global >= 0 ? w.global == global : w.matches(address, width, write)) {
                out.add(w);
            }
        }
        return out;
    }
}
