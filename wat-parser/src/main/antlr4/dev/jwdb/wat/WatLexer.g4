/*
 * Tokens of the WebAssembly 2.0 text format and of .wast scripts (spec §6.2 "Lexical Format").
 *
 * Structural keywords get their own token types. Every other keyword goes through KEYWORD, whose action asks
 * InstructionTokens to classify it by the operand shape that the opcode table gives for it, so the parser grammar
 * needs one rule per shape instead of one per mnemonic, and an unknown word stays a bare KEYWORD that the parser
 * reports as "unknown operator".
 */
lexer grammar WatLexer;

@members {
    /** Consumes the rest of a block comment whose "(;" was just matched, nested comments included. */
    private void skipBlockComment() {
        int line = getLine();
        int column = getCharPositionInLine() - "(;".length() + 1;
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == EOF) {
                throw new WatSyntaxException("unclosed comment", getSourceName(), line, column);
            }
            int next = _input.LA(2);
            if (c == '(' && next == ';') {
                depth++;
                getInterpreter().consume(_input);
            } else if (c == ';' && next == ')') {
                depth--;
                getInterpreter().consume(_input);
            }
            getInterpreter().consume(_input);
        }
    }

    /** Consumes the rest of an annotation after "(@name": balanced parentheses, strings taken whole. */
    private void skipAnnotation() {
        int line = getLine();
        int column = getCharPositionInLine();
        int depth = 1;
        boolean inString = false;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == EOF) {
                throw new WatSyntaxException("unclosed annotation", getSourceName(), line, column);
            }
            if (inString) {
                if (c == '\\' && _input.LA(2) != EOF) {
                    getInterpreter().consume(_input);
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            getInterpreter().consume(_input);
        }
    }
}

tokens {
    OP_PLAIN, OP_INDEX, OP_OPT_INDEX, OP_MEMARG, OP_CONST, OP_SEGMENT_INIT, OP_COPY, MEM_OFFSET, MEM_ALIGN,
    OP_V128_CONST, OP_SHUFFLE, OP_LANE, OP_MEMARG_LANE, V128_SHAPE
}

LPAR : '(' ;
RPAR : ')' ;

// Module structure.
MODULE : 'module' ;
TYPE : 'type' ;
FUNC : 'func' ;
PARAM : 'param' ;
RESULT : 'result' ;
LOCAL : 'local' ;
IMPORT : 'import' ;
EXPORT : 'export' ;
TABLE : 'table' ;
MEMORY : 'memory' ;
GLOBAL : 'global' ;
ELEM : 'elem' ;
DATA : 'data' ;
START : 'start' ;
OFFSET : 'offset' ;
ITEM : 'item' ;
DECLARE : 'declare' ;
MUT : 'mut' ;
EXTERN : 'extern' ;

// Types.
I32 : 'i32' ;
I64 : 'i64' ;
F32 : 'f32' ;
F64 : 'f64' ;
V128 : 'v128' ;
FUNCREF : 'funcref' ;
EXTERNREF : 'externref' ;

// Instructions whose operands are not a plain shape from the opcode table.
BLOCK : 'block' ;
LOOP : 'loop' ;
IF : 'if' ;
THEN : 'then' ;
ELSE : 'else' ;
END : 'end' ;
BR_TABLE : 'br_table' ;
CALL_INDIRECT : 'call_indirect' ;
SELECT : 'select' ;
REF_NULL : 'ref.null' ;
REF_FUNC : 'ref.func' ;

// Script commands and values.
BINARY : 'binary' ;
QUOTE : 'quote' ;
REGISTER : 'register' ;
INVOKE : 'invoke' ;
GET : 'get' ;
ASSERT_RETURN : 'assert_return' ;
ASSERT_TRAP : 'assert_trap' ;
ASSERT_EXHAUSTION : 'assert_exhaustion' ;
ASSERT_MALFORMED : 'assert_malformed' ;
ASSERT_INVALID : 'assert_invalid' ;
ASSERT_UNLINKABLE : 'assert_unlinkable' ;
ASSERT_UNINSTANTIABLE : 'assert_uninstantiable' ;
REF_EXTERN : 'ref.extern' ;
NAN_CANONICAL : 'nan:canonical' ;
NAN_ARITHMETIC : 'nan:arithmetic' ;

// Numbers are only recognised here; their values (and ranges) are Literals' business. FLOAT precedes KEYWORD
// because inf and nan would otherwise be keywords.
NAT : NUM | '0x' HEXNUM ;
INT : [+-] (NUM | '0x' HEXNUM) ;
FLOAT
    : [+-]? ( NUM '.' NUM? ([eE] [+-]? NUM)?
            | NUM [eE] [+-]? NUM
            | '0x' HEXNUM '.' HEXNUM? ([pP] [+-]? NUM)?
            | '0x' HEXNUM [pP] [+-]? NUM
            | 'inf'
            | 'nan'
            | 'nan:0x' HEXNUM
            )
    ;

KEYWORD : [a-z] IDCHAR* { setType(InstructionTokens.typeOf(getText())); } ;
ID : '$' IDCHAR+ ;
STRING : '"' (~["\\\n] | '\\' ~[\n])* '"' ;

// Anything else glued together from id characters and strings (e.g. "1x", "0drop", "$l\"a\"") is one reserved
// token, never a valid token followed by another: longest match makes these win over their prefixes.
RESERVED : (IDCHAR | STRING | [,[\]{}])+ ;

LINE_COMMENT : ';;' ~[\n\r]* -> skip ;
// Block comments nest. A recursive non-greedy rule made the lexer's work grow steeply with nesting (a 6 KB text of
// nested "(;" took over ten seconds) and let "(; (; ;)" pass as one comment; skipBlockComment counts instead.
BLOCK_COMMENT : '(;' { skipBlockComment(); } -> skip ;
// Same for annotations, whose recursive rule took seconds for 100000 nested parentheses.
ANNOTATION : '(@' IDCHAR+ { skipAnnotation(); } -> skip ;
WS : [ \t\r\n]+ -> skip ;

// Lets the parser report a stray character as an unexpected token, with its position.
UNKNOWN_CHAR : . ;

fragment IDCHAR : [0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~] ;
fragment NUM : [0-9] ('_'? [0-9])* ;
fragment HEXNUM : HEX ('_'? HEX)* ;
fragment HEX : [0-9a-fA-F] ;
