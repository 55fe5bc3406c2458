package dev.jwdb.wat;

import dev.jwdb.engine.model.Module;
import dev.jwdb.wat.script.Script;

/** The text format's entry points: a module in WebAssembly text, or a {@code .wast} script. */
public final class Wat {
    private Wat() {
    }

    /**
     * Parses one module, written as {@code (module ...)} or as its bare fields. Every instruction carries the line and
     * column of its mnemonic.
     *
     * @throws WatSyntaxException when the text is malformed, with the spec's wording first in its reason
     */
    public static Module parseModule(String text, String sourceName) {
        WatParser.ModuleFileContext file = TextParser.parse(text, sourceName, WatParser::moduleFile);
        TokenValues values = new TokenValues(sourceName);
        if (file.module_() != null) {
            WatParser.Module_Context module = file.module_();
            return ModuleBuilder.build(IdentifierContext.symbol(module.ID()), module.moduleField(), values);
        }
        return ModuleBuilder.build(null, file.moduleField(), values);
    }

    /**
     * Parses a script. Its text modules are built only when their {@link dev.jwdb.wat.script.ModuleSource.Text}
     * is asked for, so that a module the text format rejects fails its own command and not the script.
     *
     * @throws WatSyntaxException when the script itself is malformed
     */
    public static Script parseScript(String text, String sourceName) {
        WatParser.ScriptContext script = TextParser.parse(text, sourceName, WatParser::script);
        return new ScriptBuilder(new TokenValues(sourceName)).build(script);
    }
}
