package dev.jwdb.wat;

import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * One index space of a module (functions, tables, ..., or one function's locals) and the {@code $ids} bound in it.
 * Numeric indices pass through unchecked: whether they exist is the validator's question, not the text format's.
 */
final class IndexSpace {
    private final String declaredKind;
    private final String referencedKind;
    private final TokenValues values;
    private final Map<String, Integer> ids = new HashMap<>();
    private int size;

    /**
     * @param declaredKind   the word in "duplicate func"
     * @param referencedKind the words in "unknown function"
     */
    IndexSpace(String declaredKind, String referencedKind, TokenValues values) {
        this.declaredKind = declaredKind;
        this.referencedKind = referencedKind;
        this.values = values;
    }

    /** Adds the next entry, bound to {@code id} when there is one, and returns its index. */
    int add(Token id) {
        if (id != null && ids.putIfAbsent(id.getText(), size) != null) {
            throw values.error(id, "duplicate " + declaredKind + " " + id.getText());
        }
        return size++;
    }

    /** Adds {@code count} anonymous entries. */
    void addAnonymous(int count) {
        size += count;
    }

    int size() {
        return size;
    }

    /** The index an {@code index} token (a number or a {@code $id}) stands for. */
    int resolve(Token index) {
        if (index.getType() == WatLexer.ID) {
            Integer bound = ids.get(index.getText());
            if (bound == null) {
                throw values.error(index, "unknown " + referencedKind + " " + index.getText());
            }
            return bound;
        }
        return (int) values.u32(index);
    }

    int resolve(WatParser.IndexContext index) {
        return resolve(index.getStart());
    }
}
