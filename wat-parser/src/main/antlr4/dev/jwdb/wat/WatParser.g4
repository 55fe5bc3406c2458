/*
 * The WebAssembly 2.0 text format (spec §6.3-6.6) and the .wast script format, written from the spec's grammar.
 *
 * Every abbreviation the spec allows is parsed as written; expanding it (inline exports and imports, inline data and
 * elements, implicit types, folded instructions) is the builder's job, so that each instruction keeps the position
 * of its own mnemonic. Choices are decided by at most two tokens, which keeps SLL prediction sufficient.
 */
parser grammar WatParser;

options { tokenVocab = WatLexer; }

// ---- Entry points

/** A file holding one module, written either as "(module ...)" or as its bare fields. */
moduleFile : (module_ | moduleField*) EOF ;

/** A script, or (as the reference interpreter allows) one module written as bare fields. */
script : command* EOF | moduleField+ EOF ;

module_ : LPAR MODULE ID? moduleField* RPAR ;

// ---- Types

valType : I32 | I64 | F32 | F64 | V128 | FUNCREF | EXTERNREF ;
refType : FUNCREF | EXTERNREF ;
heapType : FUNC | EXTERN ;

/** "(param $x i32)" names one parameter; "(param i32 i64)" declares any number of anonymous ones. */
param : LPAR PARAM (ID valType | valType*) RPAR ;
result : LPAR RESULT valType* RPAR ;
local : LPAR LOCAL (ID valType | valType*) RPAR ;

/** Parameters of a block or call_indirect type, which cannot be named. */
anonParam : LPAR PARAM valType* RPAR ;

typeRef : LPAR TYPE index RPAR ;
typeUse : typeRef? param* result* ;
anonTypeUse : typeRef? anonParam* result* ;

limits : NAT NAT? ;
tableType : limits refType ;
globalType : valType | LPAR MUT valType RPAR ;

index : NAT | ID ;
name : STRING ;

// ---- Module fields

moduleField
    : typeDef
    | importDef
    | funcDef
    | tableDef
    | memoryDef
    | globalDef
    | exportDef
    | startDef
    | elemDef
    | dataDef
    ;

typeDef : LPAR TYPE ID? LPAR FUNC param* result* RPAR RPAR ;

importDef : LPAR IMPORT name name importDesc RPAR ;

importDesc
    : LPAR FUNC ID? typeUse RPAR           # funcImport
    | LPAR TABLE ID? tableType RPAR        # tableImport
    | LPAR MEMORY ID? limits RPAR          # memoryImport
    | LPAR GLOBAL ID? globalType RPAR      # globalImport
    ;

inlineExport : LPAR EXPORT name RPAR ;
inlineImport : LPAR IMPORT name name RPAR ;

funcDef : LPAR FUNC ID? inlineExport* (inlineImport typeUse | typeUse local* instr*) RPAR ;

tableDef
    : LPAR TABLE ID? inlineExport*
      ( inlineImport tableType
      | tableType
      | refType LPAR ELEM (elemExpr+ | index*) RPAR
      ) RPAR
    ;

memoryDef : LPAR MEMORY ID? inlineExport* (inlineImport limits | limits | LPAR DATA STRING* RPAR) RPAR ;

globalDef : LPAR GLOBAL ID? inlineExport* (inlineImport globalType | globalType instr*) RPAR ;

exportDef : LPAR EXPORT name LPAR externKind index RPAR RPAR ;
externKind : FUNC | TABLE | MEMORY | GLOBAL ;

startDef : LPAR START index RPAR ;

elemDef
    : LPAR ELEM ID?
      ( DECLARE elemList
      | (LPAR TABLE table=index RPAR)? offsetExpr (elemList | functions+=index*)
      | elemList
      ) RPAR
    ;
elemList : FUNC index* | refType elemExpr* ;
elemExpr : LPAR ITEM instr* RPAR | foldedInstr ;
offsetExpr : LPAR OFFSET instr* RPAR | foldedInstr ;

dataDef : LPAR DATA ID? ((LPAR MEMORY index RPAR)? offsetExpr)? STRING* RPAR ;

// ---- Instructions

// i8x16.shuffle's lanes are checked as soon as they are parsed: a bad lane literal can make the rest of the text
// unparsable too, and the lane is the error to report.

instr : plainInstr | blockInstr | foldedInstr ;

