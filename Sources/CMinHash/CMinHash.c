#include "CMinHash.h"
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

static inline uint64_t mix64(uint64_t a, uint64_t b) {
    __uint128_t product = (__uint128_t)a * b;
    return (uint64_t)(product >> 64) ^ (uint64_t)product;
}

static const uint64_t SEED = 0x9E3779B97F4A7C15ull;
static const uint64_t MULTIPLIER = 0xBF58476D1CE4E5B9ull;

// The high bit of each byte of `word` above 0x20 (a word byte), exactly per byte: the low seven
// bits plus 0x5F carry into the high bit when they reach 0x21, and no sum carries into the next
// byte (0x7F + 0x5F < 0x100); a byte with its high bit set is a word byte anyway.
static inline uint64_t word_byte_bits(uint64_t word) {
    return (((word & 0x7F7F7F7F7F7F7F7Full) + 0x5F5F5F5F5F5F5F5Full) | word) & 0x8080808080808080ull;
}

// The rest of a word from *cursor, a byte at a time, little-endian into a tail xored into `state`
// (eight collected are mixed, as a whole chunk is): the reference's tail, and the eight-byte
// scan's last bytes of a text, where eight bytes cannot be loaded.
static inline uint64_t word_tail(const uint8_t *text, size_t length, size_t *cursor, uint64_t state) {
    size_t index = *cursor;
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
    *cursor = index;
    return state ^ tail;
}

static const uint64_t FINAL = MULTIPLIER ^ 0x94D049BB133111EBull;

size_t cminhash_word_hashes_reference(const uint8_t *text, size_t length, uint64_t *out, size_t capacity) {
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
            uint64_t stop = 8;
            for (uint64_t k = 0; k < 8; k++) {
                if (text[index + k] <= 0x20) {
                    stop = k;
                    break;
                }
            }
            if (stop < 8) break;
            state = mix64(state ^ word, MULTIPLIER);
            index += 8;
        }
        state = word_tail(text, length, &index, state);
        state = mix64(state ^ ((uint64_t)(index - start) << 56), FINAL);
        if (count < capacity) out[count] = state;
        count++;
    }
    return count;
}

// Finds the next word of text[index ..< length] and hashes it into *hash; returns the index just
// past the word, or SIZE_MAX when no word is left. The same hash as the reference: whole
// eight-byte chunks without a separator are mixed, then the bytes before the first separator are
// the tail, masked from the last load.
static inline size_t next_word(const uint8_t *text, size_t length, size_t index, uint64_t *hash) {
    // Separators eight at a time while eight bytes can be loaded.
    while (index + 8 <= length) {
        uint64_t word;
        memcpy(&word, text + index, 8);
        uint64_t above = word_byte_bits(word);
        if (above) {
            index += (size_t)(__builtin_ctzll(above) >> 3);
            break;
        }
        index += 8;
    }
    while (index < length && text[index] <= 0x20) index++;
    if (index >= length) return SIZE_MAX;
    size_t start = index;
    uint64_t state = SEED;
    if (index + 16 <= length) {
        // A word shorter than sixteen bytes (nearly all), without a branch on its length: both
        // readings are made and the one that fits is selected, so word lengths that vary do not
        // cost a mispredicted branch each.
        uint64_t first, second;
        memcpy(&first, text + index, 8);
        memcpy(&second, text + index + 8, 8);
        const uint64_t stops0 = word_byte_bits(first) ^ 0x8080808080808080ull;
        const uint64_t stops1 = word_byte_bits(second) ^ 0x8080808080808080ull;
        if ((stops0 | stops1) != 0) {
            const unsigned stop0 = (unsigned)__builtin_ctzll(stops0 | (1ull << 63)) >> 3;
            const unsigned stop1 = (unsigned)__builtin_ctzll(stops1 | (1ull << 63)) >> 3;
            const uint64_t short_state = SEED ^ (first & ((1ull << (8 * stop0)) - 1));
            const uint64_t long_state = mix64(SEED ^ first, MULTIPLIER) ^ (second & ((1ull << (8 * stop1)) - 1));
            const int is_long = stops0 == 0;
            state = is_long ? long_state : short_state;
            index += is_long ? 8 + stop1 : stop0;
            *hash = mix64(state ^ ((uint64_t)(index - start) << 56), FINAL);
            return index;
        }
    }
    for (;;) {
        if (index + 8 > length) {
            state = word_tail(text, length, &index, state);
            break;
        }
        uint64_t word;
        memcpy(&word, text + index, 8);
        uint64_t stops = word_byte_bits(word) ^ 0x8080808080808080ull;
        if (stops == 0) {
            state = mix64(state ^ word, MULTIPLIER);
            index += 8;
            continue;
        }
        unsigned stop = (unsigned)__builtin_ctzll(stops) >> 3;  // 0..7 bytes before it
        state ^= word & ((1ull << (8 * stop)) - 1);
        index += stop;
        break;
    }
    *hash = mix64(state ^ ((uint64_t)(index - start) << 56), FINAL);
    return index;
}

