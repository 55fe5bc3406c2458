// simd-kernels: small numeric kernels written with WebAssembly SIMD, both explicitly (wasm_simd128.h) and through
// clang's auto-vectorizer (-O2 -msimd128 turns the plain loops into v128 code). Every result is printed, so running
// it under two runtimes and comparing the output checks their SIMD arithmetic against each other.
//
// Build: clang --target=wasm32-wasi -O2 -msimd128 -o simd-kernels.wasm simd-kernels.c
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasm_simd128.h>

#define N 1024

static uint32_t seed = 12345;

static uint32_t next(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static uint8_t bytes_a[N], bytes_b[N], bytes_out[N];
static int16_t shorts_a[N], shorts_b[N];
static int32_t ints_a[N], ints_b[N], ints_out[N];
static float floats_a[N], floats_b[N], floats_out[N];
static double doubles_a[N], doubles_out[N];

static void fill(void) {
    for (int i = 0; i < N; i++) {
        bytes_a[i] = (uint8_t) next();
        bytes_b[i] = (uint8_t) next();
        shorts_a[i] = (int16_t) next();
        shorts_b[i] = (int16_t) next();
        ints_a[i] = (int32_t) (next() * 2654435761u);
        ints_b[i] = (int32_t) next() % 1000 - 500;
        floats_a[i] = (float) ((int32_t) next() % 20000) / 64.0f;
        floats_b[i] = (float) ((int32_t) next() % 3000) / 7.0f;
        doubles_a[i] = (double) ((int32_t) next() % 100000) / 3.0;
    }
    floats_a[5] = NAN;
    floats_b[9] = -0.0f;
    floats_a[17] = INFINITY;
    doubles_a[3] = -INFINITY;
}

// Passes a vector through memory the compiler may not look into, so that the operations applied to constants are
// executed at run time instead of being folded by clang.
static v128_t opaque(v128_t v) {
    static volatile v128_t slot;
    slot = v;
    return slot;
}

static uint32_t checksum(const void *data, size_t size) {
    const uint8_t *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

// Auto-vectorized loops: clang emits i32x4.mul/add, f32x4 arithmetic, saturating byte math, etc.
static void auto_vectorized(void) {
    for (int i = 0; i < N; i++) {
        ints_out[i] = ints_a[i] * 3 + ints_b[i] - (ints_a[i] >> 5);
    }
    printf("auto i32 mul/add/shr: %08x\n", checksum(ints_out, sizeof ints_out));

    for (int i = 0; i < N; i++) {
        int sum = bytes_a[i] + bytes_b[i];
        bytes_out[i] = sum > 255 ? 255 : (uint8_t) sum;
    }
    printf("auto u8 saturating add: %08x\n", checksum(bytes_out, sizeof bytes_out));

    for (int i = 0; i < N; i++) {
        floats_out[i] = floats_a[i] * 0.5f + floats_b[i];
    }
    printf("auto f32 fma-free: %08x\n", checksum(floats_out, sizeof floats_out));

    int64_t total = 0;
    for (int i = 0; i < N; i++) {
        total += (int64_t) shorts_a[i] * shorts_b[i];
    }
    printf("auto i16 dot -> i64: %lld\n", (long long) total);

    uint8_t biggest = 0;
    for (int i = 0; i < N; i++) {
        biggest = bytes_a[i] > biggest ? bytes_a[i] : biggest;
    }
    printf("auto u8 max: %u\n", biggest);

    for (int i = 0; i < N; i++) {
        doubles_out[i] = doubles_a[i] * doubles_a[i] - 1.0;
    }
    printf("auto f64 mul/sub: %08x\n", checksum(doubles_out, sizeof doubles_out));
}

static void integer_intrinsics(void) {
    v128_t acc = wasm_i32x4_splat(0);
    for (int i = 0; i < N; i += 8) {
        v128_t a = wasm_v128_load(&shorts_a[i]);
        v128_t b = wasm_v128_load(&shorts_b[i]);
        acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(a, b));
    }
    printf("i32x4.dot_i16x8_s: %d %d %d %d\n", wasm_i32x4_extract_lane(acc, 0), wasm_i32x4_extract_lane(acc, 1),
           wasm_i32x4_extract_lane(acc, 2), wasm_i32x4_extract_lane(acc, 3));

    v128_t q = wasm_i16x8_splat(0);
    for (int i = 0; i < N; i += 8) {
        v128_t a = wasm_v128_load(&shorts_a[i]);
        v128_t b = wasm_v128_load(&shorts_b[i]);
        q = wasm_v128_xor(q, wasm_i16x8_q15mulr_sat(a, b));
        q = wasm_i16x8_add_sat(q, wasm_i16x8_sub_sat(a, b));
    }
    printf("q15mulr/add_sat/sub_sat: %08x\n", checksum(&q, sizeof q));

    for (int i = 0; i < N; i += 16) {
        v128_t a = wasm_v128_load(&bytes_a[i]);
        v128_t b = wasm_v128_load(&bytes_b[i]);
        v128_t avg = wasm_u8x16_avgr(a, b);
        v128_t diff = wasm_v128_or(wasm_u8x16_sub_sat(a, b), wasm_u8x16_sub_sat(b, a));
        v128_t mixed = wasm_v128_bitselect(avg, diff, wasm_u8x16_gt(a, b));
        wasm_v128_store(&bytes_out[i], wasm_i8x16_popcnt(mixed));
    }
    printf("avgr/sub_sat/bitselect/popcnt: %08x\n", checksum(bytes_out, sizeof bytes_out));

    v128_t wide_sum = wasm_i32x4_splat(0);
    for (int i = 0; i < N; i += 16) {
        v128_t a = wasm_v128_load(&bytes_a[i]);
        v128_t pairs = wasm_u16x8_extadd_pairwise_u8x16(a);
        wide_sum = wasm_i32x4_add(wide_sum, wasm_i32x4_extadd_pairwise_i16x8(pairs));
        v128_t lo = wasm_u16x8_extend_low_u8x16(a);
        v128_t hi = wasm_i16x8_extend_high_i8x16(a);
        wide_sum = wasm_i32x4_sub(wide_sum, wasm_i32x4_extmul_low_i16x8(lo, hi));
        wide_sum = wasm_i32x4_add(wide_sum, wasm_u32x4_extend_high_u16x8(wasm_i16x8_mul(lo, hi)));
    }
    printf("extadd/extend/extmul: %d %d %d %d\n", wasm_i32x4_extract_lane(wide_sum, 0),
           wasm_i32x4_extract_lane(wide_sum, 1), wasm_i32x4_extract_lane(wide_sum, 2),
           wasm_i32x4_extract_lane(wide_sum, 3));

    v128_t narrow = wasm_u8x16_narrow_i16x8(wasm_v128_load(&shorts_a[0]), wasm_v128_load(&shorts_b[0]));
    v128_t narrow_s = wasm_i16x8_narrow_i32x4(wasm_v128_load(&ints_a[0]), wasm_v128_load(&ints_b[0]));
    printf("narrow: %08x %08x bitmask %04x %02x\n", checksum(&narrow, 16), checksum(&narrow_s, 16),
           wasm_i8x16_bitmask(narrow), wasm_i16x8_bitmask(narrow_s));

    // Wasm takes shift counts modulo the lane width. clang treats a count it can prove too large as undefined and
    // folds it away, so the counts are hidden behind volatile.
    volatile uint32_t count = 67;
    v128_t shifted = wasm_i64x2_shl(wasm_v128_load(&ints_a[4]), count);
    v128_t sra = wasm_i32x4_shr(wasm_v128_load(&ints_a[8]), count - 32);
    v128_t srl = wasm_u16x8_shr(wasm_v128_load(&shorts_a[8]), count - 48);
    printf("shifts mod width: %016llx %08x %04x\n", (unsigned long long) wasm_i64x2_extract_lane(shifted, 1),
           wasm_i32x4_extract_lane(sra, 2), wasm_u16x8_extract_lane(srl, 7));

    v128_t m = wasm_i64x2_extmul_low_i32x4(wasm_v128_load(&ints_a[12]), wasm_v128_load(&ints_a[16]));
    v128_t n = wasm_i64x2_mul(wasm_v128_load(&ints_a[20]), wasm_i64x2_neg(wasm_v128_load(&ints_a[24])));
    printf("i64x2: %lld %lld abs %lld all_true %d\n", (long long) wasm_i64x2_extract_lane(m, 0),
           (long long) wasm_i64x2_extract_lane(n, 1), (long long) wasm_i64x2_extract_lane(wasm_i64x2_abs(n), 1),
           wasm_i64x2_all_true(m));
}

// Counts occurrences of a byte 16 at a time: i8x16.eq, bitmask and popcount of the mask.
static int count_byte(const char *text, size_t length, char wanted) {
    v128_t needle = wasm_i8x16_splat(wanted);
    int count = 0;
    size_t i = 0;
    for (; i + 16 <= length; i += 16) {
        v128_t chunk = wasm_v128_load(text + i);
        count += __builtin_popcount(wasm_i8x16_bitmask(wasm_i8x16_eq(chunk, needle)));
    }
    for (; i < length; i++) {
        count += text[i] == wanted;
    }
    return count;
}

static void bytes_and_shuffles(void) {
    const char *text = "the quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.";
    printf("count 'o': %d, count ' ': %d\n", count_byte(text, strlen(text), 'o'), count_byte(text, strlen(text), ' '));

    char upper[96] = {0};
    size_t length = strlen(text);
    for (size_t i = 0; i < length; i += 16) {
        v128_t chunk = wasm_v128_load(text + i);
        v128_t is_lower = wasm_v128_and(wasm_i8x16_ge(chunk, wasm_i8x16_splat('a')),
                                        wasm_i8x16_le(chunk, wasm_i8x16_splat('z')));
        v128_t shifted = wasm_i8x16_sub(chunk, wasm_v128_and(is_lower, wasm_i8x16_splat(32)));
        wasm_v128_store(upper + i, shifted);
    }
    upper[length] = 0;
    printf("upper: %s\n", upper);

    v128_t v = wasm_v128_load(text);
    v128_t reversed = wasm_i8x16_shuffle(v, v, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    char out[17] = {0};
    wasm_v128_store(out, reversed);
    printf("reversed: %s\n", out);

    // indices past 15 (16, 20, 0xC8) select 0
    v128_t indices = opaque(wasm_i8x16_make(0, 4, 8, 12, 16, 20, 1, 5, 9, 13, (int8_t) 0xC8, 2, 6, 10, 14, 3));
    v128_t swizzled = wasm_i8x16_swizzle(v, indices);
    wasm_v128_store(out, swizzled);
    for (int i = 0; i < 16; i++) {
        out[i] = out[i] ? out[i] : '.';
    }
    printf("swizzled: %s\n", out);

    v128_t lanes = opaque(wasm_i16x8_make(1, -2, 3, -4, 5, -6, 7, -8));
    lanes = wasm_i16x8_replace_lane(lanes, 3, 1000);
    printf("lanes: %d %u %d any_true %d\n", wasm_i16x8_extract_lane(lanes, 5), wasm_u16x8_extract_lane(lanes, 1),
           wasm_i16x8_extract_lane(lanes, 3), wasm_v128_any_true(wasm_v128_andnot(lanes, lanes)));

    uint8_t memory[32];
    for (int i = 0; i < 32; i++) {
        memory[i] = (uint8_t) (i * 7);
    }
    v128_t loaded = wasm_v128_load8_lane(memory + 5, wasm_i32x4_splat(-1), 9);
    loaded = wasm_v128_load32_lane(memory + 11, loaded, 3);
    v128_t splat = wasm_v128_load16_splat(memory + 3);
    v128_t zero = wasm_v128_load64_zero(memory + 8);
    v128_t ext = wasm_u32x4_load16x4(memory + 2);
    wasm_v128_store16_lane(memory + 20, splat, 2);
    wasm_v128_store64_lane(memory, zero, 0);
    printf("memory lanes: %08x %08x %08x %08x %08x\n", checksum(&loaded, 16), checksum(&splat, 16),
           checksum(&zero, 16), checksum(&ext, 16), checksum(memory, 32));
}

static void float_intrinsics(void) {
    v128_t sum = wasm_f32x4_splat(0.0f);
    v128_t lo = wasm_f32x4_splat(INFINITY);
    v128_t hi = wasm_f32x4_splat(-INFINITY);
    for (int i = 0; i < N; i += 4) {
        v128_t a = wasm_v128_load(&floats_a[i]);
        v128_t b = wasm_v128_load(&floats_b[i]);
        sum = wasm_f32x4_add(sum, wasm_f32x4_div(wasm_f32x4_mul(a, b), wasm_f32x4_add(wasm_f32x4_abs(b),
                                                                                       wasm_f32x4_splat(1.0f))));
        lo = wasm_f32x4_pmin(lo, a);
        hi = wasm_f32x4_max(hi, wasm_f32x4_sqrt(wasm_f32x4_abs(a)));
    }
    printf("f32x4 sum: %.3f %.3f %.3f %.3f\n", wasm_f32x4_extract_lane(sum, 0), wasm_f32x4_extract_lane(sum, 1),
           wasm_f32x4_extract_lane(sum, 2), wasm_f32x4_extract_lane(sum, 3));
    printf("f32x4 pmin/max(sqrt): %g %g %g %g | %g %g %g %g\n", wasm_f32x4_extract_lane(lo, 0),
           wasm_f32x4_extract_lane(lo, 1), wasm_f32x4_extract_lane(lo, 2), wasm_f32x4_extract_lane(lo, 3),
           wasm_f32x4_extract_lane(hi, 0), wasm_f32x4_extract_lane(hi, 1), wasm_f32x4_extract_lane(hi, 2),
           wasm_f32x4_extract_lane(hi, 3));

    v128_t x = opaque(wasm_f32x4_make(-2.5f, 2.5f, 3.5f, -0.4f));
    v128_t r = wasm_f32x4_nearest(x);
    v128_t c = wasm_f32x4_ceil(x);
    v128_t f = wasm_f32x4_floor(x);
    v128_t t = wasm_f32x4_trunc(x);
    printf("rounding: %g %g %g %g | %g %g | %g %g | %g %g\n", wasm_f32x4_extract_lane(r, 0),
           wasm_f32x4_extract_lane(r, 1), wasm_f32x4_extract_lane(r, 2), wasm_f32x4_extract_lane(r, 3),
           wasm_f32x4_extract_lane(c, 0), wasm_f32x4_extract_lane(c, 3), wasm_f32x4_extract_lane(f, 1),
           wasm_f32x4_extract_lane(f, 3), wasm_f32x4_extract_lane(t, 0), wasm_f32x4_extract_lane(t, 3));

    v128_t big = opaque(wasm_f32x4_make(3e9f, -3e9f, NAN, 123.9f));
    v128_t s = wasm_i32x4_trunc_sat_f32x4(big);
    v128_t u = wasm_u32x4_trunc_sat_f32x4(big);
    printf("trunc_sat: %d %d %d %d | %u %u %u %u\n", wasm_i32x4_extract_lane(s, 0), wasm_i32x4_extract_lane(s, 1),
           wasm_i32x4_extract_lane(s, 2), wasm_i32x4_extract_lane(s, 3), wasm_u32x4_extract_lane(u, 0),
           wasm_u32x4_extract_lane(u, 1), wasm_u32x4_extract_lane(u, 2), wasm_u32x4_extract_lane(u, 3));

    v128_t ints = opaque(wasm_i32x4_make(-7, 16777217, -1, 2147483647));
    v128_t as_float = wasm_f32x4_convert_i32x4(ints);
    v128_t as_ufloat = wasm_f32x4_convert_u32x4(ints);
    v128_t as_double = wasm_f64x2_convert_low_i32x4(ints);
    printf("convert: %.1f %.1f %.1f | %.1f | %.1f %.1f\n", wasm_f32x4_extract_lane(as_float, 0),
           wasm_f32x4_extract_lane(as_float, 1), wasm_f32x4_extract_lane(as_float, 3),
           wasm_f32x4_extract_lane(as_ufloat, 2), wasm_f64x2_extract_lane(as_double, 0),
           wasm_f64x2_extract_lane(as_double, 1));

    v128_t d = opaque(wasm_f64x2_make(1e300, -0.1));
    v128_t demoted = wasm_f32x4_demote_f64x2_zero(d);
    v128_t promoted = wasm_f64x2_promote_low_f32x4(opaque(wasm_f32x4_make(0.1f, -3.75f, 9.0f, 9.0f)));
    v128_t truncated = wasm_i32x4_trunc_sat_f64x2_zero(opaque(wasm_f64x2_make(-1e12, 42.99)));
    printf("demote/promote: %g %g %g | %.17g %.17g | %d %d %d\n", wasm_f32x4_extract_lane(demoted, 0),
           wasm_f32x4_extract_lane(demoted, 1), wasm_f32x4_extract_lane(demoted, 2),
           wasm_f64x2_extract_lane(promoted, 0), wasm_f64x2_extract_lane(promoted, 1),
           wasm_i32x4_extract_lane(truncated, 0), wasm_i32x4_extract_lane(truncated, 1),
           wasm_i32x4_extract_lane(truncated, 2));

    v128_t dsum = wasm_f64x2_splat(0.0);
    for (int i = 0; i < N; i += 2) {
        v128_t a = wasm_v128_load(&doubles_a[i]);
        dsum = wasm_f64x2_add(dsum, wasm_f64x2_pmax(wasm_f64x2_sqrt(wasm_f64x2_abs(a)), wasm_f64x2_neg(a)));
    }
    printf("f64x2: %.6f %.6f lt-mask %d\n", wasm_f64x2_extract_lane(dsum, 0), wasm_f64x2_extract_lane(dsum, 1),
           wasm_i64x2_bitmask(wasm_f64x2_lt(dsum, wasm_f64x2_splat(0.0))));
}

int main(void) {
    fill();
    auto_vectorized();
    integer_intrinsics();
    bytes_and_shuffles();
    float_intrinsics();
    return 0;
}
