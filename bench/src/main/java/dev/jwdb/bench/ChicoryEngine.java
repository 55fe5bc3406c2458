package dev.jwdb.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Chicory 1.7.5: its interpreter, or its bytecode compiler (for reference). */
final class ChicoryEngine implements Engine {
    private final boolean compiler;

    ChicoryEngine(boolean compiler) {
        this.compiler = compiler;
    }

    @Override
    public String name() {
        return compiler ? "chicory-aot" : "chicory";
    }

    @Override
    public Runner load(byte[] wasm) {
        Instance instance = instantiate(wasm, compiler);
        ExportFunction init = instance.export("_initialize");
        init.apply();
        ExportFunction bench = instance.export("bench");
        return () -> (int) bench.apply()[0];
    }

    /** Parse (Chicory validates while parsing) + instantiate: what the load measurement times. */
    static Instance instantiate(byte[] wasm, boolean compiler) {
        WasmModule module = Parser.parse(wasm);
        Instance.Builder builder = Instance.builder(module);
        if (compiler) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        return builder.build();
    }
}
