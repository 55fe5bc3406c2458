package dev.jwdb.engine.exec;

/**
 * The internal instruction set of compiled code ({@link CompiledFunction#code()}), in register form: an opcode
 * followed by its inline immediates, where operands and results are <em>slots</em>, cell indices relative to the
 * frame base (locals first, then the operand stack; the compiler knows the stack height at every instruction, so
 * each operand-stack position is a fixed slot). Structured control is gone: branches carry absolute targets.
 * Layouts ({@code d} a destination slot, {@code a b c v} source slots, {@code i} a 32-bit immediate):
 * <pre>
 * NOP                  UNREACHABLE                  BR target
 * BR_IF c target       BR_UNLESS c target           BR_IF_MOVE c target from to n   (on taken: MOVE, then BR)
 * MOVE from to n       (n cells, overlapping allowed)
 * BR_TABLE a count from n (target to){count+1}       RETURN from n   (n result cells to slot 0)
 * CALL function argBase                             CALL_INDIRECT typeIndex table a argBase
 *                      (the callee's frame starts at argBase; its results come back there)
 * SELECT d a b c       COPY d a      CONST d i      CONST64 d low high
 * GLOBAL_GET d global  GLOBAL_SET global a
 * TABLE_GET d table a  TABLE_SET table a b          REF_IS_NULL d a         REF_FUNC d function
 * MEMORY_INIT data a b c   DATA_DROP data   MEMORY_COPY a b c   MEMORY_FILL a b c
 * TABLE_INIT element table a b c   ELEM_DROP element   TABLE_COPY destination source a b c
 * TABLE_GROW d table a b   TABLE_SIZE d table   TABLE_FILL table a b c
 * loads: d address k offset         stores: address value k offset   (the address is address + k, wrapping)
 * MEMORY_SIZE d        MEMORY_GROW d a
 * unary operators: d a               binary operators: d a b
 * I32_&lt;op&gt;_C d a i: a op i        BR_IF_I32_&lt;cmp&gt; a b target      BR_IF_I32_&lt;cmp&gt;_C a i target
 * </pre>
 * f32/f64 constants, loads and stores share the integer forms, since floats are kept as raw bits; reinterpretations
 * and i32.wrap_i64 are copies (or nothing) because every i32 consumer reads only the low 32 bits of a cell.
 * The numbering is dense so that the interpreter's switch is one jump table.
 */
