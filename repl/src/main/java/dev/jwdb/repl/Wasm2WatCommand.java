package dev.jwdb.repl;

import dev.jwdb.engine.text.Disassembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwdb wasm2wat IN.wasm [-o OUT.wat]}: binary to text. */
@Command(name = "wasm2wat", mixinStandardHelpOptions = true,
        description = "Print a binary module in the text format (validating it).")
final class Wasm2WatCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IN.wasm", description = "the module in binary format")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wat", description = "write to a file instead of stdout")
    String output;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        try {
            String text = Disassembler.module(ModuleFile.load(input));
            if (output == null) {
                out.print(text);
            } else {
                Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
            }
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
