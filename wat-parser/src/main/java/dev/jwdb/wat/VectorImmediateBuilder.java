package dev.jwdb.wat;

import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Opcode;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The immediates of the SIMD instructions in text: {@code v128.const SHAPE lanes}, {@code i8x16.shuffle} with its
 * 16 lane indices, a lane index, and a memarg followed by a lane index. Lane indices are plain naturals that must
 * fit in a byte ("malformed lane index"); whether the lane exists is the validator's question ("invalid lane
 * index"), as in the reference interpreter.
 */
final class VectorImmediateBuilder {
    private static final int SHUFFLE_LANES = 16;

    /** Reads a memarg the way the builder does for scalar loads and stores. */
    interface MemArgReader {
        Immediate.MemArg read(Opcode opcode, Token offset, Token align);
    }

    private VectorImmediateBuilder() {
    }

    static Immediate of(Opcode opcode, WatParser.PlainInstrContext instr, TokenValues values, MemArgReader memArgs) {
        if (instr instanceof WatParser.VectorConstInstrContext c) {
            return new Immediate.V128(values.v128(c.V128_SHAPE().getSymbol(), tokens(c.literal())));
        }
        if (instr instanceof WatParser.ShuffleInstrContext s) {
            return shuffle(s, values);
        }
        if (instr instanceof WatParser.LaneInstrContext l) {
            return new Immediate.Lane(laneIndex(l.NAT().getSymbol(), values));
        }
        WatParser.MemoryLaneInstrContext m = (WatParser.MemoryLaneInstrContext) instr;
        Immediate.MemArg memArg = memArgs.read(opcode, symbol(m.MEM_OFFSET()), symbol(m.MEM_ALIGN()));
        return new Immediate.MemLane(memArg, laneIndex(m.NAT().getSymbol(), values));
    }

    /** Called by the parser right after the lanes: 16 naturals that fit in a byte, else a syntax error. */
    static void checkShuffle(Token op, List<WatParser.LiteralContext> lanes) {
        shuffleLanes(op, lanes, new TokenValues(op.getTokenSource().getSourceName()));
    }

    private static Immediate shuffle(WatParser.ShuffleInstrContext s, TokenValues values) {
        return new Immediate.V128(shuffleLanes(s.op, s.lanes, values));
    }

    private static byte[] shuffleLanes(Token op, List<WatParser.LiteralContext> lanes, TokenValues values) {
        if (lanes.size() != SHUFFLE_LANES) {
            throw values.error(op, "invalid lane length: i8x16.shuffle takes 16 lane indices, got "
                    + lanes.size());
        }
        byte[] bytes = new byte[SHUFFLE_LANES];
        for (int i = 0; i < SHUFFLE_LANES; i++) {
            Token lane = lanes.get(i).getStart();
            if (lane.getType() != WatLexer.NAT) {
                throw values.error(lane, "malformed lane index: " + lane.getText());
            }
            bytes[i] = (byte) laneIndex(lane, values);
        }
        return bytes;
    }

    private static int laneIndex(Token lane, TokenValues values) {
        long index;
        try {
            index = Literals.parseU32(lane.getText());
        } catch (NumberFormatException e) {
            index = Long.MAX_VALUE;
        }
        if (index > 255) {
            throw values.error(lane, "malformed lane index: " + lane.getText() + " does not fit in a byte");
        }
        return (int) index;
    }

    private static List<Token> tokens(List<WatParser.LiteralContext> literals) {
        return literals.stream().map(WatParser.LiteralContext::getStart).toList();
    }

    private static Token symbol(TerminalNode node) {
        return node == null ? null : node.getSymbol();
    }
}