plainInstr
    : op=OP_PLAIN                                  # simpleInstr
    | op=(OP_INDEX | REF_FUNC) index               # indexInstr
    | op=OP_OPT_INDEX index?                       # optIndexInstr
    | op=BR_TABLE index+                           # brTableInstr
    | op=CALL_INDIRECT index? anonTypeUse          # callIndirectInstr
    | op=SELECT result*                            # selectInstr
    | op=OP_MEMARG MEM_OFFSET? MEM_ALIGN?          # memoryInstr
    | op=OP_CONST literal                          # constInstr
    | op=REF_NULL heapType                         # refNullInstr
    | op=OP_SEGMENT_INIT index index?              # segmentInitInstr
    | op=OP_COPY (index index)?                    # copyInstr
    | op=OP_V128_CONST V128_SHAPE literal*         # vectorConstInstr
    | op=OP_SHUFFLE lanes+=literal* {VectorImmediateBuilder.checkShuffle($op, $lanes);}  # shuffleInstr
    | op=OP_LANE NAT                               # laneInstr
    | op=OP_MEMARG_LANE MEM_OFFSET? MEM_ALIGN? NAT # memoryLaneInstr
    ;

literal : NAT | INT | FLOAT ;

blockInstr
    : op=(BLOCK | LOOP) label=ID? anonTypeUse instr* end=END endLabel=ID?             # flatBlock
    | op=IF label=ID? anonTypeUse thenInstrs+=instr*
      (elseOp=ELSE elseLabel=ID? elseInstrs+=instr*)? end=END endLabel=ID?                 # flatIf
    ;

foldedInstr
    : LPAR plainInstr foldedInstr* close=RPAR                                          # foldedPlain
    | LPAR op=(BLOCK | LOOP) label=ID? anonTypeUse instr* close=RPAR                   # foldedBlock
    | LPAR op=IF label=ID? anonTypeUse conditions+=foldedInstr*
      LPAR THEN thenInstrs+=instr* RPAR (LPAR elseOp=ELSE elseInstrs+=instr* RPAR)? close=RPAR  # foldedIf
    ;

// ---- Scripts

command
    : scriptModule
    | register
    | action
    | assertion
    ;

scriptModule
    : LPAR MODULE ID? BINARY STRING* RPAR     # binaryModule
    | LPAR MODULE ID? QUOTE STRING* RPAR      # quoteModule
    | LPAR MODULE ID? moduleField* RPAR       # textModule
    ;

register : LPAR REGISTER name ID? RPAR ;

action
    : LPAR INVOKE ID? name constant* RPAR     # invoke
    | LPAR GET ID? name RPAR                  # get
    ;

constant
    : LPAR OP_CONST literal RPAR              # numConstant
    | LPAR OP_V128_CONST V128_SHAPE literal* RPAR    # vectorConstant
    | LPAR REF_NULL heapType RPAR             # nullConstant
    | LPAR REF_EXTERN NAT RPAR                # externConstant
    ;

expectedResult
    : LPAR OP_CONST (literal | NAN_CANONICAL | NAN_ARITHMETIC) RPAR   # numExpected
    | LPAR OP_V128_CONST V128_SHAPE laneExpected* RPAR               # vectorExpected
    | LPAR REF_NULL heapType RPAR                                     # nullExpected
    | LPAR REF_EXTERN NAT? RPAR                                       # externExpected
    | LPAR REF_FUNC RPAR                                              # funcExpected
    ;

/** One lane of an expected v128: a number, or for float shapes a NaN pattern. */
laneExpected : literal | NAN_CANONICAL | NAN_ARITHMETIC ;

assertion
    : LPAR ASSERT_RETURN action expectedResult* RPAR          # assertReturn
    | LPAR ASSERT_TRAP action name RPAR                       # assertTrapAction
    | LPAR ASSERT_TRAP scriptModule name RPAR                 # assertTrapModule
    | LPAR ASSERT_EXHAUSTION action name RPAR                 # assertExhaustion
    | LPAR ASSERT_MALFORMED scriptModule name RPAR            # assertMalformed
    | LPAR ASSERT_INVALID scriptModule name RPAR              # assertInvalid
    | LPAR ASSERT_UNLINKABLE scriptModule name RPAR           # assertUnlinkable
    | LPAR ASSERT_UNINSTANTIABLE scriptModule name RPAR       # assertUninstantiable
    ;
