#include "CLineScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t nazif_json_string_stop(const uint8_t *text, size_t from, size_t to) {
    size_t position = from;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1F);
    while (position + 16 <= to) {
        __m128i block = _mm_loadu_si128((const __m128i *)(text + position));
        // A byte at most 0x1F is its own minimum with 0x1F (unsigned).
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, lastControl), block);
        __m128i stops = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
        unsigned mask = (unsigned)_mm_movemask_epi8(stops);
        if (mask != 0) return position + (size_t)__builtin_ctz(mask);
        position += 16;
    }
#endif
    while (position < to) {
        uint8_t byte = text[position];
        if (byte == '"' || byte == '\\' || byte < 0x20) return position;
        position += 1;
    }
    return to;
}

#if defined(__x86_64__)
#include <immintrin.h>

static __attribute__((target("avx2"))) size_t count_byte_avx2(const uint8_t *text, size_t count, uint8_t byte) {
    const __m256i wanted = _mm256_set1_epi8((char)byte);
    size_t total = 0, position = 0;
    while (position + 32 <= count) {
        // Up to 255 blocks per lane tally, then summed.
        __m256i tally = _mm256_setzero_si256();
        size_t stretchEnd = position + 32 * 255;
        if (stretchEnd > count) stretchEnd = count;
        while (position + 32 <= stretchEnd) {
            __m256i block = _mm256_loadu_si256((const __m256i *)(const void *)(text + position));
            tally = _mm256_sub_epi8(tally, _mm256_cmpeq_epi8(block, wanted));
            position += 32;
        }
        __m256i sums = _mm256_sad_epu8(tally, _mm256_setzero_si256());
        __m128i half = _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
        total += (size_t)_mm_cvtsi128_si64(half) + (size_t)_mm_cvtsi128_si64(_mm_srli_si128(half, 8));
    }
    for (; position < count; position++) total += text[position] == byte;
    return total;
}
#endif

size_t nazif_count_byte(const uint8_t *text, size_t count, uint8_t byte) {
#if defined(__x86_64__)
    if (nazif_has_avx2()) return count_byte_avx2(text, count, byte);
#endif
    size_t total = 0;
    for (size_t position = 0; position < count; position++) total += text[position] == byte;
    return total;
}
