#include "CMinHash.h"
#include <string.h>

static inline uint64_t mix64(uint64_t a, uint64_t b) {
    __uint128_t product = (__uint128_t)a * b;
    return (uint64_t)(product >> 64) ^ (uint64_t)product;
}

static const uint64_t SEED = 0x9E3779B97F4A7C15ull;
static const uint64_t MULTIPLIER = 0xBF58476D1CE4E5B9ull;

size_t cminhash_word_hashes(const uint8_t *text, size_t length, uint64_t *out, size_t capacity) {
    size_t count = 0;
    size_t index = 0;
    while (index < length) {
        while (index < length && text[index] <= 0x20) index++;
        if (index >= length) break;
        size_t start = index;
        uint64_t state = SEED;
        // Eight bytes at a time, then the tail: a multiply-mix, as KeyHash.
        while (index + 8 <= length) {
            uint64_t word;
            memcpy(&word, text + index, 8);
            // Stop at the first separator inside the eight bytes.
            uint64_t stop = 8;
            for (uint64_t k = 0; k < 8; k++) {
                if (text[index + k] <= 0x20) { stop = k; break; }
            }
            if (stop < 8) break;
            state = mix64(state ^ word, MULTIPLIER);
            index += 8;
        }
        uint64_t tail = 0;
        unsigned shift = 0;
        while (index < length && text[index] > 0x20) {
            tail |= (uint64_t)text[index] << shift;
            shift += 8;
            index++;
            if (shift == 64) {
                state = mix64(state ^ tail, MULTIPLIER);
                tail = 0;
                shift = 0;
            }
        }
        state = mix64(state ^ tail ^ ((uint64_t)(index - start) << 56), MULTIPLIER ^ 0x94D049BB133111EBull);
        if (count < capacity) out[count] = state;
        count++;
    }
    return count;
}

void cminhash_shingles(const uint64_t *words, size_t count, size_t size, uint32_t *out) {
    if (size == 0 || count < size) return;
    for (size_t start = 0; start + size <= count; start++) {
        uint64_t state = SEED ^ size;
        for (size_t k = 0; k < size; k++) state = mix64(state ^ words[start + k], MULTIPLIER);
        out[start] = (uint32_t)(state >> 32) ^ (uint32_t)state;
    }
}

// The universal hash of a shingle under permutation i: a multiply-add modulo 2^32 (a bijection
// for odd a) followed by an xor-shift (a bijection too), so the high bits depend on every bit.
#define MINIMUMS_BODY                                                              \
    for (size_t i = 0; i < permutations; i++) out[i] = UINT32_MAX;                 \
    for (size_t s = 0; s < count; s++) {                                           \
        const uint32_t x = shingles[s];                                            \
        for (size_t i = 0; i < permutations; i++) {                                \
            uint32_t h = a[i] * x + b[i];                                          \
            h ^= h >> 15;                                                          \
            out[i] = h < out[i] ? h : out[i];                                      \
        }                                                                          \
    }

static void minimums_generic(const uint32_t *restrict shingles, size_t count, const uint32_t *restrict a,
                             const uint32_t *restrict b, size_t permutations, uint32_t *restrict out) {
    MINIMUMS_BODY
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static void minimums_avx2(const uint32_t *restrict shingles, size_t count, const uint32_t *restrict a,
                          const uint32_t *restrict b, size_t permutations, uint32_t *restrict out) {
    MINIMUMS_BODY
}

static int has_avx2 = 0;
__attribute__((constructor)) static void detect_avx2(void) {
    __builtin_cpu_init();
    has_avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
}
#endif

void cminhash_minimums(const uint32_t *shingles, size_t count, const uint32_t *a, const uint32_t *b,
                       size_t permutations, uint32_t *out) {
#if defined(__x86_64__)
    if (has_avx2) {
        minimums_avx2(shingles, count, a, b, permutations, out);
        return;
    }
#endif
    minimums_generic(shingles, count, a, b, permutations, out);
}

void cminhash_band_keys(const uint32_t *values, size_t bands, size_t rows, uint64_t *out) {
    for (size_t band = 0; band < bands; band++) {
        uint64_t state = SEED ^ ((uint64_t)band * MULTIPLIER);
        const uint32_t *row = values + band * rows;
        size_t r = 0;
        for (; r + 2 <= rows; r += 2) {
            state = mix64(state ^ ((uint64_t)row[r] | ((uint64_t)row[r + 1] << 32)), MULTIPLIER);
        }
        if (r < rows) state = mix64(state ^ row[r], MULTIPLIER);
        out[band] = mix64(state, SEED);
    }
}
