package dev.jwdb.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/** A function signature: parameter types to result types. */
public record FuncType(List<ValType> params, List<ValType> results) {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return "[" + params.stream().map(ValType::text).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(ValType::text).collect(Collectors.joining(" ")) + "]";
    }
}
