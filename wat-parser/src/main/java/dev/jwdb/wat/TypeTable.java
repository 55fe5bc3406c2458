package dev.jwdb.wat;

import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The module's function types: the explicit {@code (type ...)} definitions, then the implicit ones that type uses
 * without a {@code (type x)} add in order of first use (spec §6.6.2), which is the order a binary encoder keeps.
 */
final class TypeTable {
    private final List<FuncType> types = new ArrayList<>();
    private final IndexSpace ids;
    private final TokenValues values;

    TypeTable(TokenValues values) {
        this.values = values;
        this.ids = new IndexSpace("type", "type", values);
    }

    void define(WatParser.TypeDefContext def) {
        ids.add(def.ID() == null ? null : def.ID().getSymbol());
        types.add(new FuncType(paramTypes(def.param()), resultTypes(def.result())));
    }

    List<FuncType> all() {
        return types;
    }

    /** The type at {@code index}, or null when there is none (yet): the validator will report that. */
    FuncType get(int index) {
        return index >= 0 && index < types.size() ? types.get(index) : null;
    }

    int funcType(WatParser.TypeUseContext use, Token at) {
        return resolve(use.typeRef(), new FuncType(paramTypes(use.param()), resultTypes(use.result())), at);
    }

    int funcType(WatParser.AnonTypeUseContext use, Token at) {
        return resolve(use.typeRef(), new FuncType(anonParamTypes(use.anonParam()), resultTypes(use.result())), at);
    }

    /** A block type: none or a single result stays inline, anything else becomes a type index. */
    BlockType blockType(WatParser.AnonTypeUseContext use, Token at) {
        List<ValType> params = anonParamTypes(use.anonParam());
        List<ValType> results = resultTypes(use.result());
        if (use.typeRef() == null && params.isEmpty() && results.size() <= 1) {
            return results.isEmpty() ? BlockType.EMPTY : new BlockType.Value(results.get(0));
        }
        return new BlockType.TypeIndex(funcType(use, at));
    }

    /**
     * With {@code (type x)}, an inline signature is only a restatement and must match; an empty one (even written as
     * {@code (param)}) says nothing, as in the reference interpreter.
     */
    private int resolve(WatParser.TypeRefContext ref, FuncType inline, Token at) {
        if (ref == null) {
            return indexOf(inline);
        }
        int index = ids.resolve(ref.index());
        if (!inline.params().isEmpty() || !inline.results().isEmpty()) {
            FuncType referenced = get(index);
            if (referenced == null) {
                throw values.error(ref.index().getStart(), "unknown type " + ref.index().getText());
            }
            if (!referenced.equals(inline)) {
                throw values.error(at, "inline function type " + inline + " does not match type " + index);
            }
        }
        return index;
    }

    /** The first type equal to {@code type}, appending it when there is none. */
    private int indexOf(FuncType type) {
        int found = types.indexOf(type);
        if (found >= 0) {
            return found;
        }
        types.add(type);
        return types.size() - 1;
    }

    static List<ValType> paramTypes(List<WatParser.ParamContext> params) {
        List<ValType> out = new ArrayList<>();
        for (WatParser.ParamContext p : params) {
            for (WatParser.ValTypeContext t : p.valType()) {
                out.add(valType(t));
            }
        }
        return out;
    }

    static List<ValType> anonParamTypes(List<WatParser.AnonParamContext> params) {
        List<ValType> out = new ArrayList<>();
        for (WatParser.AnonParamContext p : params) {
            for (WatParser.ValTypeContext t : p.valType()) {
                out.add(valType(t));
            }
        }
        return out;
    }

    static List<ValType> resultTypes(List<WatParser.ResultContext> results) {
        List<ValType> out = new ArrayList<>();
        for (WatParser.ResultContext r : results) {
            for (WatParser.ValTypeContext t : r.valType()) {
                out.add(valType(t));
            }
        }
        return out;
    }

    static ValType valType(WatParser.ValTypeContext t) {
        return ValType.fromText(t.getText());
    }
}
