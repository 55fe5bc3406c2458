package dev.jwdb.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one opcode table: binary prefix and code, text mnemonic, immediate kind, and for instructions with a fixed
 * operand signature that signature. Decoder, validator, compiler, text parser, encoder and disassembler all read it.
 *
 * <p>A signature is written {@code "PARAMS:RESULTS"} with one letter per value: {@code i} i32, {@code I} i64,
 * {@code f} f32, {@code F} f64, {@code v} v128. It is null for instructions whose typing depends on their immediates
 * or on the stack (control, calls, variables, parametric, reference and table instructions); those are typed by
 * the validator case by case. Prefix is 0 for single-byte opcodes, else 0xFC or 0xFD (then code is the LEB128 u32).
 */
public enum Opcode {
    UNREACHABLE(0x00, 0x00, "unreachable", ImmediateKind.NONE, null),
    NOP(0x00, 0x01, "nop", ImmediateKind.NONE, null),
    BLOCK(0x00, 0x02, "block", ImmediateKind.BLOCK_TYPE, null),
    LOOP(0x00, 0x03, "loop", ImmediateKind.BLOCK_TYPE, null),
    IF(0x00, 0x04, "if", ImmediateKind.BLOCK_TYPE, null),
    ELSE(0x00, 0x05, "else", ImmediateKind.NONE, null),
    END(0x00, 0x0B, "end", ImmediateKind.NONE, null),
    BR(0x00, 0x0C, "br", ImmediateKind.LABEL, null),
    BR_IF(0x00, 0x0D, "br_if", ImmediateKind.LABEL, null),
    BR_TABLE(0x00, 0x0E, "br_table", ImmediateKind.BR_TABLE, null),
    RETURN(0x00, 0x0F, "return", ImmediateKind.NONE, null),
    CALL(0x00, 0x10, "call", ImmediateKind.FUNC, null),
    CALL_INDIRECT(0x00, 0x11, "call_indirect", ImmediateKind.CALL_INDIRECT, null),
    DROP(0x00, 0x1A, "drop", ImmediateKind.NONE, null),
    SELECT(0x00, 0x1B, "select", ImmediateKind.NONE, null),
    SELECT_T(0x00, 0x1C, "select", ImmediateKind.SELECT_TYPES, null),
    LOCAL_GET(0x00, 0x20, "local.get", ImmediateKind.LOCAL, null),
    LOCAL_SET(0x00, 0x21, "local.set", ImmediateKind.LOCAL, null),
    LOCAL_TEE(0x00, 0x22, "local.tee", ImmediateKind.LOCAL, null),
    GLOBAL_GET(0x00, 0x23, "global.get", ImmediateKind.GLOBAL, null),
    GLOBAL_SET(0x00, 0x24, "global.set", ImmediateKind.GLOBAL, null),
    TABLE_GET(0x00, 0x25, "table.get", ImmediateKind.TABLE, null),
    TABLE_SET(0x00, 0x26, "table.set", ImmediateKind.TABLE, null),
    I32_LOAD(0x00, 0x28, "i32.load", ImmediateKind.MEMARG, "i:i"),
    I64_LOAD(0x00, 0x29, "i64.load", ImmediateKind.MEMARG, "i:I"),
    F32_LOAD(0x00, 0x2A, "f32.load", ImmediateKind.MEMARG, "i:f"),
    F64_LOAD(0x00, 0x2B, "f64.load", ImmediateKind.MEMARG, "i:F"),
    I32_LOAD8_S(0x00, 0x2C, "i32.load8_s", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD8_U(0x00, 0x2D, "i32.load8_u", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD16_S(0x00, 0x2E, "i32.load16_s", ImmediateKind.MEMARG, "i:i"),
    I32_LOAD16_U(0x00, 0x2F, "i32.load16_u", ImmediateKind.MEMARG, "i:i"),
    I64_LOAD8_S(0x00, 0x30, "i64.load8_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD8_U(0x00, 0x31, "i64.load8_u", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD16_S(0x00, 0x32, "i64.load16_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD16_U(0x00, 0x33, "i64.load16_u", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD32_S(0x00, 0x34, "i64.load32_s", ImmediateKind.MEMARG, "i:I"),
    I64_LOAD32_U(0x00, 0x35, "i64.load32_u", ImmediateKind.MEMARG, "i:I"),
    I32_STORE(0x00, 0x36, "i32.store", ImmediateKind.MEMARG, "ii:"),
    I64_STORE(0x00, 0x37, "i64.store", ImmediateKind.MEMARG, "iI:"),
    F32_STORE(0x00, 0x38, "f32.store", ImmediateKind.MEMARG, "if:"),
    F64_STORE(0x00, 0x39, "f64.store", ImmediateKind.MEMARG, "iF:"),
    I32_STORE8(0x00, 0x3A, "i32.store8", ImmediateKind.MEMARG, "ii:"),
    I32_STORE16(0x00, 0x3B, "i32.store16", ImmediateKind.MEMARG, "ii:"),
    I64_STORE8(0x00, 0x3C, "i64.store8", ImmediateKind.MEMARG, "iI:"),
    I64_STORE16(0x00, 0x3D, "i64.store16", ImmediateKind.MEMARG, "iI:"),
    I64_STORE32(0x00, 0x3E, "i64.store32", ImmediateKind.MEMARG, "iI:"),
    MEMORY_SIZE(0x00, 0x3F, "memory.size", ImmediateKind.MEMORY, ":i"),
    MEMORY_GROW(0x00, 0x40, "memory.grow", ImmediateKind.MEMORY, "i:i"),
    I32_CONST(0x00, 0x41, "i32.const", ImmediateKind.I32, ":i"),
    I64_CONST(0x00, 0x42, "i64.const", ImmediateKind.I64, ":I"),
    F32_CONST(0x00, 0x43, "f32.const", ImmediateKind.F32, ":f"),
    F64_CONST(0x00, 0x44, "f64.const", ImmediateKind.F64, ":F"),
    I32_EQZ(0x00, 0x45, "i32.eqz", ImmediateKind.NONE, "i:i"),
    I32_EQ(0x00, 0x46, "i32.eq", ImmediateKind.NONE, "ii:i"),
    I32_NE(0x00, 0x47, "i32.ne", ImmediateKind.NONE, "ii:i"),
    I32_LT_S(0x00, 0x48, "i32.lt_s", ImmediateKind.NONE, "ii:i"),
    I32_LT_U(0x00, 0x49, "i32.lt_u", ImmediateKind.NONE, "ii:i"),
    I32_GT_S(0x00, 0x4A, "i32.gt_s", ImmediateKind.NONE, "ii:i"),
    I32_GT_U(0x00, 0x4B, "i32.gt_u", ImmediateKind.NONE, "ii:i"),
    I32_LE_S(0x00, 0x4C, "i32.le_s", ImmediateKind.NONE, "ii:i"),
    I32_LE_U(0x00, 0x4D, "i32.le_u", ImmediateKind.NONE, "ii:i"),
    I32_GE_S(0x00, 0x4E, "i32.ge_s", ImmediateKind.NONE, "ii:i"),
    I32_GE_U(0x00, 0x4F, "i32.ge_u", ImmediateKind.NONE, "ii:i"),
    I64_EQZ(0x00, 0x50, "i64.eqz", ImmediateKind.NONE, "I:i"),
    I64_EQ(0x00, 0x51, "i64.eq", ImmediateKind.NONE, "II:i"),
    I64_NE(0x00, 0x52, "i64.ne", ImmediateKind.NONE, "II:i"),
    I64_LT_S(0x00, 0x53, "i64.lt_s", ImmediateKind.NONE, "II:i"),
    I64_LT_U(0x00, 0x54, "i64.lt_u", ImmediateKind.NONE, "II:i"),
    I64_GT_S(0x00, 0x55, "i64.gt_s", ImmediateKind.NONE, "II:i"),
    I64_GT_U(0x00, 0x56, "i64.gt_u", ImmediateKind.NONE, "II:i"),
    I64_LE_S(0x00, 0x57, "i64.le_s", ImmediateKind.NONE, "II:i"),
    I64_LE_U(0x00, 0x58, "i64.le_u", ImmediateKind.NONE, "II:i"),
    I64_GE_S(0x00, 0x59, "i64.ge_s", ImmediateKind.NONE, "II:i"),
    I64_GE_U(0x00, 0x5A, "i64.ge_u", ImmediateKind.NONE, "II:i"),
    F32_EQ(0x00, 0x5B, "f32.eq", ImmediateKind.NONE, "ff:i"),
    F32_NE(0x00, 0x5C, "f32.ne", ImmediateKind.NONE, "ff:i"),
    F32_LT(0x00, 0x5D, "f32.lt", ImmediateKind.NONE, "ff:i"),
    F32_GT(0x00, 0x5E, "f32.gt", ImmediateKind.NONE, "ff:i"),
    F32_LE(0x00, 0x5F, "f32.le", ImmediateKind.NONE, "ff:i"),
    F32_GE(0x00, 0x60, "f32.ge", ImmediateKind.NONE, "ff:i"),
    F64_EQ(0x00, 0x61, "f64.eq", ImmediateKind.NONE, "FF:i"),
    F64_NE(0x00, 0x62, "f64.ne", ImmediateKind.NONE, "FF:i"),
    F64_LT(0x00, 0x63, "f64.lt", ImmediateKind.NONE, "FF:i"),
    F64_GT(0x00, 0x64, "f64.gt", ImmediateKind.NONE, "FF:i"),
    F64_LE(0x00, 0x65, "f64.le", ImmediateKind.NONE, "FF:i"),
    F64_GE(0x00, 0x66, "f64.ge", ImmediateKind.NONE, "FF:i"),
    I32_CLZ(0x00, 0x67, "i32.clz", ImmediateKind.NONE, "i:i"),
    I32_CTZ(0x00, 0x68, "i32.ctz", ImmediateKind.NONE, "i:i"),
    I32_POPCNT(0x00, 0x69, "i32.popcnt", ImmediateKind.NONE, "i:i"),
    I32_ADD(0x00, 0x6A, "i32.add", ImmediateKind.NONE, "ii:i"),
    I32_SUB(0x00, 0x6B, "i32.sub", ImmediateKind.NONE, "ii:i"),
    I32_MUL(0x00, 0x6C, "i32.mul", ImmediateKind.NONE, "ii:i"),
    I32_DIV_S(0x00, 0x6D, "i32.div_s", ImmediateKind.NONE, "ii:i"),
    I32_DIV_U(0x00, 0x6E, "i32.div_u", ImmediateKind.NONE, "ii:i"),
    I32_REM_S(0x00, 0x6F, "i32.rem_s", ImmediateKind.NONE, "ii:i"),
    I32_REM_U(0x00, 0x70, "i32.rem_u", ImmediateKind.NONE, "ii:i"),
    I32_AND(0x00, 0x71, "i32.and", ImmediateKind.NONE, "ii:i"),
    I32_OR(0x00, 0x72, "i32.or", ImmediateKind.NONE, "ii:i"),
    I32_XOR(0x00, 0x73, "i32.xor", ImmediateKind.NONE, "ii:i"),
    I32_SHL(0x00, 0x74, "i32.shl", ImmediateKind.NONE, "ii:i"),
    I32_SHR_S(0x00, 0x75, "i32.shr_s", ImmediateKind.NONE, "ii:i"),
    I32_SHR_U(0x00, 0x76, "i32.shr_u", ImmediateKind.NONE, "ii:i"),
    I32_ROTL(0x00, 0x77, "i32.rotl", ImmediateKind.NONE, "ii:i"),
    I32_ROTR(0x00, 0x78, "i32.rotr", ImmediateKind.NONE, "ii:i"),
    I64_CLZ(0x00, 0x79, "i64.clz", ImmediateKind.NONE, "I:I"),
    I64_CTZ(0x00, 0x7A, "i64.ctz", ImmediateKind.NONE, "I:I"),
    I64_POPCNT(0x00, 0x7B, "i64.popcnt", ImmediateKind.NONE, "I:I"),
    I64_ADD(0x00, 0x7C, "i64.add", ImmediateKind.NONE, "II:I"),
    I64_SUB(0x00, 0x7D, "i64.sub", ImmediateKind.NONE, "II:I"),
    I64_MUL(0x00, 0x7E, "i64.mul", ImmediateKind.NONE, "II:I"),
    I64_DIV_S(0x00, 0x7F, "i64.div_s", ImmediateKind.NONE, "II:I"),
    I64_DIV_U(0x00, 0x80, "i64.div_u", ImmediateKind.NONE, "II:I"),
    I64_REM_S(0x00, 0x81, "i64.rem_s", ImmediateKind.NONE, "II:I"),
    I64_REM_U(0x00, 0x82, "i64.rem_u", ImmediateKind.NONE, "II:I"),
    I64_AND(0x00, 0x83, "i64.and", ImmediateKind.NONE, "II:I"),
    I64_OR(0x00, 0x84, "i64.or", ImmediateKind.NONE, "II:I"),
    I64_XOR(0x00, 0x85, "i64.xor", ImmediateKind.NONE, "II:I"),
    I64_SHL(0x00, 0x86, "i64.shl", ImmediateKind.NONE, "II:I"),
    I64_SHR_S(0x00, 0x87, "i64.shr_s", ImmediateKind.NONE, "II:I"),
    I64_SHR_U(0x00, 0x88, "i64.shr_u", ImmediateKind.NONE, "II:I"),
    I64_ROTL(0x00, 0x89, "i64.rotl", ImmediateKind.NONE, "II:I"),
    I64_ROTR(0x00, 0x8A, "i64.rotr", ImmediateKind.NONE, "II:I"),
    F32_ABS(0x00, 0x8B, "f32.abs", ImmediateKind.NONE, "f:f"),
    F32_NEG(0x00, 0x8C, "f32.neg", ImmediateKind.NONE, "f:f"),
    F32_CEIL(0x00, 0x8D, "f32.ceil", ImmediateKind.NONE, "f:f"),
    F32_FLOOR(0x00, 0x8E, "f32.floor", ImmediateKind.NONE, "f:f"),
    F32_TRUNC(0x00, 0x8F, "f32.trunc", ImmediateKind.NONE, "f:f"),
    F32_NEAREST(0x00, 0x90, "f32.nearest", ImmediateKind.NONE, "f:f"),
    F32_SQRT(0x00, 0x91, "f32.sqrt", ImmediateKind.NONE, "f:f"),
    F32_ADD(0x00, 0x92, "f32.add", ImmediateKind.NONE, "ff:f"),
    F32_SUB(0x00, 0x93, "f32.sub", ImmediateKind.NONE, "ff:f"),
    F32_MUL(0x00, 0x94, "f32.mul", ImmediateKind.NONE, "ff:f"),
    F32_DIV(0x00, 0x95, "f32.div", ImmediateKind.NONE, "ff:f"),
    F32_MIN(0x00, 0x96, "f32.min", ImmediateKind.NONE, "ff:f"),
    F32_MAX(0x00, 0x97, "f32.max", ImmediateKind.NONE, "ff:f"),
    F32_COPYSIGN(0x00, 0x98, "f32.copysign", ImmediateKind.NONE, "ff:f"),
    F64_ABS(0x00, 0x99, "f64.abs", ImmediateKind.NONE, "F:F"),
    F64_NEG(0x00, 0x9A, "f64.neg", ImmediateKind.NONE, "F:F"),
    F64_CEIL(0x00, 0x9B, "f64.ceil", ImmediateKind.NONE, "F:F"),
    F64_FLOOR(0x00, 0x9C, "f64.floor", ImmediateKind.NONE, "F:F"),
    F64_TRUNC(0x00, 0x9D, "f64.trunc", ImmediateKind.NONE, "F:F"),
    F64_NEAREST(0x00, 0x9E, "f64.nearest", ImmediateKind.NONE, "F:F"),
    F64_SQRT(0x00, 0x9F, "f64.sqrt", ImmediateKind.NONE, "F:F"),
    F64_ADD(0x00, 0xA0, "f64.add", ImmediateKind.NONE, "FF:F"),
    F64_SUB(0x00, 0xA1, "f64.sub", ImmediateKind.NONE, "FF:F"),
    F64_MUL(0x00, 0xA2, "f64.mul", ImmediateKind.NONE, "FF:F"),
    F64_DIV(0x00, 0xA3, "f64.div", ImmediateKind.NONE, "FF:F"),
    F64_MIN(0x00, 0xA4, "f64.min", ImmediateKind.NONE, "FF:F"),
    F64_MAX(0x00, 0xA5, "f64.max", ImmediateKind.NONE, "FF:F"),
    F64_COPYSIGN(0x00, 0xA6, "f64.copysign", ImmediateKind.NONE, "FF:F"),
    I32_WRAP_I64(0x00, 0xA7, "i32.wrap_i64", ImmediateKind.NONE, "I:i"),
    I32_TRUNC_F32_S(0x00, 0xA8, "i32.trunc_f32_s", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_F32_U(0x00, 0xA9, "i32.trunc_f32_u", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_F64_S(0x00, 0xAA, "i32.trunc_f64_s", ImmediateKind.NONE, "F:i"),
    I32_TRUNC_F64_U(0x00, 0xAB, "i32.trunc_f64_u", ImmediateKind.NONE, "F:i"),
    I64_EXTEND_I32_S(0x00, 0xAC, "i64.extend_i32_s", ImmediateKind.NONE, "i:I"),
    I64_EXTEND_I32_U(0x00, 0xAD, "i64.extend_i32_u", ImmediateKind.NONE, "i:I"),
    I64_TRUNC_F32_S(0x00, 0xAE, "i64.trunc_f32_s", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_F32_U(0x00, 0xAF, "i64.trunc_f32_u", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_F64_S(0x00, 0xB0, "i64.trunc_f64_s", ImmediateKind.NONE, "F:I"),
    I64_TRUNC_F64_U(0x00, 0xB1, "i64.trunc_f64_u", ImmediateKind.NONE, "F:I"),
    F32_CONVERT_I32_S(0x00, 0xB2, "f32.convert_i32_s", ImmediateKind.NONE, "i:f"),
    F32_CONVERT_I32_U(0x00, 0xB3, "f32.convert_i32_u", ImmediateKind.NONE, "i:f"),
    F32_CONVERT_I64_S(0x00, 0xB4, "f32.convert_i64_s", ImmediateKind.NONE, "I:f"),
    F32_CONVERT_I64_U(0x00, 0xB5, "f32.convert_i64_u", ImmediateKind.NONE, "I:f"),
    F32_DEMOTE_F64(0x00, 0xB6, "f32.demote_f64", ImmediateKind.NONE, "F:f"),
    F64_CONVERT_I32_S(0x00, 0xB7, "f64.convert_i32_s", ImmediateKind.NONE, "i:F"),
    F64_CONVERT_I32_U(0x00, 0xB8, "f64.convert_i32_u", ImmediateKind.NONE, "i:F"),
    F64_CONVERT_I64_S(0x00, 0xB9, "f64.convert_i64_s", ImmediateKind.NONE, "I:F"),
    F64_CONVERT_I64_U(0x00, 0xBA, "f64.convert_i64_u", ImmediateKind.NONE, "I:F"),
    F64_PROMOTE_F32(0x00, 0xBB, "f64.promote_f32", ImmediateKind.NONE, "f:F"),
    I32_REINTERPRET_F32(0x00, 0xBC, "i32.reinterpret_f32", ImmediateKind.NONE, "f:i"),
    I64_REINTERPRET_F64(0x00, 0xBD, "i64.reinterpret_f64", ImmediateKind.NONE, "F:I"),
    F32_REINTERPRET_I32(0x00, 0xBE, "f32.reinterpret_i32", ImmediateKind.NONE, "i:f"),
    F64_REINTERPRET_I64(0x00, 0xBF, "f64.reinterpret_i64", ImmediateKind.NONE, "I:F"),
    I32_EXTEND8_S(0x00, 0xC0, "i32.extend8_s", ImmediateKind.NONE, "i:i"),
    I32_EXTEND16_S(0x00, 0xC1, "i32.extend16_s", ImmediateKind.NONE, "i:i"),
    I64_EXTEND8_S(0x00, 0xC2, "i64.extend8_s", ImmediateKind.NONE, "I:I"),
    I64_EXTEND16_S(0x00, 0xC3, "i64.extend16_s", ImmediateKind.NONE, "I:I"),
    I64_EXTEND32_S(0x00, 0xC4, "i64.extend32_s", ImmediateKind.NONE, "I:I"),
    REF_NULL(0x00, 0xD0, "ref.null", ImmediateKind.REF_TYPE, null),
    REF_IS_NULL(0x00, 0xD1, "ref.is_null", ImmediateKind.NONE, null),
    REF_FUNC(0x00, 0xD2, "ref.func", ImmediateKind.FUNC, null),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", ImmediateKind.NONE, "f:i"),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", ImmediateKind.NONE, "F:i"),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", ImmediateKind.NONE, "F:i"),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", ImmediateKind.NONE, "f:I"),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", ImmediateKind.NONE, "F:I"),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", ImmediateKind.NONE, "F:I"),
    MEMORY_INIT(0xFC, 0x08, "memory.init", ImmediateKind.MEMORY_INIT, "iii:"),
    DATA_DROP(0xFC, 0x09, "data.drop", ImmediateKind.DATA, ":"),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", ImmediateKind.MEMORY_COPY, "iii:"),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", ImmediateKind.MEMORY, "iii:"),
    TABLE_INIT(0xFC, 0x0C, "table.init", ImmediateKind.TABLE_INIT, "iii:"),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", ImmediateKind.ELEM, ":"),
    TABLE_COPY(0xFC, 0x0E, "table.copy", ImmediateKind.TABLE_COPY, "iii:"),
    TABLE_GROW(0xFC, 0x0F, "table.grow", ImmediateKind.TABLE, null),
    TABLE_SIZE(0xFC, 0x10, "table.size", ImmediateKind.TABLE, ":i"),
    TABLE_FILL(0xFC, 0x11, "table.fill", ImmediateKind.TABLE, null),
    // SIMD (0xFD): every fixed-width vector instruction of Wasm 2.0, in sub-opcode order. The gaps in the
    // numbering are opcodes the SIMD proposal reserved or withdrew.
    V128_LOAD(0xFD, 0x00, "v128.load", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD8X8_S(0xFD, 0x01, "v128.load8x8_s", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD8X8_U(0xFD, 0x02, "v128.load8x8_u", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD16X4_S(0xFD, 0x03, "v128.load16x4_s", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD16X4_U(0xFD, 0x04, "v128.load16x4_u", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD32X2_S(0xFD, 0x05, "v128.load32x2_s", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD32X2_U(0xFD, 0x06, "v128.load32x2_u", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD8_SPLAT(0xFD, 0x07, "v128.load8_splat", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD16_SPLAT(0xFD, 0x08, "v128.load16_splat", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD32_SPLAT(0xFD, 0x09, "v128.load32_splat", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD64_SPLAT(0xFD, 0x0A, "v128.load64_splat", ImmediateKind.MEMARG, "i:v"),
    V128_STORE(0xFD, 0x0B, "v128.store", ImmediateKind.MEMARG, "iv:"),
    V128_CONST(0xFD, 0x0C, "v128.const", ImmediateKind.V128_CONST, ":v"),
    I8X16_SHUFFLE(0xFD, 0x0D, "i8x16.shuffle", ImmediateKind.SHUFFLE, "vv:v"),
    I8X16_SWIZZLE(0xFD, 0x0E, "i8x16.swizzle", ImmediateKind.NONE, "vv:v"),
    I8X16_SPLAT(0xFD, 0x0F, "i8x16.splat", ImmediateKind.NONE, "i:v"),
    I16X8_SPLAT(0xFD, 0x10, "i16x8.splat", ImmediateKind.NONE, "i:v"),
    I32X4_SPLAT(0xFD, 0x11, "i32x4.splat", ImmediateKind.NONE, "i:v"),
    I64X2_SPLAT(0xFD, 0x12, "i64x2.splat", ImmediateKind.NONE, "I:v"),
    F32X4_SPLAT(0xFD, 0x13, "f32x4.splat", ImmediateKind.NONE, "f:v"),
    F64X2_SPLAT(0xFD, 0x14, "f64x2.splat", ImmediateKind.NONE, "F:v"),
    I8X16_EXTRACT_LANE_S(0xFD, 0x15, "i8x16.extract_lane_s", ImmediateKind.LANE, "v:i"),
    I8X16_EXTRACT_LANE_U(0xFD, 0x16, "i8x16.extract_lane_u", ImmediateKind.LANE, "v:i"),
    I8X16_REPLACE_LANE(0xFD, 0x17, "i8x16.replace_lane", ImmediateKind.LANE, "vi:v"),
    I16X8_EXTRACT_LANE_S(0xFD, 0x18, "i16x8.extract_lane_s", ImmediateKind.LANE, "v:i"),
    I16X8_EXTRACT_LANE_U(0xFD, 0x19, "i16x8.extract_lane_u", ImmediateKind.LANE, "v:i"),
    I16X8_REPLACE_LANE(0xFD, 0x1A, "i16x8.replace_lane", ImmediateKind.LANE, "vi:v"),
    I32X4_EXTRACT_LANE(0xFD, 0x1B, "i32x4.extract_lane", ImmediateKind.LANE, "v:i"),
    I32X4_REPLACE_LANE(0xFD, 0x1C, "i32x4.replace_lane", ImmediateKind.LANE, "vi:v"),
    I64X2_EXTRACT_LANE(0xFD, 0x1D, "i64x2.extract_lane", ImmediateKind.LANE, "v:I"),
    I64X2_REPLACE_LANE(0xFD, 0x1E, "i64x2.replace_lane", ImmediateKind.LANE, "vI:v"),
    F32X4_EXTRACT_LANE(0xFD, 0x1F, "f32x4.extract_lane", ImmediateKind.LANE, "v:f"),
    F32X4_REPLACE_LANE(0xFD, 0x20, "f32x4.replace_lane", ImmediateKind.LANE, "vf:v"),
    F64X2_EXTRACT_LANE(0xFD, 0x21, "f64x2.extract_lane", ImmediateKind.LANE, "v:F"),
    F64X2_REPLACE_LANE(0xFD, 0x22, "f64x2.replace_lane", ImmediateKind.LANE, "vF:v"),
    I8X16_EQ(0xFD, 0x23, "i8x16.eq", ImmediateKind.NONE, "vv:v"),
    I8X16_NE(0xFD, 0x24, "i8x16.ne", ImmediateKind.NONE, "vv:v"),
    I8X16_LT_S(0xFD, 0x25, "i8x16.lt_s", ImmediateKind.NONE, "vv:v"),
    I8X16_LT_U(0xFD, 0x26, "i8x16.lt_u", ImmediateKind.NONE, "vv:v"),
    I8X16_GT_S(0xFD, 0x27, "i8x16.gt_s", ImmediateKind.NONE, "vv:v"),
    I8X16_GT_U(0xFD, 0x28, "i8x16.gt_u", ImmediateKind.NONE, "vv:v"),
    I8X16_LE_S(0xFD, 0x29, "i8x16.le_s", ImmediateKind.NONE, "vv:v"),
    I8X16_LE_U(0xFD, 0x2A, "i8x16.le_u", ImmediateKind.NONE, "vv:v"),
    I8X16_GE_S(0xFD, 0x2B, "i8x16.ge_s", ImmediateKind.NONE, "vv:v"),
    I8X16_GE_U(0xFD, 0x2C, "i8x16.ge_u", ImmediateKind.NONE, "vv:v"),
    I16X8_EQ(0xFD, 0x2D, "i16x8.eq", ImmediateKind.NONE, "vv:v"),
    I16X8_NE(0xFD, 0x2E, "i16x8.ne", ImmediateKind.NONE, "vv:v"),
    I16X8_LT_S(0xFD, 0x2F, "i16x8.lt_s", ImmediateKind.NONE, "vv:v"),
    I16X8_LT_U(0xFD, 0x30, "i16x8.lt_u", ImmediateKind.NONE, "vv:v"),
    I16X8_GT_S(0xFD, 0x31, "i16x8.gt_s", ImmediateKind.NONE, "vv:v"),
    I16X8_GT_U(0xFD, 0x32, "i16x8.gt_u", ImmediateKind.NONE, "vv:v"),
    I16X8_LE_S(0xFD, 0x33, "i16x8.le_s", ImmediateKind.NONE, "vv:v"),
    I16X8_LE_U(0xFD, 0x34, "i16x8.le_u", ImmediateKind.NONE, "vv:v"),
    I16X8_GE_S(0xFD, 0x35, "i16x8.ge_s", ImmediateKind.NONE, "vv:v"),
    I16X8_GE_U(0xFD, 0x36, "i16x8.ge_u", ImmediateKind.NONE, "vv:v"),
    I32X4_EQ(0xFD, 0x37, "i32x4.eq", ImmediateKind.NONE, "vv:v"),
    I32X4_NE(0xFD, 0x38, "i32x4.ne", ImmediateKind.NONE, "vv:v"),
    I32X4_LT_S(0xFD, 0x39, "i32x4.lt_s", ImmediateKind.NONE, "vv:v"),
    I32X4_LT_U(0xFD, 0x3A, "i32x4.lt_u", ImmediateKind.NONE, "vv:v"),
    I32X4_GT_S(0xFD, 0x3B, "i32x4.gt_s", ImmediateKind.NONE, "vv:v"),
    I32X4_GT_U(0xFD, 0x3C, "i32x4.gt_u", ImmediateKind.NONE, "vv:v"),
    I32X4_LE_S(0xFD, 0x3D, "i32x4.le_s", ImmediateKind.NONE, "vv:v"),
    I32X4_LE_U(0xFD, 0x3E, "i32x4.le_u", ImmediateKind.NONE, "vv:v"),
    I32X4_GE_S(0xFD, 0x3F, "i32x4.ge_s", ImmediateKind.NONE, "vv:v"),
    I32X4_GE_U(0xFD, 0x40, "i32x4.ge_u", ImmediateKind.NONE, "vv:v"),
    F32X4_EQ(0xFD, 0x41, "f32x4.eq", ImmediateKind.NONE, "vv:v"),
    F32X4_NE(0xFD, 0x42, "f32x4.ne", ImmediateKind.NONE, "vv:v"),
    F32X4_LT(0xFD, 0x43, "f32x4.lt", ImmediateKind.NONE, "vv:v"),
    F32X4_GT(0xFD, 0x44, "f32x4.gt", ImmediateKind.NONE, "vv:v"),
    F32X4_LE(0xFD, 0x45, "f32x4.le", ImmediateKind.NONE, "vv:v"),
    F32X4_GE(0xFD, 0x46, "f32x4.ge", ImmediateKind.NONE, "vv:v"),
    F64X2_EQ(0xFD, 0x47, "f64x2.eq", ImmediateKind.NONE, "vv:v"),
    F64X2_NE(0xFD, 0x48, "f64x2.ne", ImmediateKind.NONE, "vv:v"),
    F64X2_LT(0xFD, 0x49, "f64x2.lt", ImmediateKind.NONE, "vv:v"),
    F64X2_GT(0xFD, 0x4A, "f64x2.gt", ImmediateKind.NONE, "vv:v"),
    F64X2_LE(0xFD, 0x4B, "f64x2.le", ImmediateKind.NONE, "vv:v"),
    F64X2_GE(0xFD, 0x4C, "f64x2.ge", ImmediateKind.NONE, "vv:v"),
    V128_NOT(0xFD, 0x4D, "v128.not", ImmediateKind.NONE, "v:v"),
    V128_AND(0xFD, 0x4E, "v128.and", ImmediateKind.NONE, "vv:v"),
    V128_ANDNOT(0xFD, 0x4F, "v128.andnot", ImmediateKind.NONE, "vv:v"),
    V128_OR(0xFD, 0x50, "v128.or", ImmediateKind.NONE, "vv:v"),
    V128_XOR(0xFD, 0x51, "v128.xor", ImmediateKind.NONE, "vv:v"),
    V128_BITSELECT(0xFD, 0x52, "v128.bitselect", ImmediateKind.NONE, "vvv:v"),
    V128_ANY_TRUE(0xFD, 0x53, "v128.any_true", ImmediateKind.NONE, "v:i"),
    V128_LOAD8_LANE(0xFD, 0x54, "v128.load8_lane", ImmediateKind.MEMARG_LANE, "iv:v"),
    V128_LOAD16_LANE(0xFD, 0x55, "v128.load16_lane", ImmediateKind.MEMARG_LANE, "iv:v"),
    V128_LOAD32_LANE(0xFD, 0x56, "v128.load32_lane", ImmediateKind.MEMARG_LANE, "iv:v"),
    V128_LOAD64_LANE(0xFD, 0x57, "v128.load64_lane", ImmediateKind.MEMARG_LANE, "iv:v"),
    V128_STORE8_LANE(0xFD, 0x58, "v128.store8_lane", ImmediateKind.MEMARG_LANE, "iv:"),
    V128_STORE16_LANE(0xFD, 0x59, "v128.store16_lane", ImmediateKind.MEMARG_LANE, "iv:"),
    V128_STORE32_LANE(0xFD, 0x5A, "v128.store32_lane", ImmediateKind.MEMARG_LANE, "iv:"),
    V128_STORE64_LANE(0xFD, 0x5B, "v128.store64_lane", ImmediateKind.MEMARG_LANE, "iv:"),
    V128_LOAD32_ZERO(0xFD, 0x5C, "v128.load32_zero", ImmediateKind.MEMARG, "i:v"),
    V128_LOAD64_ZERO(0xFD, 0x5D, "v128.load64_zero", ImmediateKind.MEMARG, "i:v"),
    F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, "f32x4.demote_f64x2_zero", ImmediateKind.NONE, "v:v"),
    F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, "f64x2.promote_low_f32x4", ImmediateKind.NONE, "v:v"),
    I8X16_ABS(0xFD, 0x60, "i8x16.abs", ImmediateKind.NONE, "v:v"),
    I8X16_NEG(0xFD, 0x61, "i8x16.neg", ImmediateKind.NONE, "v:v"),
    I8X16_POPCNT(0xFD, 0x62, "i8x16.popcnt", ImmediateKind.NONE, "v:v"),
    I8X16_ALL_TRUE(0xFD, 0x63, "i8x16.all_true", ImmediateKind.NONE, "v:i"),
    I8X16_BITMASK(0xFD, 0x64, "i8x16.bitmask", ImmediateKind.NONE, "v:i"),
    I8X16_NARROW_I16X8_S(0xFD, 0x65, "i8x16.narrow_i16x8_s", ImmediateKind.NONE, "vv:v"),
    I8X16_NARROW_I16X8_U(0xFD, 0x66, "i8x16.narrow_i16x8_u", ImmediateKind.NONE, "vv:v"),
    F32X4_CEIL(0xFD, 0x67, "f32x4.ceil", ImmediateKind.NONE, "v:v"),
    F32X4_FLOOR(0xFD, 0x68, "f32x4.floor", ImmediateKind.NONE, "v:v"),
    F32X4_TRUNC(0xFD, 0x69, "f32x4.trunc", ImmediateKind.NONE, "v:v"),
    F32X4_NEAREST(0xFD, 0x6A, "f32x4.nearest", ImmediateKind.NONE, "v:v"),
    I8X16_SHL(0xFD, 0x6B, "i8x16.shl", ImmediateKind.NONE, "vi:v"),
    I8X16_SHR_S(0xFD, 0x6C, "i8x16.shr_s", ImmediateKind.NONE, "vi:v"),
    I8X16_SHR_U(0xFD, 0x6D, "i8x16.shr_u", ImmediateKind.NONE, "vi:v"),
    I8X16_ADD(0xFD, 0x6E, "i8x16.add", ImmediateKind.NONE, "vv:v"),
    I8X16_ADD_SAT_S(0xFD, 0x6F, "i8x16.add_sat_s", ImmediateKind.NONE, "vv:v"),
    I8X16_ADD_SAT_U(0xFD, 0x70, "i8x16.add_sat_u", ImmediateKind.NONE, "vv:v"),
    I8X16_SUB(0xFD, 0x71, "i8x16.sub", ImmediateKind.NONE, "vv:v"),
    I8X16_SUB_SAT_S(0xFD, 0x72, "i8x16.sub_sat_s", ImmediateKind.NONE, "vv:v"),
    I8X16_SUB_SAT_U(0xFD, 0x73, "i8x16.sub_sat_u", ImmediateKind.NONE, "vv:v"),
    F64X2_CEIL(0xFD, 0x74, "f64x2.ceil", ImmediateKind.NONE, "v:v"),
    F64X2_FLOOR(0xFD, 0x75, "f64x2.floor", ImmediateKind.NONE, "v:v"),
    I8X16_MIN_S(0xFD, 0x76, "i8x16.min_s", ImmediateKind.NONE, "vv:v"),
    I8X16_MIN_U(0xFD, 0x77, "i8x16.min_u", ImmediateKind.NONE, "vv:v"),
    I8X16_MAX_S(0xFD, 0x78, "i8x16.max_s", ImmediateKind.NONE, "vv:v"),
    I8X16_MAX_U(0xFD, 0x79, "i8x16.max_u", ImmediateKind.NONE, "vv:v"),
    F64X2_TRUNC(0xFD, 0x7A, "f64x2.trunc", ImmediateKind.NONE, "v:v"),
    I8X16_AVGR_U(0xFD, 0x7B, "i8x16.avgr_u", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", ImmediateKind.NONE, "v:v"),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", ImmediateKind.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", ImmediateKind.NONE, "v:v"),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", ImmediateKind.NONE, "v:v"),
    I16X8_ABS(0xFD, 0x80, "i16x8.abs", ImmediateKind.NONE, "v:v"),
    I16X8_NEG(0xFD, 0x81, "i16x8.neg", ImmediateKind.NONE, "v:v"),
    I16X8_Q15MULR_SAT_S(0xFD, 0x82, "i16x8.q15mulr_sat_s", ImmediateKind.NONE, "vv:v"),
    I16X8_ALL_TRUE(0xFD, 0x83, "i16x8.all_true", ImmediateKind.NONE, "v:i"),
    I16X8_BITMASK(0xFD, 0x84, "i16x8.bitmask", ImmediateKind.NONE, "v:i"),
    I16X8_NARROW_I32X4_S(0xFD, 0x85, "i16x8.narrow_i32x4_s", ImmediateKind.NONE, "vv:v"),
    I16X8_NARROW_I32X4_U(0xFD, 0x86, "i16x8.narrow_i32x4_u", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, "i16x8.extend_low_i8x16_s", ImmediateKind.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, "i16x8.extend_high_i8x16_s", ImmediateKind.NONE, "v:v"),
    I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, "i16x8.extend_low_i8x16_u", ImmediateKind.NONE, "v:v"),
    I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, "i16x8.extend_high_i8x16_u", ImmediateKind.NONE, "v:v"),
    I16X8_SHL(0xFD, 0x8B, "i16x8.shl", ImmediateKind.NONE, "vi:v"),
    I16X8_SHR_S(0xFD, 0x8C, "i16x8.shr_s", ImmediateKind.NONE, "vi:v"),
    I16X8_SHR_U(0xFD, 0x8D, "i16x8.shr_u", ImmediateKind.NONE, "vi:v"),
    I16X8_ADD(0xFD, 0x8E, "i16x8.add", ImmediateKind.NONE, "vv:v"),
    I16X8_ADD_SAT_S(0xFD, 0x8F, "i16x8.add_sat_s", ImmediateKind.NONE, "vv:v"),
    I16X8_ADD_SAT_U(0xFD, 0x90, "i16x8.add_sat_u", ImmediateKind.NONE, "vv:v"),
    I16X8_SUB(0xFD, 0x91, "i16x8.sub", ImmediateKind.NONE, "vv:v"),
    I16X8_SUB_SAT_S(0xFD, 0x92, "i16x8.sub_sat_s", ImmediateKind.NONE, "vv:v"),
    I16X8_SUB_SAT_U(0xFD, 0x93, "i16x8.sub_sat_u", ImmediateKind.NONE, "vv:v"),
    F64X2_NEAREST(0xFD, 0x94, "f64x2.nearest", ImmediateKind.NONE, "v:v"),
    I16X8_MUL(0xFD, 0x95, "i16x8.mul", ImmediateKind.NONE, "vv:v"),
    I16X8_MIN_S(0xFD, 0x96, "i16x8.min_s", ImmediateKind.NONE, "vv:v"),
    I16X8_MIN_U(0xFD, 0x97, "i16x8.min_u", ImmediateKind.NONE, "vv:v"),
    I16X8_MAX_S(0xFD, 0x98, "i16x8.max_s", ImmediateKind.NONE, "vv:v"),
    I16X8_MAX_U(0xFD, 0x99, "i16x8.max_u", ImmediateKind.NONE, "vv:v"),
    I16X8_AVGR_U(0xFD, 0x9B, "i16x8.avgr_u", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, "i16x8.extmul_low_i8x16_s", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, "i16x8.extmul_high_i8x16_s", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, "i16x8.extmul_low_i8x16_u", ImmediateKind.NONE, "vv:v"),
    I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u", ImmediateKind.NONE, "vv:v"),
    I32X4_ABS(0xFD, 0xA0, "i32x4.abs", ImmediateKind.NONE, "v:v"),
    I32X4_NEG(0xFD, 0xA1, "i32x4.neg", ImmediateKind.NONE, "v:v"),
    I32X4_ALL_TRUE(0xFD, 0xA3, "i32x4.all_true", ImmediateKind.NONE, "v:i"),
    I32X4_BITMASK(0xFD, 0xA4, "i32x4.bitmask", ImmediateKind.NONE, "v:i"),
    I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, "i32x4.extend_low_i16x8_s", ImmediateKind.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, "i32x4.extend_high_i16x8_s", ImmediateKind.NONE, "v:v"),
    I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, "i32x4.extend_low_i16x8_u", ImmediateKind.NONE, "v:v"),
    I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, "i32x4.extend_high_i16x8_u", ImmediateKind.NONE, "v:v"),
    I32X4_SHL(0xFD, 0xAB, "i32x4.shl", ImmediateKind.NONE, "vi:v"),
    I32X4_SHR_S(0xFD, 0xAC, "i32x4.shr_s", ImmediateKind.NONE, "vi:v"),
    I32X4_SHR_U(0xFD, 0xAD, "i32x4.shr_u", ImmediateKind.NONE, "vi:v"),
    I32X4_ADD(0xFD, 0xAE, "i32x4.add", ImmediateKind.NONE, "vv:v"),
    I32X4_SUB(0xFD, 0xB1, "i32x4.sub", ImmediateKind.NONE, "vv:v"),
    I32X4_MUL(0xFD, 0xB5, "i32x4.mul", ImmediateKind.NONE, "vv:v"),
    I32X4_MIN_S(0xFD, 0xB6, "i32x4.min_s", ImmediateKind.NONE, "vv:v"),
    I32X4_MIN_U(0xFD, 0xB7, "i32x4.min_u", ImmediateKind.NONE, "vv:v"),
    I32X4_MAX_S(0xFD, 0xB8, "i32x4.max_s", ImmediateKind.NONE, "vv:v"),
    I32X4_MAX_U(0xFD, 0xB9, "i32x4.max_u", ImmediateKind.NONE, "vv:v"),
    I32X4_DOT_I16X8_S(0xFD, 0xBA, "i32x4.dot_i16x8_s", ImmediateKind.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, "i32x4.extmul_low_i16x8_s", ImmediateKind.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, "i32x4.extmul_high_i16x8_s", ImmediateKind.NONE, "vv:v"),
    I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, "i32x4.extmul_low_i16x8_u", ImmediateKind.NONE, "vv:v"),
    I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, "i32x4.extmul_high_i16x8_u", ImmediateKind.NONE, "vv:v"),
    I64X2_ABS(0xFD, 0xC0, "i64x2.abs", ImmediateKind.NONE, "v:v"),
    I64X2_NEG(0xFD, 0xC1, "i64x2.neg", ImmediateKind.NONE, "v:v"),
    I64X2_ALL_TRUE(0xFD, 0xC3, "i64x2.all_true", ImmediateKind.NONE, "v:i"),
    I64X2_BITMASK(0xFD, 0xC4, "i64x2.bitmask", ImmediateKind.NONE, "v:i"),
    I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, "i64x2.extend_low_i32x4_s", ImmediateKind.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, "i64x2.extend_high_i32x4_s", ImmediateKind.NONE, "v:v"),
    I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, "i64x2.extend_low_i32x4_u", ImmediateKind.NONE, "v:v"),
    I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, "i64x2.extend_high_i32x4_u", ImmediateKind.NONE, "v:v"),
    I64X2_SHL(0xFD, 0xCB, "i64x2.shl", ImmediateKind.NONE, "vi:v"),
    I64X2_SHR_S(0xFD, 0xCC, "i64x2.shr_s", ImmediateKind.NONE, "vi:v"),
    I64X2_SHR_U(0xFD, 0xCD, "i64x2.shr_u", ImmediateKind.NONE, "vi:v"),
    I64X2_ADD(0xFD, 0xCE, "i64x2.add", ImmediateKind.NONE, "vv:v"),
    I64X2_SUB(0xFD, 0xD1, "i64x2.sub", ImmediateKind.NONE, "vv:v"),
    I64X2_MUL(0xFD, 0xD5, "i64x2.mul", ImmediateKind.NONE, "vv:v"),
    I64X2_EQ(0xFD, 0xD6, "i64x2.eq", ImmediateKind.NONE, "vv:v"),
    I64X2_NE(0xFD, 0xD7, "i64x2.ne", ImmediateKind.NONE, "vv:v"),
    I64X2_LT_S(0xFD, 0xD8, "i64x2.lt_s", ImmediateKind.NONE, "vv:v"),
    I64X2_GT_S(0xFD, 0xD9, "i64x2.gt_s", ImmediateKind.NONE, "vv:v"),
    I64X2_LE_S(0xFD, 0xDA, "i64x2.le_s", ImmediateKind.NONE, "vv:v"),
    I64X2_GE_S(0xFD, 0xDB, "i64x2.ge_s", ImmediateKind.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s", ImmediateKind.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, "i64x2.extmul_high_i32x4_s", ImmediateKind.NONE, "vv:v"),
    I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, "i64x2.extmul_low_i32x4_u", ImmediateKind.NONE, "vv:v"),
    I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, "i64x2.extmul_high_i32x4_u", ImmediateKind.NONE, "vv:v"),
    F32X4_ABS(0xFD, 0xE0, "f32x4.abs", ImmediateKind.NONE, "v:v"),
    F32X4_NEG(0xFD, 0xE1, "f32x4.neg", ImmediateKind.NONE, "v:v"),
    F32X4_SQRT(0xFD, 0xE3, "f32x4.sqrt", ImmediateKind.NONE, "v:v"),
    F32X4_ADD(0xFD, 0xE4, "f32x4.add", ImmediateKind.NONE, "vv:v"),
    F32X4_SUB(0xFD, 0xE5, "f32x4.sub", ImmediateKind.NONE, "vv:v"),
    F32X4_MUL(0xFD, 0xE6, "f32x4.mul", ImmediateKind.NONE, "vv:v"),
    F32X4_DIV(0xFD, 0xE7, "f32x4.div", ImmediateKind.NONE, "vv:v"),
    F32X4_MIN(0xFD, 0xE8, "f32x4.min", ImmediateKind.NONE, "vv:v"),
    F32X4_MAX(0xFD, 0xE9, "f32x4.max", ImmediateKind.NONE, "vv:v"),
    F32X4_PMIN(0xFD, 0xEA, "f32x4.pmin", ImmediateKind.NONE, "vv:v"),
    F32X4_PMAX(0xFD, 0xEB, "f32x4.pmax", ImmediateKind.NONE, "vv:v"),
    F64X2_ABS(0xFD, 0xEC, "f64x2.abs", ImmediateKind.NONE, "v:v"),
    F64X2_NEG(0xFD, 0xED, "f64x2.neg", ImmediateKind.NONE, "v:v"),
    F64X2_SQRT(0xFD, 0xEF, "f64x2.sqrt", ImmediateKind.NONE, "v:v"),
    F64X2_ADD(0xFD, 0xF0, "f64x2.add", ImmediateKind.NONE, "vv:v"),
    F64X2_SUB(0xFD, 0xF1, "f64x2.sub", ImmediateKind.NONE, "vv:v"),
    F64X2_MUL(0xFD, 0xF2, "f64x2.mul", ImmediateKind.NONE, "vv:v"),
    F64X2_DIV(0xFD, 0xF3, "f64x2.div", ImmediateKind.NONE, "vv:v"),
    F64X2_MIN(0xFD, 0xF4, "f64x2.min", ImmediateKind.NONE, "vv:v"),
    F64X2_MAX(0xFD, 0xF5, "f64x2.max", ImmediateKind.NONE, "vv:v"),
    F64X2_PMIN(0xFD, 0xF6, "f64x2.pmin", ImmediateKind.NONE, "vv:v"),
    F64X2_PMAX(0xFD, 0xF7, "f64x2.pmax", ImmediateKind.NONE, "vv:v"),
    I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, "i32x4.trunc_sat_f32x4_s", ImmediateKind.NONE, "v:v"),
    I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, "i32x4.trunc_sat_f32x4_u", ImmediateKind.NONE, "v:v"),
    F32X4_CONVERT_I32X4_S(0xFD, 0xFA, "f32x4.convert_i32x4_s", ImmediateKind.NONE, "v:v"),
    F32X4_CONVERT_I32X4_U(0xFD, 0xFB, "f32x4.convert_i32x4_u", ImmediateKind.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", ImmediateKind.NONE, "v:v"),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", ImmediateKind.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, "f64x2.convert_low_i32x4_s", ImmediateKind.NONE, "v:v"),
    F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, "f64x2.convert_low_i32x4_u", ImmediateKind.NONE, "v:v");

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final ImmediateKind immediate;
    private final String signature;
    private List<ValType> params;
    private List<ValType> results;

    Opcode(int prefix, int code, String mnemonic, ImmediateKind immediate, String signature) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.immediate = immediate;
        this.signature = signature;
    }

    public int prefix() {
        return prefix;
    }

    public int code() {
        return code;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public ImmediateKind immediate() {
        return immediate;
    }

    /** True when {@link #params()} and {@link #results()} give this instruction's complete typing. */
    public boolean hasFixedSignature() {
        return signature != null;
    }

    public List<ValType> params() {
        if (params == null) {
            params = parse(signature.substring(0, signature.indexOf(':')));
        }
        return params;
    }

    public List<ValType> results() {
        if (results == null) {
            results = parse(signature.substring(signature.indexOf(':') + 1));
        }
        return results;
    }

    private static List<ValType> parse(String letters) {
        List<ValType> out = new ArrayList<>(letters.length());
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'i' -> ValType.I32;
                case 'I' -> ValType.I64;
                case 'f' -> ValType.F32;
                case 'F' -> ValType.F64;
                case 'v' -> ValType.V128;
                default -> throw new IllegalStateException("bad signature letter " + c);
            });
        }
        return List.copyOf(out);
    }

    private static final Opcode[] SINGLE = new Opcode[256];
    private static final Map<Integer, Opcode> PREFIXED = new HashMap<>();
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : values()) {
            if (op.prefix == 0) {
                SINGLE[op.code] = op;
            } else {
                PREFIXED.put(op.prefix << 24 | op.code, op);
            }
            BY_MNEMONIC.putIfAbsent(op.mnemonic, op);
        }
    }

    /** The single-byte opcode for {@code code}, or null. */
    public static Opcode single(int code) {
        return SINGLE[code & 0xFF];
    }

    /** The opcode with prefix byte {@code prefix} (0xFC, 0xFD) and sub-code {@code code}, or null. */
    public static Opcode prefixed(int prefix, int code) {
        return PREFIXED.get(prefix << 24 | code);
    }

    /**
     * The opcode for a text mnemonic, or null. {@code select} maps to the untyped {@link #SELECT}; the text parser
     * picks {@link #SELECT_T} when a {@code (result ...)} follows.
     */
    public static Opcode byMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }
}
