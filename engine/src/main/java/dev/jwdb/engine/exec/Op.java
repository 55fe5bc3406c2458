package dev.jwdb.engine.exec;

/**
 * The internal instruction set of compiled code ({@link CompiledFunction#code()}): an opcode followed by its inline
 * immediates. Structured control is gone: branches carry absolute targets, and when values must be discarded, the
 * number kept (arity) and the number dropped beneath them. Layouts:
 * <pre>
 * BR target            BR_DROP target arity drop       BR_IF target       BR_IF_DROP target arity drop
 * BR_UNLESS target     BR_TABLE count arity (target drop){count+1}          RETURN resultSlots
 * CALL function        CALL_INDIRECT typeIndex table   LOCAL_* slot       GLOBAL_* global
 * I32_CONST value      I64_CONST low high              loads and stores: offset (u32)
 * TABLE_* table        TABLE_INIT element table        TABLE_COPY destination source
 * MEMORY_INIT data     DATA_DROP data                  ELEM_DROP element  REF_FUNC function
 * </pre>
 * f32/f64 constants, loads and stores share the integer forms, since floats are kept as raw bits; reinterpretations
 * and i32.wrap_i64 emit nothing because every i32 consumer reads only the low 32 bits of a slot.
 * {@code BR_IF_I32_*} have the layout of BR_IF, the other fused forms are described where they are declared.
 */
public final class Op {
    public static final int UNREACHABLE = 0;
    public static final int BR = 1;
    public static final int BR_DROP = 2;
    public static final int BR_IF = 3;
    public static final int BR_IF_DROP = 4;
    public static final int BR_UNLESS = 5;
    public static final int BR_TABLE = 6;
    public static final int RETURN = 7;
    public static final int CALL = 8;
    public static final int CALL_INDIRECT = 9;
    public static final int DROP = 10;
    public static final int SELECT = 11;
    public static final int LOCAL_GET = 12;
    public static final int LOCAL_SET = 13;
    public static final int LOCAL_TEE = 14;
    public static final int GLOBAL_GET = 15;
    public static final int GLOBAL_SET = 16;
    public static final int TABLE_GET = 17;
    public static final int TABLE_SET = 18;
    public static final int I32_CONST = 19;
    public static final int I64_CONST = 20;
    public static final int REF_IS_NULL = 21;
    public static final int REF_FUNC = 22;
    public static final int MEMORY_INIT = 23;
    public static final int DATA_DROP = 24;
    public static final int MEMORY_COPY = 25;
    public static final int MEMORY_FILL = 26;
    public static final int TABLE_INIT = 27;
    public static final int ELEM_DROP = 28;
    public static final int TABLE_COPY = 29;
    public static final int TABLE_GROW = 30;
    public static final int TABLE_SIZE = 31;
    public static final int TABLE_FILL = 32;

