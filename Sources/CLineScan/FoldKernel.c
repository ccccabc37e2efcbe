// The normalizer's block kernel: 32 bytes of Arabic letters, ASCII and single spaces folded at
// once through a 256-byte map, where the fast loop of FoldTable.run takes one character at a
// time (a load, a table lookup and a store each, in a chain through the character's length).
#include "CLineScan.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

// The prepared map (nazif_fold_prepare_map) read at each lane's index, 128 entries at a time: the
// eight rows of 16 of a half are stored each XORed with the row before, and row k is read at
// index - 16k (signed, saturating). Where that is negative the shuffle gives zero, so a lane
// XORs rows 0 to index / 16 of the half together, which leaves its own row's byte. Lanes whose
// index is 0x80 (saturated below zero at every row) read zero.
static inline AVX2 __m256i half_lookup(const __m256i rows[8], __m256i index) {
    __m256i result = _mm256_setzero_si256();
    for (int row = 0; row < 8; row++) {
        result = _mm256_xor_si256(result, _mm256_shuffle_epi8(rows[row], index));
        index = _mm256_subs_epi8(index, _mm256_set1_epi8(16));
    }
    return result;
}

static AVX2 size_t fold_easy_avx2(const uint8_t *text, size_t count, uint8_t *out, const uint8_t *prepared,
                                  uint32_t *previousIsSpace) {
    __m256i asciiRows[8], arabicRows[8];
    for (int row = 0; row < 8; row++) {
        asciiRows[row] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(prepared + 16 * row)));
        arabicRows[row] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(prepared + 128 + 16 * row)));
    }
    const __m256i none = _mm256_set1_epi8((char)0xFF);
    const __m256i space = _mm256_set1_epi8(0x20);
    // Before the first block: a space if the character before was one, else nothing that
    // counts (the caller starts at a character boundary).
    __m256i previousBlock = _mm256_setzero_si256();
    if (*previousIsSpace) previousBlock = _mm256_insert_epi8(previousBlock, 0x20, 31);
    size_t position = 0;
    while (position + 32 <= count) {
        __m256i block = _mm256_loadu_si256((const __m256i *)(const void *)(text + position));
        // Each lane's previous byte, across the block boundary, and its next byte (0 after the
        // last lane: a lead there has no continuation in the block).
        __m256i previous = _mm256_alignr_epi8(block, _mm256_permute2x128_si256(previousBlock, block, 0x21), 15);
        __m256i following = _mm256_alignr_epi8(_mm256_permute2x128_si256(block, block, 0x81), block, 1);

        __m256i isAscii = _mm256_cmpgt_epi8(block, _mm256_set1_epi8(-1));
        __m256i isContinuation = _mm256_cmpeq_epi8(_mm256_and_si256(block, _mm256_set1_epi8((char)0xC0)), _mm256_set1_epi8((char)0x80));
        __m256i isLead = _mm256_cmpeq_epi8(_mm256_and_si256(block, _mm256_set1_epi8((char)0xFE)), _mm256_set1_epi8((char)0xD8));
        __m256i previousIsLead = _mm256_cmpeq_epi8(_mm256_and_si256(previous, _mm256_set1_epi8((char)0xFE)), _mm256_set1_epi8((char)0xD8));
        __m256i previousIsD9 = _mm256_cmpeq_epi8(previous, _mm256_set1_epi8((char)0xD9));
        __m256i followingIsContinuation = _mm256_cmpeq_epi8(_mm256_and_si256(following, _mm256_set1_epi8((char)0xC0)), _mm256_set1_epi8((char)0x80));

        // The map's index: an ASCII byte is its own (in the first half); a continuation after
        // D8 or D9 is (D9 ? 0x40 : 0) | its low six bits (in the second half). Other lanes
        // read 0x80: zero in both halves.
        const __m256i outside = _mm256_set1_epi8((char)0x80);
        __m256i continuationIndex = _mm256_or_si256(_mm256_and_si256(previousIsD9, _mm256_set1_epi8(0x40)),
                                                    _mm256_and_si256(block, _mm256_set1_epi8(0x3F)));
        __m256i asciiIndex = _mm256_blendv_epi8(outside, block, isAscii);
        __m256i arabicIndex = _mm256_blendv_epi8(outside, continuationIndex, isContinuation);
        __m256i mapped = _mm256_or_si256(half_lookup(asciiRows, asciiIndex), half_lookup(arabicRows, arabicIndex));
        __m256i unmapped = _mm256_cmpeq_epi8(mapped, none);
        // The lead lanes read their pair's value from the lane after them.
        __m256i mappedFollowing = _mm256_alignr_epi8(_mm256_permute2x128_si256(mapped, mapped, 0x81), mapped, 1);
        __m256i followingUnmapped = _mm256_cmpeq_epi8(mappedFollowing, none);

        __m256i isSpace = _mm256_cmpeq_epi8(block, space);
        __m256i bad = _mm256_andnot_si256(_mm256_or_si256(_mm256_or_si256(isAscii, isContinuation), isLead), none);
        bad = _mm256_or_si256(bad, _mm256_and_si256(isAscii, unmapped));
        bad = _mm256_or_si256(bad, _mm256_and_si256(isSpace, _mm256_cmpeq_epi8(previous, space)));
        bad = _mm256_or_si256(bad, _mm256_and_si256(isContinuation, _mm256_or_si256(unmapped, _mm256_andnot_si256(previousIsLead, none))));
        bad = _mm256_or_si256(bad, _mm256_and_si256(isLead, _mm256_or_si256(followingUnmapped, _mm256_andnot_si256(followingIsContinuation, none))));

        // Output: ASCII as mapped; a continuation 0x80 | the low six bits of its pair's value; a
        // lead 0xD8 + the value's top two bits.
        __m256i trail = _mm256_or_si256(_mm256_set1_epi8((char)0x80), _mm256_and_si256(mapped, _mm256_set1_epi8(0x3F)));
        __m256i lead = _mm256_add_epi8(_mm256_set1_epi8((char)0xD8),
                                       _mm256_and_si256(_mm256_srli_epi16(mappedFollowing, 6), _mm256_set1_epi8(0x03)));
        __m256i output = _mm256_blendv_epi8(_mm256_blendv_epi8(trail, lead, isLead), mapped, isAscii);
        _mm256_storeu_si256((__m256i *)(void *)(out + position), output);

        uint32_t badMask = (uint32_t)_mm256_movemask_epi8(bad);
        if (badMask != 0) {
            position += (size_t)__builtin_ctz(badMask);
            break;
        }
        previousBlock = block;
        position += 32;
    }
    if (position > 0) *previousIsSpace = text[position - 1] == 0x20;
    return position;
}

int nazif_fold_kernel_available(void) { return nazif_has_avx2(); }

void nazif_fold_prepare_map(const uint8_t *map, uint8_t *prepared) {
    for (int half = 0; half < 256; half += 128) {
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 16; column++) {
                int at = half + 16 * row + column;
                prepared[at] = row == 0 ? map[at] : (uint8_t)(map[at] ^ map[at - 16]);
            }
        }
    }
}

size_t nazif_fold_easy_prefix(const uint8_t *text, size_t count, uint8_t *out, const uint8_t *prepared,
                              uint32_t *previousIsSpace) {
    if (!nazif_has_avx2()) return 0;
    return fold_easy_avx2(text, count, out, prepared, previousIsSpace);
}

#else

int nazif_fold_kernel_available(void) { return 0; }

void nazif_fold_prepare_map(const uint8_t *map, uint8_t *prepared) {
    for (int at = 0; at < 256; at++) prepared[at] = map[at];
}

size_t nazif_fold_easy_prefix(const uint8_t *text, size_t count, uint8_t *out, const uint8_t *prepared,
                              uint32_t *previousIsSpace) {
    (void)text; (void)count; (void)out; (void)prepared; (void)previousIsSpace;
    return 0;
}

#endif
