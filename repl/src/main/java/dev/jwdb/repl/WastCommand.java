package dev.jwdb.repl;

import dev.jwdb.engine.WasmException;
import dev.jwdb.wat.Wat;
import dev.jwdb.wat.script.Outcome;
import dev.jwdb.wat.script.Script;
import dev.jwdb.wat.script.ScriptRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jwdb wast FILE.wast...}: runs spec test scripts and prints what passed and failed. */
@Command(name = "wast", mixinStandardHelpOptions = true,
        description = "Run WebAssembly spec test scripts (.wast); exit status 1 when any command fails.")
final class WastCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.wast", description = "scripts to run")
    List<String> files;

    @Option(names = "--spectest-output", description = "show what the scripts print through the spectest module")
    boolean showPrints;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        PrintStream hostOutput = showPrints ? System.out : new PrintStream(OutputStream.nullOutputStream());
        int passed = 0;
        int failed = 0;
        for (String file : files) {
            int filePassed = 0;
            int fileFailed = 0;
            try {
                String text = new String(ModuleFile.read(file), StandardCharsets.UTF_8);
                Script script = Wat.parseScript(text, file);
                for (Outcome outcome : ScriptRunner.runAll(script, hostOutput)) {
                    if (outcome.passed()) {
                        filePassed++;
                    } else {
                        fileFailed++;
                        out.println("  " + file + ":" + outcome.command().line() + ": " + outcome.message());
                    }
                }
            } catch (ModuleFile.LoadFailure e) {
                out.println("  " + e.getMessage());
                fileFailed++;
            } catch (WasmException e) {
                out.println("  " + ModuleFile.describe(file, e));
                fileFailed++;
            }
            out.println(file + ": " + filePassed + " passed, " + fileFailed + " failed");
            passed += filePassed;
            failed += fileFailed;
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? Exit.OK : Exit.FAILED;
    }
}
