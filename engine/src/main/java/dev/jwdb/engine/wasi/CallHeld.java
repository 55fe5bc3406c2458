package dev.jwdb.engine.wasi;

import dev.jwdb.engine.WasmException;

/**
 * A denied WASI call that the {@link CapabilityListener} chose to hold. Nothing the guest can observe has changed:
 * the debugger may stop here, let the user grant the capability, and execute the same call again.
 */
public final class CallHeld extends WasmException {
    private final CapabilityEvent event;

    public CallHeld(CapabilityEvent event) {
        super("held " + event.explanation());
        this.event = event;
    }

    public CapabilityEvent event() {
        return event;
    }
}
