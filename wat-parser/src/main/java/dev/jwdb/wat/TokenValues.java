package dev.jwdb.wat;

import dev.jwdb.engine.model.LaneShape;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reads values out of literal tokens through {@link Literals} and turns every failure into a
 * {@link WatSyntaxException} at the token, so that the builders never see a bare {@link NumberFormatException}.
 */
final class TokenValues {
    private final String sourceName;

    TokenValues(String sourceName) {
        this.sourceName = sourceName;
    }

    String sourceName() {
        return sourceName;
    }

    WatSyntaxException error(Token at, String reason) {
        return new WatSyntaxException(reason, sourceName, at.getLine(), at.getCharPositionInLine() + 1);
    }

    int i32(Token t) {
        requireInteger(t);
        try {
            return Literals.parseI32(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    long i64(Token t) {
        requireInteger(t);
        try {
            return Literals.parseI64(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    int f32Bits(Token t) {
        try {
            return Literals.parseF32Bits(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    long f64Bits(Token t) {
        try {
            return Literals.parseF64Bits(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    /**
     * The 16 bytes of a {@code v128.const}: {@code shape} is the shape token, {@code lanes} the lane literals. A
     * float written in an integer shape is a misplaced token, as for {@code i32.const}.
     */
    byte[] v128(Token shape, List<Token> lanes) {
        LaneShape laneShape = LaneShape.of(shape.getText());
        if (lanes.size() != laneShape.lanes()) {
            throw error(shape, VectorLiteral.WRONG_LANE_COUNT + ": " + laneShape.text() + " has "
                    + laneShape.lanes() + " lanes, got " + lanes.size());
        }
        long[] values = new long[lanes.size()];
        for (int i = 0; i < values.length; i++) {
            Token t = lanes.get(i);
            if (!laneShape.isFloat()) {
                requireInteger(t);
            }
            try {
                values[i] = VectorLiteral.lane(laneShape, t.getText());
            } catch (IllegalArgumentException e) {
                throw error(t, e.getMessage());
            }
        }
        return VectorLiteral.pack(laneShape, values);
    }

    /** An index or a u32 field; the spec reports these as "i32 constant out of range" when too large. */
    long u32(Token t) {
        return u32(t, t.getText());
    }

    /** A u32 written after a prefix inside one keyword, as in {@code offset=16}. */
    long u32(Token t, String digits) {
        try {
            return Literals.parseU32(digits);
        } catch (IllegalArgumentException e) {
            throw error(t, "i32 constant out of range");
        }
    }

    byte[] bytes(Token t) {
        try {
            return Literals.parseString(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    /** A string that names something (an import, an export) and so must be valid UTF-8. */
    String name(Token t) {
        try {
            return Literals.parseName(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    /** An integer constant written as a float ({@code i32.const 1.5}, {@code i32.const nan}) is misplaced. */
    private void requireInteger(Token t) {
        if (t.getType() == WatLexer.FLOAT) {
            throw error(t, "unexpected token " + t.getText());
        }
    }
}
