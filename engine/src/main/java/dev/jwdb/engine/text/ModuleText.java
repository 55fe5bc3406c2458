package dev.jwdb.engine.text;

import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.MemoryType;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.ArrayList;
import java.util.List;

/** A whole module in flat text, field by field in wasm2wat's order; every field is one line except functions. */
final class ModuleText {
    private static final String FIELD_INDENT = "  ";
    private static final String BODY_INDENT = "    ";

    private final Module module;
    private final TextNames names;
    private final InstructionText constants;
    private final List<String> lines = new ArrayList<>();

    ModuleText(Module module) {
        this.module = module;
        this.names = new TextNames(module.names());
        // Constant expressions have no locals; -1 is a function index that has none.
        this.constants = new InstructionText(module, names, -1);
    }

    String render() {
        types();
        imports();
        functions();
        int table = module.importedTableCount();
        for (TableType t : module.tables()) {
            field("(table (;" + table++ + ";) " + tableType(t) + ")");
        }
        int memory = module.importedMemoryCount();
        for (MemoryType m : module.memories()) {
            field("(memory (;" + memory++ + ";) " + limits(m.limits()) + ")");
        }
        int global = module.importedGlobalCount();
        for (Global g : module.globals()) {
            field("(global " + globalReference(global++) + " " + globalType(g.type()) + " " + folded(g.init())
                    + ")");
        }
        for (Export e : module.exports()) {
            field("(export " + WatString.quote(e.name()) + " (" + e.kind().text() + " " + exported(e) + "))");
        }
        if (module.start() >= 0) {
            field("(start " + names.function(module.start()) + ")");
        }
        for (int i = 0; i < module.elements().size(); i++) {
            field("(elem (;" + i + ";)" + elementMode(module.elements().get(i)) + " "
                    + elementItems(module.elements().get(i)) + ")");
        }
        for (int i = 0; i < module.data().size(); i++) {
            DataSegment d = module.data().get(i);
            field("(data (;" + i + ";)" + dataMode(d.mode()) + " " + WatString.quote(d.init()) + ")");
        }
        String header = names.module() == null ? "(module" : "(module " + names.module();
        if (lines.isEmpty()) {
            return header + ")\n";
        }
        StringBuilder out = new StringBuilder(header).append('\n');
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i)).append(i == lines.size() - 1 ? ")\n" : "\n");
        }
        return out.toString();
    }

    private void field(String text) {
        lines.add(FIELD_INDENT + text);
    }

    private void types() {
        for (int i = 0; i < module.types().size(); i++) {
            field("(type (;" + i + ";) (func" + constants.signature(i) + "))");
        }
    }

    private void imports() {
        int function = 0;
        int table = 0;
        int memory = 0;
        int global = 0;
        for (Import im : module.imports()) {
            ImportDesc desc = im.desc();
            String what;
            if (desc instanceof ImportDesc.Func f) {
                what = "(func " + FunctionText.reference(names, function++) + " (type " + f.typeIndex() + ")"
                        + constants.signature(f.typeIndex()) + ")";
            } else if (desc instanceof ImportDesc.Table t) {
                what = "(table (;" + table++ + ";) " + tableType(t.type()) + ")";
            } else if (desc instanceof ImportDesc.Memory m) {
                what = "(memory (;" + memory++ + ";) " + limits(m.type().limits()) + ")";
            } else {
                what = "(global " + globalReference(global++) + " " + globalType(((ImportDesc.Global) desc).type())
                        + ")";
            }
            field("(import " + WatString.quote(im.module()) + " " + WatString.quote(im.name()) + " " + what + ")");
        }
    }

    private void functions() {
        int first = module.importedFunctionCount();
        for (int i = 0; i < module.functions().size(); i++) {
            FunctionText function = new FunctionText(module, names, first + i);
            List<String> text = new ArrayList<>();
            text.add(FIELD_INDENT + function.header());
            if (!function.locals().isEmpty()) {
                text.add(BODY_INDENT + function.locals());
            }
            List<Disassembler.Line> body = function.lines();
            int printed = endsWithFinalEnd(body) ? body.size() - 1 : body.size();
            for (Disassembler.Line line : body.subList(0, printed)) {
                text.add(BODY_INDENT + line.indented());
            }
            text.set(text.size() - 1, text.get(text.size() - 1) + ")");
            lines.addAll(text);
        }
    }

    private static boolean endsWithFinalEnd(List<Disassembler.Line> body) {
        return !body.isEmpty() && body.get(body.size() - 1).instruction().opcode() == Opcode.END
                && body.get(body.size() - 1).depth() == 0;
    }

    private String globalReference(int index) {
        return names.hasGlobal(index) ? names.global(index) : "(;" + index + ";)";
    }

    private String exported(Export e) {
        return switch (e.kind()) {
            case FUNC -> names.function(e.index());
            case GLOBAL -> names.global(e.index());
            case TABLE, MEMORY -> Integer.toString(e.index());
        };
    }

    private String elementMode(ElementSegment segment) {
        if (segment.mode() instanceof ElementSegment.Declarative) {
            return " declare";
        }
        if (segment.mode() instanceof ElementSegment.Active active) {
            return (active.table() == 0 ? "" : " (table " + active.table() + ")") + " " + offset(active.offset());
        }
        return "";
    }

    /** {@code func $a $b} when every item is a plain function reference, else the type and one expression each. */
    private String elementItems(ElementSegment segment) {
        boolean functionList = segment.type() == ValType.FUNCREF
                && segment.init().stream().allMatch(ModuleText::isPlainFunctionReference);
        StringBuilder out = new StringBuilder(functionList ? "func" : segment.type().text());
        for (List<Instruction> item : segment.init()) {
            out.append(' ');
            if (functionList) {
                out.append(names.function(item.get(0).index()));
            } else {
                List<Instruction> instructions = withoutFinalEnd(item);
                out.append(instructions.size() == 1 ? folded(item) : "(item " + folded(item) + ")");
            }
        }
        return out.toString();
    }

    private static boolean isPlainFunctionReference(List<Instruction> item) {
        return item.size() == 2 && item.get(0).opcode() == Opcode.REF_FUNC && item.get(1).opcode() == Opcode.END;
    }

    private String dataMode(DataSegment.Mode mode) {
        if (mode instanceof DataSegment.Active active) {
            return (active.memory() == 0 ? "" : " (memory " + active.memory() + ")") + " " + offset(active.offset());
        }
        return "";
    }

    /** A single-instruction offset may stand alone; a longer one needs the {@code (offset ...)} wrapper. */
    private String offset(List<Instruction> expression) {
        return withoutFinalEnd(expression).size() == 1 ? folded(expression) : "(offset " + folded(expression) + ")";
    }

    /** A constant expression as folded instructions: {@code (i32.const 1) (global.get $g) (i32.add)}. */
    private String folded(List<Instruction> expression) {
        StringBuilder out = new StringBuilder();
        for (Instruction instruction : withoutFinalEnd(expression)) {
            separate(out).append('(').append(constants.format(instruction, 0)).append(')');
        }
        return out.toString();
    }

    private static StringBuilder separate(StringBuilder out) {
        return out.length() == 0 ? out : out.append(' ');
    }

    private static List<Instruction> withoutFinalEnd(List<Instruction> expression) {
        return !expression.isEmpty() && expression.get(expression.size() - 1).opcode() == Opcode.END
                ? expression.subList(0, expression.size() - 1)
                : expression;
    }

    private static String tableType(TableType type) {
        return limits(type.limits()) + " " + type.elementType().text();
    }

    private static String limits(Limits limits) {
        return limits.hasMax() ? limits.min() + " " + limits.max() : Long.toString(limits.min());
    }

    private static String globalType(GlobalType type) {
        return type.mutable() ? "(mut " + type.type().text() + ")" : type.type().text();
    }
}
