package dev.jwdb.repl.shell;

import dev.jwdb.debugger.Location;
import dev.jwdb.debugger.StopEvent;

/** Where a stop left the program: the instruction about to run (or that trapped), null when it is not in Wasm. */
final class StopLocations {
    private StopLocations() {
    }

    static Location of(StopEvent stop) {
        if (stop instanceof StopEvent.BreakpointHit b) {
            return b.location();
        } else if (stop instanceof StopEvent.StepDone s) {
            return s.location();
        } else if (stop instanceof StopEvent.WatchTriggered w) {
            return w.location();
        } else if (stop instanceof StopEvent.Trapped t) {
            return t.location();
        } else if (stop instanceof StopEvent.WasiCall c) {
            return c.location();
        } else if (stop instanceof StopEvent.Denied d) {
            return d.location();
        } else if (stop instanceof StopEvent.Interrupted i) {
            return i.location();
        }
        return null;
    }
}