public final class Op {
    // ---- control ----
    public static final int NOP = 0;
    public static final int UNREACHABLE = 1;
    public static final int BR = 2;
    public static final int BR_IF = 3;
    public static final int BR_UNLESS = 4;
    public static final int BR_IF_MOVE = 5;
    public static final int MOVE = 6;
    public static final int BR_TABLE = 7;
    public static final int RETURN = 8;
    public static final int CALL = 9;
    public static final int CALL_INDIRECT = 10;
    // ---- data movement ----
    public static final int SELECT = 11;
    public static final int COPY = 12;
    public static final int CONST = 13;
    public static final int CONST64 = 14;
    public static final int GLOBAL_GET = 15;
    public static final int GLOBAL_SET = 16;
    // ---- tables and bulk memory ----
    public static final int TABLE_GET = 17;
    public static final int TABLE_SET = 18;
    public static final int REF_IS_NULL = 19;
    public static final int REF_FUNC = 20;
    public static final int MEMORY_INIT = 21;
    public static final int DATA_DROP = 22;
    public static final int MEMORY_COPY = 23;
    public static final int MEMORY_FILL = 24;
    public static final int TABLE_INIT = 25;
    public static final int ELEM_DROP = 26;
    public static final int TABLE_COPY = 27;
    public static final int TABLE_GROW = 28;
    public static final int TABLE_SIZE = 29;
    public static final int TABLE_FILL = 30;
    // ---- loads ----
    public static final int I32_LOAD = 31;
    public static final int I64_LOAD = 32;
    public static final int I32_LOAD8_S = 33;
    public static final int I32_LOAD8_U = 34;
    public static final int I32_LOAD16_S = 35;
    public static final int I32_LOAD16_U = 36;
    public static final int I64_LOAD8_S = 37;
    public static final int I64_LOAD8_U = 38;
    public static final int I64_LOAD16_S = 39;
    public static final int I64_LOAD16_U = 40;
    public static final int I64_LOAD32_S = 41;
    public static final int I64_LOAD32_U = 42;
    // ---- stores ----
    public static final int I32_STORE = 43;
    public static final int I64_STORE = 44;
    public static final int I32_STORE8 = 45;
    public static final int I32_STORE16 = 46;
    public static final int I64_STORE8 = 47;
    public static final int I64_STORE16 = 48;
    public static final int I64_STORE32 = 49;
    // ---- memory ----
    public static final int MEMORY_SIZE = 50;
    public static final int MEMORY_GROW = 51;
    // ---- plain ----
    public static final int I32_EQZ = 52;
    public static final int I32_EQ = 53;
    public static final int I32_NE = 54;
    public static final int I32_LT_S = 55;
    public static final int I32_LT_U = 56;
    public static final int I32_GT_S = 57;
    public static final int I32_GT_U = 58;
    public static final int I32_LE_S = 59;
    public static final int I32_LE_U = 60;
    public static final int I32_GE_S = 61;
    public static final int I32_GE_U = 62;
    public static final int I64_EQZ = 63;
    public static final int I64_EQ = 64;
    public static final int I64_NE = 65;
    public static final int I64_LT_S = 66;
    public static final int I64_LT_U = 67;
    public static final int I64_GT_S = 68;
    public static final int I64_GT_U = 69;
    public static final int I64_LE_S = 70;
    public static final int I64_LE_U = 71;
    public static final int I64_GE_S = 72;
    public static final int I64_GE_U = 73;
    public static final int F32_EQ = 74;
    public static final int F32_NE = 75;
    public static final int F32_LT = 76;
    public static final int F32_GT = 77;
    public static final int F32_LE = 78;
    public static final int F32_GE = 79;
    public static final int F64_EQ = 80;
    public static final int F64_NE = 81;
    public static final int F64_LT = 82;
    public static final int F64_GT = 83;
    public static final int F64_LE = 84;
    public static final int F64_GE = 85;
    public static final int I32_CLZ = 86;
    public static final int I32_CTZ = 87;
    public static final int I32_POPCNT = 88;
    public static final int I32_ADD = 89;
    public static final int I32_SUB = 90;
    public static final int I32_MUL = 91;
    public static final int I32_DIV_S = 92;
    public static final int I32_DIV_U = 93;
    public static final int I32_REM_S = 94;
    public static final int I32_REM_U = 95;
    public static final int I32_AND = 96;
    public static final int I32_OR = 97;
    public static final int I32_XOR = 98;
    public static final int I32_SHL = 99;
    public static final int I32_SHR_S = 100;
    public static final int I32_SHR_U = 101;
    public static final int I32_ROTL = 102;
    public static final int I32_ROTR = 103;
    public static final int I64_CLZ = 104;
    public static final int I64_CTZ = 105;
    public static final int I64_POPCNT = 106;
    public static final int I64_ADD = 107;
    public static final int I64_SUB = 108;
    public static final int I64_MUL = 109;
    public static final int I64_DIV_S = 110;
    public static final int I64_DIV_U = 111;
    public static final int I64_REM_S = 112;
    public static final int I64_REM_U = 113;
    public static final int I64_AND = 114;
    public static final int I64_OR = 115;
    public static final int I64_XOR = 116;
    public static final int I64_SHL = 117;
    public static final int I64_SHR_S = 118;
    public static final int I64_SHR_U = 119;
    public static final int I64_ROTL = 120;
    public static final int I64_ROTR = 121;
    public static final int F32_ABS = 122;
    public static final int F32_NEG = 123;
    public static final int F32_CEIL = 124;
    public static final int F32_FLOOR = 125;
    public static final int F32_TRUNC = 126;
    public static final int F32_NEAREST = 127;
    public static final int F32_SQRT = 128;
    public static final int F32_ADD = 129;
    public static final int F32_SUB = 130;
    public static final int F32_MUL = 131;
    public static final int F32_DIV = 132;
    public static final int F32_MIN = 133;
    public static final int F32_MAX = 134;
    public static final int F32_COPYSIGN = 135;
    public static final int F64_ABS = 136;
    public static final int F64_NEG = 137;
    public static final int F64_CEIL = 138;
    public static final int F64_FLOOR = 139;
    public static final int F64_TRUNC = 140;
    public static final int F64_NEAREST = 141;
    public static final int F64_SQRT = 142;
    public static final int F64_ADD = 143;
    public static final int F64_SUB = 144;
    public static final int F64_MUL = 145;
    public static final int F64_DIV = 146;
    public static final int F64_MIN = 147;
    public static final int F64_MAX = 148;
    public static final int F64_COPYSIGN = 149;
    public static final int I32_TRUNC_F32_S = 150;
    public static final int I32_TRUNC_F32_U = 151;
    public static final int I32_TRUNC_F64_S = 152;
    public static final int I32_TRUNC_F64_U = 153;
    public static final int I64_EXTEND_I32_S = 154;
    public static final int I64_EXTEND_I32_U = 155;
    public static final int I64_TRUNC_F32_S = 156;
    public static final int I64_TRUNC_F32_U = 157;
    public static final int I64_TRUNC_F64_S = 158;
    public static final int I64_TRUNC_F64_U = 159;
    public static final int F32_CONVERT_I32_S = 160;
    public static final int F32_CONVERT_I32_U = 161;
    public static final int F32_CONVERT_I64_S = 162;
    public static final int F32_CONVERT_I64_U = 163;
    public static final int F32_DEMOTE_F64 = 164;
    public static final int F64_CONVERT_I32_S = 165;
    public static final int F64_CONVERT_I32_U = 166;
    public static final int F64_CONVERT_I64_S = 167;
    public static final int F64_CONVERT_I64_U = 168;
    public static final int F64_PROMOTE_F32 = 169;
    public static final int I32_EXTEND8_S = 170;
    public static final int I32_EXTEND16_S = 171;
    public static final int I64_EXTEND8_S = 172;
    public static final int I64_EXTEND16_S = 173;
    public static final int I64_EXTEND32_S = 174;
    public static final int I32_TRUNC_SAT_F32_S = 175;
    public static final int I32_TRUNC_SAT_F32_U = 176;
    public static final int I32_TRUNC_SAT_F64_S = 177;
    public static final int I32_TRUNC_SAT_F64_U = 178;
    public static final int I64_TRUNC_SAT_F32_S = 179;
    public static final int I64_TRUNC_SAT_F32_U = 180;
    public static final int I64_TRUNC_SAT_F64_S = 181;
    public static final int I64_TRUNC_SAT_F64_U = 182;
    // ---- i32 with a constant ----
    public static final int I32_ADD_C = 183;
    public static final int I32_MUL_C = 184;
    public static final int I32_AND_C = 185;
    public static final int I32_OR_C = 186;
    public static final int I32_XOR_C = 187;
    public static final int I32_SHL_C = 188;
    public static final int I32_SHR_S_C = 189;
    public static final int I32_SHR_U_C = 190;
    public static final int I32_ROTL_C = 191;
    public static final int I32_EQ_C = 192;
    public static final int I32_NE_C = 193;
    public static final int I32_LT_S_C = 194;
    public static final int I32_LT_U_C = 195;
    public static final int I32_GT_S_C = 196;
    public static final int I32_GT_U_C = 197;
    public static final int I32_LE_S_C = 198;
    public static final int I32_LE_U_C = 199;
    public static final int I32_GE_S_C = 200;
    public static final int I32_GE_U_C = 201;
    // ---- compare and branch ----
    public static final int BR_IF_I32_EQ = 202;
    public static final int BR_IF_I32_NE = 203;
    public static final int BR_IF_I32_LT_S = 204;
    public static final int BR_IF_I32_LT_U = 205;
    public static final int BR_IF_I32_GT_S = 206;
    public static final int BR_IF_I32_GT_U = 207;
    public static final int BR_IF_I32_LE_S = 208;
    public static final int BR_IF_I32_LE_U = 209;
    public static final int BR_IF_I32_GE_S = 210;
    public static final int BR_IF_I32_GE_U = 211;
    // ---- compare with a constant and branch ----
    public static final int BR_IF_I32_EQ_C = 212;
    public static final int BR_IF_I32_NE_C = 213;
    public static final int BR_IF_I32_LT_S_C = 214;
    public static final int BR_IF_I32_LT_U_C = 215;
    public static final int BR_IF_I32_GT_S_C = 216;
    public static final int BR_IF_I32_GT_U_C = 217;
    public static final int BR_IF_I32_LE_S_C = 218;
    public static final int BR_IF_I32_LE_U_C = 219;
    public static final int BR_IF_I32_GE_S_C = 220;
    public static final int BR_IF_I32_GE_U_C = 221;

