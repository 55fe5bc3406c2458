package dev.jwdb.engine.exec;

import static dev.jwdb.engine.testing.TestModule.sig;
import static dev.jwdb.engine.testing.TestModule.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.engine.testing.TestModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionTest {
    private final Store store = new Store();
    private final FunctionInstance spin;

    ExecutionTest() {
        TestModule m = new TestModule();
        m.export("spin", sig(t(), t()), t(), "loop; br 0; end");
        Instance instance = store.instantiate(m.build(), ImportResolver.NONE);
        spin = (FunctionInstance) instance.export("spin");
    }

    private Execution execution() {
        return new Execution(store, spin, new Value[0], DebugHooks.NONE, () -> List.of(spin.compiled()));
    }

    @Test
    void anInterruptAskedForBeforeTheRunStartsPausesItAtOnce() {
        // a debugger's Ctrl-C can arrive between its deciding to run and the run starting: it must not be lost
        Execution run = execution();
        run.interrupt();
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.INTERRUPTED), run.run());
    }

    @Test
    void anInterruptIsKeptForOneRunOnly() throws Exception {
        Execution run = execution();
        run.interrupt();
        run.run();
        // the next run goes on until interrupted again, from another thread this time
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            run.interrupt();
        });
        stopper.start();
        long t0 = System.nanoTime();
        assertEquals(new Execution.Outcome.Paused(Execution.Pause.INTERRUPTED), run.run());
        assertEquals(true, System.nanoTime() - t0 >= 40_000_000L, "paused before it was interrupted");
        stopper.join();
    }
}
