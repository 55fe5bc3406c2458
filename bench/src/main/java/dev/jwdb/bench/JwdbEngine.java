package dev.jwdb.bench;

import dev.jwdb.engine.binary.BinaryDecoder;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.runtime.FunctionInstance;
import dev.jwdb.engine.runtime.ImportResolver;
import dev.jwdb.engine.runtime.Instance;
import dev.jwdb.engine.runtime.Store;
import dev.jwdb.engine.valid.Validator;

/** jwdb's interpreter, through the public engine API (Store.invoke), as the debugger and the CLI use it. */
final class JwdbEngine implements Engine {
    @Override
    public String name() {
        return "jwdb";
    }

    @Override
    public Runner load(byte[] wasm) {
        Store store = new Store();
        Instance instance = instantiate(store, wasm);
        FunctionInstance init = (FunctionInstance) instance.export("_initialize");
        if (init != null) {
            store.invoke(init);
        }
        FunctionInstance bench = (FunctionInstance) instance.export("bench");
        return () -> (int) store.invoke(bench)[0].bits();
    }

    /** Decode + validate + instantiate: what the load measurement times. */
    static Instance instantiate(Store store, byte[] wasm) {
        Module module = BinaryDecoder.decode(wasm);
        Validator.validate(module);
        return store.instantiate(module, ImportResolver.NONE);
    }
}