    // ---- out of the loop's jump table (run by Interpreter.rare) ----
    /** SIMD top sub immediates...: see {@link SimdInterpreter}; {@code top} is the cell above its operands. */
    public static final int SIMD = 222;
    // Debugging forms, only in code compiled with an Instrumentation (or patched in by Execution.interrupt). Code with
    // CHECKs is compiled without fusion, so that every operand is in its stack slot before every instruction; code
    // with watched ops only is fused, but writes out the entries below a watched access's operands before it:
    // CHECK instruction armed        before every reachable instruction; pauses when armed != 0 or when stepping
    //                                reaches it (Execution skips it when continuing from the pause)
    // LOAD_WATCHED address k offset width instruction, STORE_WATCHED address k offset width instruction
    //                                before the plain load or store (5 words) of the same instruction, with the same
    //                                address, k and offset: the loop runs that op itself unless the access may touch
    //                                the bytes ExecutionState.mayWatch names; then the op, and a pause if the hooks
    //                                watch the bytes accessed, run in Interpreter.debugging
    // GLOBAL_SET_WATCHED global a instruction   global.set, then a pause if the hooks watch the global
    // INTERRUPT                      written over the first word of an op by Execution.interrupt; pauses before it
    // BULK_WATCHED instruction       before the MEMORY_FILL, MEMORY_COPY or MEMORY_INIT of the same instruction:
    //                                the op runs on its own unless a byte it writes (or memory.copy reads) may be
    //                                watched; then Interpreter.debugging runs it and pauses if the hooks watch one
    // SIMD_WATCHED instruction       the same before the SIMD op of a v128 load or store
    // Before each watched op the entries below the access's operands are written out, so that a pause after the
    // access shows the exact operand stack. An op that traps has written nothing: a trap is reported, not a watch.
    public static final int CHECK = 223;
    public static final int LOAD_WATCHED = 224;
    public static final int STORE_WATCHED = 225;
    public static final int GLOBAL_SET_WATCHED = 226;
    public static final int INTERRUPT = 227;
    public static final int BULK_WATCHED = 228;
    public static final int SIMD_WATCHED = 229;

    /** One more than the largest opcode. */
    public static final int COUNT = 230;


    private Op() {
    }
}
