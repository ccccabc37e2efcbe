#include "CLineScan.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// The bucket of the word starting at text[p] (its first four bytes at most, cut at a space or at
// `end`, packed first byte highest), as Boilerplate's Lexicon.CueStarts.bucket computes it.
static inline uint32_t cue_bucket(const uint8_t *text, size_t p, size_t end) {
    uint32_t packed = 0;
    if (p + 4 <= end) {
        uint32_t word;
        memcpy(&word, text + p, 4);  // little-endian: the first byte lowest
        uint32_t spaces = word ^ 0x20202020u, low7 = 0x7F7F7F7Fu;
        uint32_t spaceLanes = ~(((spaces & low7) + low7) | spaces | low7);
        uint32_t kept = spaceLanes == 0 ? 4 : (uint32_t)__builtin_ctz(spaceLanes) >> 3;
        if (kept == 4) {
            packed = __builtin_bswap32(word);
        } else if (kept > 0) {
            packed = __builtin_bswap32(word & ((1u << (kept * 8)) - 1)) >> ((4 - kept) * 8);
        }
    } else {
        for (size_t i = p; i < end && i < p + 4 && text[i] != 0x20; i++) packed = packed << 8 | text[i];
    }
    return (packed * 0x9E3779B1u) >> 16;
}

static inline size_t note_start(const uint8_t *text, size_t p, size_t end, const uint64_t *bucketBits,
                                uint32_t *found, size_t n) {
    uint32_t bucket = cue_bucket(text, p, end);
    if (bucketBits[bucket >> 6] & (1ull << (bucket & 63))) found[n++] = (uint32_t)p;
    return n;
}

size_t nazif_cue_word_starts(const uint8_t *text, size_t count, size_t start, size_t end,
                             const uint64_t *bucketBits, uint32_t *found, size_t capacity) {
    if (end > count || start >= end || capacity == 0) return 0;
    size_t n = 0;
    size_t position = start;
    uint32_t previousSpace = 1;  // before `start`: a word may begin there
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    while (position + 16 <= end) {
        uint32_t spaces = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(text + position)), space));
        // A word starts on a byte that is no space after one that is.
        uint32_t starts = ~spaces & (spaces << 1 | previousSpace) & 0xFFFFu;
        previousSpace = spaces >> 15;
        while (starts != 0) {
            n = note_start(text, position + (size_t)__builtin_ctz(starts), end, bucketBits, found, n);
            if (n == capacity) return n;
            starts &= starts - 1;
        }
        position += 16;
    }
#endif
    for (; position < end; position++) {
        uint32_t isSpace = text[position] == 0x20;
        if (!isSpace && previousSpace) {
            n = note_start(text, position, end, bucketBits, found, n);
            if (n == capacity) return n;
        }
        previousSpace = isSpace;
    }
    return n;
}
