package dev.jwdb.robustness;

import dev.jwdb.engine.TrapException;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.runtime.StoreLimits;
import dev.jwdb.engine.runtime.Value;

import java.util.function.Function;

/**
 * One module instantiated twice in jwdb, so that code that may loop forever can be fuzzed: in a store with fuel,
 * whose calls tell whether a call finishes, and in a plain store (the code jwdb runs without {@code --fuel}, compiled
 * differently: fused, with no fuel checks), which is given only calls that finished with fuel. Both see the same
 * calls in the same order, so their states stay the same.
 *
 * <p>Fuel is per store, so calls share it: before a call the pair starts afresh (both instances made again, with a
 * full tank) when less than half of it is left, and a call that exhausts it leaves a state the plain instance never
 * reached, so the pair starts afresh after it too.
 */
final class FuelledPair {
    /** What happened to the calls made through pairs: a test fails when too few of them finished. */
    static final class Counts {
        /** Calls made with fuel. */
        int calls;
        /** Calls that finished within the fuel (returned or trapped), and so were made without fuel too. */
        int finished;
        /** Finished calls of functions that have a loop or may recurse ({@link Termination}). */
        int looping;
        /** Fuel used by the finished calls: the Wasm instructions they executed, and the most one call did. */
        long instructions;
        long mostInstructions;
        /** Calls that ran out of fuel, and (where depth is not comparable) of call depth: not made again. */
        int outOfFuel;
        int outOfDepth;
        /** Modules whose start function ran out of fuel or depth: none of their exports called. */
        int startsOutOfFuel;

        void finished(boolean loops, long fuelUsed) {
            finished++;
            looping += loops ? 1 : 0;
            instructions += fuelUsed;
            mostInstructions = Math.max(mostInstructions, fuelUsed);
        }

        void add(Counts o) {
            calls += o.calls;
            finished += o.finished;
            looping += o.looping;
            instructions += o.instructions;
            mostInstructions = Math.max(mostInstructions, o.mostInstructions);
            outOfFuel += o.outOfFuel;
            outOfDepth += o.outOfDepth;
            startsOutOfFuel += o.startsOutOfFuel;
        }

        /**
         * Null when enough was tested, else why not: at least {@code minFinished} of the calls must finish within
         * the fuel, and {@code minLooping} of those be of functions with loops, or the test has quietly become one
         * of loop-free code, or of nothing.
         */
        String tooFew(double minFinished, double minLooping) {
            if (finished < minFinished * calls) {
                return "only " + finished + " of " + calls + " calls finished within the fuel: " + this;
            }
            if (looping < minLooping * finished) {
                return "only " + looping + " of " + finished + " finished calls were of functions with loops: "
                        + this;
            }
            return null;
        }

        @Override
        public String toString() {
            return String.format("%d calls: %d finished within the fuel (%d of functions with loops; %d instructions,"
                    + " at most %d in one call), %d out of fuel, %d out of call depth, %d start functions out of fuel",
                    calls, finished, looping, instructions, mostInstructions, outOfFuel, outOfDepth,
                    startsOutOfFuel);
        }
    }

    private final Module module;
    private final StoreLimits limits;
    private final Function<Store, ImportResolver> imports;
    private Store fuelledStore;
    private Store plainStore;
    private Instance fuelled;
    private Instance plain;

    /** @param limits the limits of both stores; the fuelled one's fuel, which must not be 0, comes from them */
    FuelledPair(Module module, StoreLimits limits, Function<Store, ImportResolver> imports) {
        if (!limits.fuelled()) {
            throw new IllegalArgumentException("no fuel in " + limits);
        }
        this.module = module;
        this.limits = limits;
        this.imports = imports;
    }

    /** Instantiates (again) with fuel; throws what {@link Store#instantiate} throws (a start function out of fuel). */
    void instantiateFuelled() {
        fuelledStore = new Store(limits);
        fuelled = null;
        fuelled = fuelledStore.instantiate(module, imports.apply(fuelledStore));
    }

    /** Instantiates (again) without fuel: only once the fuelled instantiation finished. */
    void instantiatePlain() {
        plainStore = new Store(limits.withFuel(0));
        plain = null;
        plain = plainStore.instantiate(module, imports.apply(plainStore));
    }

    /** Both instances afresh, with a full tank; both instantiated before, so both do again. */
    void reset() {
        instantiateFuelled();
        instantiatePlain();
    }

    /**
     * Before a call: starts afresh if less than half the fuel is left, so that every call may use half of it.
     * Returns whether it did.
     */
    boolean refuel() {
        if (fuelledStore.fuel() >= limits.fuel() / 2) {
            return false;
        }
        reset();
        return true;
    }

    long fuelLeft() {
        return fuelledStore.fuel();
    }

    Instance fuelled() {
        return fuelled;
    }

    Instance plain() {
        return plain;
    }

    Value[] invokeFuelled(String export, Value[] args) {
        return fuelledStore.invoke((FunctionInstance) fuelled.export(export), args);
    }

    Value[] invokePlain(String export, Value[] args) {
        return plainStore.invoke((FunctionInstance) plain.export(export), args);
    }

    /** The fuel ran out: the call might never have finished. */
    static boolean outOfFuel(Throwable e) {
        return e instanceof TrapException && StoreLimits.FUEL_EXHAUSTED.equals(e.getMessage());
    }
}
