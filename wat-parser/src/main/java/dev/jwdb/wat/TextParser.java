package dev.jwdb.wat;

import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the lexer and parser over a text and stops at the first syntax error with the spec's wording. Parsing first
 * tries the cheap SLL prediction and only re-parses with full LL when that fails, which for this grammar happens
 * only on malformed input; the second pass is then the one that reports the error.
 */
final class TextParser {
    /**
     * The parser and the builders descend one Java frame (or a few) per nested block or parenthesis, so unbounded
     * nesting would end in a StackOverflowError. Text nested deeper than this is refused up front instead; 1000
     * levels parse and build within a 512 KiB thread stack, half the JVM's default.
     */
    static final int MAX_NESTING = 1000;

    private TextParser() {
    }

    static <T extends ParserRuleContext> T parse(String text, String sourceName, Function<WatParser, T> rule) {
        WatLexer lexer = new WatLexer(CharStreams.fromString(text, sourceName));
        ThrowingListener listener = new ThrowingListener(sourceName);
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(tokens, sourceName);
        WatParser parser = new WatParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            parser.reset();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }

    /**
     * Counts open parentheses plus open flat blocks ({@code block}, {@code loop} and {@code if} not right after a
     * parenthesis, each closed by {@code end}), which bounds how deep the parser will recurse.
     */
    private static void checkNesting(CommonTokenStream tokens, String sourceName) {
        int depth = 0;
        int previous = Token.INVALID_TYPE;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            boolean opens = type == WatLexer.LPAR
                    || (type == WatLexer.BLOCK || type == WatLexer.LOOP || type == WatLexer.IF)
                    && previous != WatLexer.LPAR;
            if (opens && ++depth > MAX_NESTING) {
                throw new WatSyntaxException("nesting too deep (more than " + MAX_NESTING
                        + " nested blocks or parentheses)", sourceName, t.getLine(), t.getCharPositionInLine() + 1);
            }
            if ((type == WatLexer.RPAR || type == WatLexer.END) && depth > 0) {
                depth--;
            }
            previous = type;
        }
    }

    /** The reason for a syntax error at {@code offending}, worded as the spec's reference interpreter words it. */
    static String reason(Token offending) {
        if (offending == null) {
            return "unexpected token";
        }
        return switch (offending.getType()) {
            case Token.EOF -> "unexpected end of input";
            case WatLexer.KEYWORD, WatLexer.RESERVED -> "unknown operator " + offending.getText();
            default -> "unexpected token " + offending.getText();
        };
    }

    private static final class ThrowingListener extends BaseErrorListener {
        private final String sourceName;

        ThrowingListener(String sourceName) {
            this.sourceName = sourceName;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            Token offending = offendingSymbol instanceof Token t ? t : null;
            throw new WatSyntaxException(reason(offending), sourceName, line, column + 1);
        }
    }
}