    // one-to-one with the Wasm opcode of the same name (memory accesses carry their offset as an immediate)
    public static final int I32_LOAD = 33;
    public static final int I64_LOAD = 34;
    public static final int I32_LOAD8_S = 35;
    public static final int I32_LOAD8_U = 36;
    public static final int I32_LOAD16_S = 37;
    public static final int I32_LOAD16_U = 38;
    public static final int I64_LOAD8_S = 39;
    public static final int I64_LOAD8_U = 40;
    public static final int I64_LOAD16_S = 41;
    public static final int I64_LOAD16_U = 42;
    public static final int I64_LOAD32_S = 43;
    public static final int I64_LOAD32_U = 44;
    public static final int I32_STORE = 45;
    public static final int I64_STORE = 46;
    public static final int I32_STORE8 = 47;
    public static final int I32_STORE16 = 48;
    public static final int I64_STORE8 = 49;
    public static final int I64_STORE16 = 50;
    public static final int I64_STORE32 = 51;
    public static final int MEMORY_SIZE = 52;
    public static final int MEMORY_GROW = 53;
    public static final int I32_EQZ = 54;
    public static final int I32_EQ = 55;
    public static final int I32_NE = 56;
    public static final int I32_LT_S = 57;
    public static final int I32_LT_U = 58;
    public static final int I32_GT_S = 59;
    public static final int I32_GT_U = 60;
    public static final int I32_LE_S = 61;
    public static final int I32_LE_U = 62;
    public static final int I32_GE_S = 63;
    public static final int I32_GE_U = 64;
    public static final int I64_EQZ = 65;
    public static final int I64_EQ = 66;
    public static final int I64_NE = 67;
    public static final int I64_LT_S = 68;
    public static final int I64_LT_U = 69;
    public static final int I64_GT_S = 70;
    public static final int I64_GT_U = 71;
    public static final int I64_LE_S = 72;
    public static final int I64_LE_U = 73;
    public static final int I64_GE_S = 74;
    public static final int I64_GE_U = 75;
    public static final int F32_EQ = 76;
    public static final int F32_NE = 77;
    public static final int F32_LT = 78;
    public static final int F32_GT = 79;
    public static final int F32_LE = 80;
    public static final int F32_GE = 81;
    public static final int F64_EQ = 82;
    public static final int F64_NE = 83;
    public static final int F64_LT = 84;
    public static final int F64_GT = 85;
    public static final int F64_LE = 86;
    public static final int F64_GE = 87;
    public static final int I32_CLZ = 88;
    public static final int I32_CTZ = 89;
    public static final int I32_POPCNT = 90;
    public static final int I32_ADD = 91;
    public static final int I32_SUB = 92;
    public static final int I32_MUL = 93;
    public static final int I32_DIV_S = 94;
    public static final int I32_DIV_U = 95;
    public static final int I32_REM_S = 96;
    public static final int I32_REM_U = 97;
    public static final int I32_AND = 98;
    public static final int I32_OR = 99;
    public static final int I32_XOR = 100;
    public static final int I32_SHL = 101;
    public static final int I32_SHR_S = 102;
    public static final int I32_SHR_U = 103;
    public static final int I32_ROTL = 104;
    public static final int I32_ROTR = 105;
    public static final int I64_CLZ = 106;
    public static final int I64_CTZ = 107;
    public static final int I64_POPCNT = 108;
    public static final int I64_ADD = 109;
    public static final int I64_SUB = 110;
    public static final int I64_MUL = 111;
    public static final int I64_DIV_S = 112;
    public static final int I64_DIV_U = 113;
    public static final int I64_REM_S = 114;
    public static final int I64_REM_U = 115;
    public static final int I64_AND = 116;
    public static final int I64_OR = 117;
    public static final int I64_XOR = 118;
    public static final int I64_SHL = 119;
    public static final int I64_SHR_S = 120;
    public static final int I64_SHR_U = 121;
    public static final int I64_ROTL = 122;
    public static final int I64_ROTR = 123;
    public static final int F32_ABS = 124;
    public static final int F32_NEG = 125;
    public static final int F32_CEIL = 126;
    public static final int F32_FLOOR = 127;
    public static final int F32_TRUNC = 128;
    public static final int F32_NEAREST = 129;
    public static final int F32_SQRT = 130;
    public static final int F32_ADD = 131;
    public static final int F32_SUB = 132;
    public static final int F32_MUL = 133;
    public static final int F32_DIV = 134;
    public static final int F32_MIN = 135;
    public static final int F32_MAX = 136;
    public static final int F32_COPYSIGN = 137;
    public static final int F64_ABS = 138;
    public static final int F64_NEG = 139;
    public static final int F64_CEIL = 140;
    public static final int F64_FLOOR = 141;
    public static final int F64_TRUNC = 142;
    public static final int F64_NEAREST = 143;
    public static final int F64_SQRT = 144;
    public static final int F64_ADD = 145;
    public static final int F64_SUB = 146;
    public static final int F64_MUL = 147;
    public static final int F64_DIV = 148;
    public static final int F64_MIN = 149;
    public static final int F64_MAX = 150;
    public static final int F64_COPYSIGN = 151;
    public static final int I32_TRUNC_F32_S = 152;
    public static final int I32_TRUNC_F32_U = 153;
    public static final int I32_TRUNC_F64_S = 154;
    public static final int I32_TRUNC_F64_U = 155;
    public static final int I64_EXTEND_I32_S = 156;
    public static final int I64_EXTEND_I32_U = 157;
    public static final int I64_TRUNC_F32_S = 158;
    public static final int I64_TRUNC_F32_U = 159;
    public static final int I64_TRUNC_F64_S = 160;
    public static final int I64_TRUNC_F64_U = 161;
    public static final int F32_CONVERT_I32_S = 162;
    public static final int F32_CONVERT_I32_U = 163;
    public static final int F32_CONVERT_I64_S = 164;
    public static final int F32_CONVERT_I64_U = 165;
    public static final int F32_DEMOTE_F64 = 166;
    public static final int F64_CONVERT_I32_S = 167;
    public static final int F64_CONVERT_I32_U = 168;
    public static final int F64_CONVERT_I64_S = 169;
    public static final int F64_CONVERT_I64_U = 170;
    public static final int F64_PROMOTE_F32 = 171;
    public static final int I32_EXTEND8_S = 172;
    public static final int I32_EXTEND16_S = 173;
    public static final int I64_EXTEND8_S = 174;
    public static final int I64_EXTEND16_S = 175;
    public static final int I64_EXTEND32_S = 176;
    public static final int I32_TRUNC_SAT_F32_S = 177;
    public static final int I32_TRUNC_SAT_F32_U = 178;
    public static final int I32_TRUNC_SAT_F64_S = 179;
    public static final int I32_TRUNC_SAT_F64_U = 180;
    public static final int I64_TRUNC_SAT_F32_S = 181;
    public static final int I64_TRUNC_SAT_F32_U = 182;
    public static final int I64_TRUNC_SAT_F64_S = 183;
    public static final int I64_TRUNC_SAT_F64_U = 184;

