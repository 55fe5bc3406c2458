package dev.jwdb.wat.script;

import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import java.util.List;

/** One expected result of {@code assert_return}. */
public sealed interface Expected {
    /** Exactly this value (bit for bit; references by slot, null as {@link Value#NULL_REF}). */
    record Exact(Value value) implements Expected {
    }

    /** {@code nan:canonical} of f32 or f64. */
    record CanonicalNan(ValType type) implements Expected {
    }

    /** {@code nan:arithmetic} of f32 or f64. */
    record ArithmeticNan(ValType type) implements Expected {
    }

    /** {@code (ref.func)} or {@code (ref.extern)} without a value: any non-null reference of that type. */
    record AnyRef(ValType type) implements Expected {
    }

    /**
     * {@code (v128.const SHAPE lane...)} where some lanes are NaN patterns: each lane is an Exact f32/f64 (or
     * integer) value or a NaN pattern. {@code shape} is e.g. "f32x4".
     */
    record V128Lanes(String shape, List<Expected> lanes) implements Expected {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }
    }
}
