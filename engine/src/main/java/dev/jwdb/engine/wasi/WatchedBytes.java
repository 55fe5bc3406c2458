package dev.jwdb.engine.wasi;

import dev.jwdb.engine.exec.Access;
import dev.jwdb.engine.exec.DebugHooks;

import java.util.Arrays;

/**
 * What one WASI call did to guest bytes a debugger watches, recorded as the host reads and writes guest memory:
 * from the first to the last byte inside the span of watched bytes that it wrote, those bytes before the call
 * (exact for every watched byte, kept from before the call first wrote it; a byte between that no watch covers may
 * already show what the call wrote there), and likewise the span of watched bytes it read. Only made while
 * something is watched (see {@link WasiImports#watch}).
 */
final class WatchedBytes {
    private final DebugHooks hooks;
    /** Of everything written so far, the part in the watched span and its bytes before; writtenFrom -1: none. */
    private long writtenFrom = -1;
    private long writtenTo;
    private byte[] before;
    private long readFrom = -1;
    private long readTo;

    WatchedBytes(DebugHooks hooks) {
        this.hooks = hooks;
    }

    /** Before the host writes the {@code length} bytes at {@code address} of {@code memory}. */
    void beforeWrite(byte[] memory, long address, int length) {
        long[] part = watchedPart(address, length, true);
        if (part == null) {
            return;
        }
        if (writtenFrom < 0) {
            writtenFrom = part[0];
            writtenTo = part[1];
            before = Arrays.copyOfRange(memory, (int) writtenFrom, (int) writtenTo);
            return;
        }
        long from = Math.min(part[0], writtenFrom);
        long to = Math.max(part[1], writtenTo);
        if (from == writtenFrom && to == writtenTo) {
            return;
        }
        // bytes new to the record are as they are now; those already in it were kept from before their first write
        byte[] grown = Arrays.copyOfRange(memory, (int) from, (int) to);
        System.arraycopy(before, 0, grown, (int) (writtenFrom - from), before.length);
        before = grown;
        writtenFrom = from;
        writtenTo = to;
    }

    /** After the host read the {@code length} bytes at {@code address}. */
    void read(long address, int length) {
        long[] part = watchedPart(address, length, false);
        if (part == null) {
            return;
        }
        readFrom = readFrom < 0 ? part[0] : Math.min(readFrom, part[0]);
        readTo = Math.max(readTo, part[1]);
    }

    /** The bytes of the access inside the span watched for writes or reads, or null when none of them is watched. */
    private long[] watchedPart(long address, int length, boolean write) {
        if (length <= 0 || !hooks.watchesMemory(address, length, write)) {
            return null;
        }
        long[] span = hooks.watchedSpan(write);
        long from = Math.max(address, span[0]);
        long to = Math.min(address + length, span[1]);
        return from < to ? new long[] {from, to} : null;
    }

    /**
     * What the call of {@code function} did, with {@code guest} as it left it: its writes of watched bytes if it
     * made any, else its reads of them; null when it touched no watched byte.
     */
    Access access(String function, InstanceMemory guest) {
        if (writtenFrom < 0 && readFrom < 0) {
            return null;
        }
        byte[] memory = guest.bytes();
        if (writtenFrom >= 0) {
            return Access.byHost(function, writtenFrom, true, before,
                    Arrays.copyOfRange(memory, (int) writtenFrom, (int) writtenTo));
        }
        byte[] read = Arrays.copyOfRange(memory, (int) readFrom, (int) readTo);
        return Access.byHost(function, readFrom, false, read, read);
    }
}
