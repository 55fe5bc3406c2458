package dev.jwdb.repl;

import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.BinaryEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwdb wat2wasm IN.wat [-o OUT.wasm]}: text to binary, validated on the way. */
@Command(name = "wat2wasm", mixinStandardHelpOptions = true,
        description = "Translate a module from the text format to the binary format (validating it).")
final class Wat2WasmCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IN.wat", description = "the module in text format")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wasm",
            description = "where to write the binary (default: IN with the extension .wasm)")
    String output;

    @Override
    public Integer call() {
        try {
            Module module = ModuleFile.load(input);
            String out = output != null ? output : input.replaceFirst("\\.wat$", "") + ".wasm";
            Files.write(Path.of(out), BinaryEncoder.encode(module));
            return Exit.OK;
        } catch (ModuleFile.LoadFailure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Exit.USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jwdb: cannot write " + output + ": " + e.getMessage());
            return Exit.USAGE;
        }
    }
}