// The words of text[0 ..< length] one after another (no room check: `out` holds them all).
static size_t word_hashes_serial(const uint8_t *text, size_t length, uint64_t *out) {
    size_t count = 0;
    size_t index = 0;
    uint64_t hash;
    while ((index = next_word(text, length, index, &hash)) != SIZE_MAX) out[count++] = hash;
    return count;
}

size_t cminhash_word_hashes(const uint8_t *text, size_t length, uint64_t *out, size_t capacity) {
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    // The masked tail and the bit scans take the first bytes as the low ones.
    return cminhash_word_hashes_reference(text, length, out, capacity);
#endif
    // The eight-byte walk writes without a room check; with less room than a word per two
    // bytes (a word is at least one byte and a separator), the reference fills what fits and
    // counts the rest.
    if (capacity < length / 2 + 1) return cminhash_word_hashes_reference(text, length, out, capacity);
    return word_hashes_serial(text, length, out);
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

// AVX-512: the minima of up to 128 permutations (eight vectors of sixteen) stay in registers
// over all the shingles, instead of a load and a store of each minimum per shingle. The vector
// count is a constant in each call of the inlined block, so the arrays below are registers.
__attribute__((target("avx512f"), always_inline))
static inline void minimums_block_avx512(const uint32_t *restrict shingles, size_t count, const uint32_t *restrict a,
                                         const uint32_t *restrict b, size_t lanes, uint32_t *restrict out,
                                         const int vectors) {
    __m512i va[8], vb[8], vm[8];
    for (int v = 0; v < vectors; v++) {
        size_t left = lanes - (size_t)v * 16;
        __mmask16 mask = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
        va[v] = _mm512_maskz_loadu_epi32(mask, a + v * 16);
        vb[v] = _mm512_maskz_loadu_epi32(mask, b + v * 16);
        vm[v] = _mm512_set1_epi32(-1);
    }
    for (size_t s = 0; s < count; s++) {
        const __m512i x = _mm512_set1_epi32((int)shingles[s]);
        for (int v = 0; v < vectors; v++) {
            __m512i h = _mm512_add_epi32(_mm512_mullo_epi32(va[v], x), vb[v]);
            h = _mm512_xor_si512(h, _mm512_srli_epi32(h, 15));
            vm[v] = _mm512_min_epu32(vm[v], h);
        }
    }
    for (int v = 0; v < vectors; v++) {
        size_t left = lanes - (size_t)v * 16;
        __mmask16 mask = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
        _mm512_mask_storeu_epi32(out + v * 16, mask, vm[v]);
    }
}

__attribute__((target("avx512f")))
static void minimums_avx512(const uint32_t *restrict shingles, size_t count, const uint32_t *restrict a,
                            const uint32_t *restrict b, size_t permutations, uint32_t *restrict out) {
    for (size_t first = 0; first < permutations; first += 128) {
        size_t lanes = permutations - first < 128 ? permutations - first : 128;
        const uint32_t *pa = a + first, *pb = b + first;
        uint32_t *po = out + first;
        switch ((lanes + 15) / 16) {
        case 1: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 1); break;
        case 2: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 2); break;
        case 3: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 3); break;
        case 4: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 4); break;
        case 5: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 5); break;
        case 6: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 6); break;
        case 7: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 7); break;
        default: minimums_block_avx512(shingles, count, pa, pb, lanes, po, 8); break;
        }
    }
}

static int has_avx2 = 0;
static int has_avx512 = 0;
__attribute__((constructor)) static void detect_isa(void) {
    __builtin_cpu_init();
    has_avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
    has_avx512 = __builtin_cpu_supports("avx512f") ? 1 : 0;
}
#endif

int cminhash_minimums_variant(int variant, const uint32_t *shingles, size_t count, const uint32_t *a,
                              const uint32_t *b, size_t permutations, uint32_t *out) {
    switch (variant) {
    case 0:
        minimums_generic(shingles, count, a, b, permutations, out);
        return 1;
#if defined(__x86_64__)
    case 1:
        if (!has_avx2) return 0;
        minimums_avx2(shingles, count, a, b, permutations, out);
        return 1;
    case 2:
        if (!has_avx512) return 0;
        minimums_avx512(shingles, count, a, b, permutations, out);
        return 1;
#endif
    default:
        return 0;
    }
}

void cminhash_minimums(const uint32_t *shingles, size_t count, const uint32_t *a, const uint32_t *b,
                       size_t permutations, uint32_t *out) {
#if defined(__x86_64__)
    if (has_avx512) {
        minimums_avx512(shingles, count, a, b, permutations, out);
        return;
    }
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
