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
