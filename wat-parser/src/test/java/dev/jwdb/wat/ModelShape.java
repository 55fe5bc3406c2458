package dev.jwdb.wat;

import dev.jwdb.engine.model.CustomSection;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.Instruction;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Test-only rendering of a model as text for structural comparison. Positions (instruction and body offsets, text
 * lines) and custom sections' {@code after} are left out: they legitimately change when a module is re-encoded.
 */
final class ModelShape {
    private static final Set<String> POSITIONS = Set.of(
            Instruction.class.getName() + ".offset", Instruction.class.getName() + ".line",
            Instruction.class.getName() + ".column", Function.class.getName() + ".bodyOffset",
            CustomSection.class.getName() + ".after");

    private ModelShape() {
    }

    static String of(Object o) {
        if (o instanceof Record r) {
            StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (!POSITIONS.contains(r.getClass().getName() + "." + c.getName())) {
                    sb.append(c.getName()).append('=').append(of(value(c, r))).append(' ');
                }
            }
            return sb.append(')').toString();
        }
        if (o instanceof List<?> list) {
            return list.stream().map(ModelShape::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(of(k), of(v)));
            return sorted.toString();
        }
        if (o instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (o instanceof int[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(o);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