    // Fused forms the compiler puts in place of frequent sequences, to save dispatches. Each does exactly what
    // its sequence does. LOCAL_GET2 a b = local.get a; local.get b. I32_<op>_C c = i32.const c; i32.<op>
    // (i32.sub and i32.rotr become ADD and ROTL of -c). BR_IF_I32_<cmp> target = i32.<cmp>; br_if without drop;
    // an if after a comparison becomes the negated one.
    public static final int LOCAL_GET2 = 185;
    public static final int I32_ADD_C = 186;
    public static final int I32_AND_C = 187;
    public static final int I32_SHL_C = 188;
    public static final int I32_SHR_S_C = 189;
    public static final int I32_SHR_U_C = 190;
    public static final int I32_ROTL_C = 191;
    public static final int BR_IF_I32_EQ = 192;
    public static final int BR_IF_I32_NE = 193;
    public static final int BR_IF_I32_LT_S = 194;
    public static final int BR_IF_I32_LT_U = 195;
    public static final int BR_IF_I32_GT_S = 196;
    public static final int BR_IF_I32_GT_U = 197;
    public static final int BR_IF_I32_LE_S = 198;
    public static final int BR_IF_I32_LE_U = 199;
    public static final int BR_IF_I32_GE_S = 200;
    public static final int BR_IF_I32_GE_U = 201;

    /**
     * Every v128 instruction, and local/global/drop/select when they move a v128 (two slots): SIMD sub immediates...,
     * executed by {@link SimdInterpreter}, which also describes the layout.
     */
    public static final int SIMD = 202;

    // Debugging forms, only in code compiled with an Instrumentation (or patched in by Execution.interrupt):
    // CHECK instruction armed       before every instruction; pauses when armed != 0 or when stepping reaches it
    // LOAD_WATCHED op offset instruction, STORE_WATCHED op offset instruction
    //                               the load or store op, then a pause if the hooks watch the bytes accessed
    // GLOBAL_SET_WATCHED global instruction   global.set, then a pause if the hooks watch the global
    // INTERRUPT                     written over the first word of an op by Execution.interrupt; pauses before it
    public static final int CHECK = 203;
    public static final int LOAD_WATCHED = 204;
    public static final int STORE_WATCHED = 205;
    public static final int GLOBAL_SET_WATCHED = 206;
    public static final int INTERRUPT = 207;

    private Op() {
    }
}
