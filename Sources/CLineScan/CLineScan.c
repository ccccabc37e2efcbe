#include "CLineScan.h"
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#endif

#if defined(__SSE2__)

// An Arabic letter U+0621–064A starts at text[position] (before `end`).
static inline int arabic_letter_at(const uint8_t *text, size_t position, size_t end) {
    if (position + 1 >= end) return 0;
    uint8_t lead = text[position], trail = text[position + 1];
    return (lead == 0xD8 && trail >= 0xA1 && trail <= 0xBF) || (lead == 0xD9 && trail >= 0x80 && trail <= 0x8A);
}

// A word of 16 bytes or more strictly between the first and the last space of a block (bit i of
// `spaceMask` set: byte i is a space). Only a block of 32 can hold one, and only one.
static inline uint32_t inner_long_word(uint32_t spaceMask, uint32_t first, uint32_t last) {
    if (last - first < 17) return 0;
    uint64_t between = ((1ull << last) - 1) & ~((2ull << first) - 1);
    uint64_t run = ~(uint64_t)spaceMask & between;
    // Bit i survives when bytes i...i+15 are all inside a word.
    run &= run >> 1;
    run &= run >> 2;
    run &= run >> 4;
    run &= run >> 8;
    return run != 0;
}

// Lane masks for a tail of n bytes (n < 32): loaded from tail_mask + 32 - n, the first n lanes are
// set and the others clear, for 16 lanes as for 32.
static const uint8_t tail_mask[64] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

static inline uint32_t lane_sum_sse2(__m128i accumulator) {
    __m128i sums = _mm_sad_epu8(accumulator, _mm_setzero_si128());
    return (uint32_t)(_mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
}

#define KERNEL(name) name##_sse2
#define KERNEL_TARGET
#define WIDTH 16
#define VEC __m128i
#define V_LOADU(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define V_SET1(x) _mm_set1_epi8(x)
#define V_ZERO() _mm_setzero_si128()
#define V_EQ(a, b) _mm_cmpeq_epi8(a, b)
#define V_GT(a, b) _mm_cmpgt_epi8(a, b)
#define V_AND(a, b) _mm_and_si128(a, b)
#define V_OR(a, b) _mm_or_si128(a, b)
#define V_XOR(a, b) _mm_xor_si128(a, b)
#define V_ANDNOT(a, b) _mm_andnot_si128(a, b)
#define V_SUB(a, b) _mm_sub_epi8(a, b)
#define V_MOVEMASK(a) ((uint32_t)_mm_movemask_epi8(a))
#define V_PREVIOUS1(block, before) _mm_or_si128(_mm_slli_si128(block, 1), _mm_srli_si128(before, 15))
#define V_PREVIOUS2(block, before) _mm_or_si128(_mm_slli_si128(block, 2), _mm_srli_si128(before, 14))
#define V_LANE_SUM(a) lane_sum_sse2(a)
#include "BlockLoad.h"
#include "SimpleLineKernel.h"
#include "KeyCountsKernel.h"
#undef KERNEL
#undef KERNEL_TARGET
#undef WIDTH
#undef VEC
#undef V_LOADU
#undef V_SET1
#undef V_ZERO
#undef V_EQ
#undef V_GT
#undef V_AND
#undef V_OR
#undef V_XOR
#undef V_ANDNOT
#undef V_SUB
#undef V_MOVEMASK
#undef V_PREVIOUS1
#undef V_PREVIOUS2
#undef V_LANE_SUM

#define AVX2 __attribute__((target("avx2")))

static inline AVX2 uint32_t lane_sum_avx2(__m256i accumulator) {
    __m256i sums = _mm256_sad_epu8(accumulator, _mm256_setzero_si256());
    __m128i half = _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
    return (uint32_t)(_mm_cvtsi128_si32(half) + _mm_cvtsi128_si32(_mm_srli_si128(half, 8)));
}

#define KERNEL(name) name##_avx2
#define KERNEL_TARGET AVX2
#define WIDTH 32
#define VEC __m256i
#define V_LOADU(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define V_SET1(x) _mm256_set1_epi8(x)
#define V_ZERO() _mm256_setzero_si256()
#define V_EQ(a, b) _mm256_cmpeq_epi8(a, b)
#define V_GT(a, b) _mm256_cmpgt_epi8(a, b)
#define V_AND(a, b) _mm256_and_si256(a, b)
#define V_OR(a, b) _mm256_or_si256(a, b)
#define V_XOR(a, b) _mm256_xor_si256(a, b)
#define V_ANDNOT(a, b) _mm256_andnot_si256(a, b)
#define V_SUB(a, b) _mm256_sub_epi8(a, b)
#define V_MOVEMASK(a) ((uint32_t)_mm256_movemask_epi8(a))
// [before's high half, block's low half], then each 128-bit lane shifted in from it.
#define V_PREVIOUS1(block, before) _mm256_alignr_epi8(block, _mm256_permute2x128_si256(before, block, 0x21), 15)
#define V_PREVIOUS2(block, before) _mm256_alignr_epi8(block, _mm256_permute2x128_si256(before, block, 0x21), 14)
#define V_LANE_SUM(a) lane_sum_avx2(a)
#include "BlockLoad.h"
#include "SimpleLineKernel.h"
#include "KeyCountsKernel.h"

// AVX2 in the processor and its registers saved by the system (OSXSAVE, XCR0 bits 1 and 2).
static int detect_avx2(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX)) return 0;
    unsigned int xcrLow, xcrHigh;
    __asm__ volatile("xgetbv" : "=a"(xcrLow), "=d"(xcrHigh) : "c"(0));
    if ((xcrLow & 6) != 6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & bit_AVX2) != 0;
}

int nazif_has_avx2(void) {
    // -1: not asked yet. Threads racing here compute the same answer.
    static int known = -1;
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value < 0) {
        value = detect_avx2();
        __atomic_store_n(&known, value, __ATOMIC_RELAXED);
    }
    return value;
}

int nazif_scan_simple_line_width(const uint8_t *text, size_t count, size_t start, size_t end,
                                 nazif_line_counts *counts, int width) {
    if (width == 32) return nazif_has_avx2() ? scan_simple_line_avx2(text, count, start, end, counts) : 0;
    return scan_simple_line_sse2(text, count, start, end, counts);
}

void nazif_count_key_bytes_width(const uint8_t *text, size_t count, size_t start, size_t end,
                            nazif_key_counts *counts, int width) {
    if (width == 32 && nazif_has_avx2()) {
        key_counts_avx2(text, count, start, end, counts);
    } else {
        key_counts_sse2(text, count, start, end, counts);
    }
}

// Lines of fewer than 32 bytes are one padded block either way: SSE2 takes them.
static int best_width(size_t start, size_t end) { return end - start >= 32 && nazif_has_avx2() ? 32 : 16; }

void nazif_count_key_bytes(const uint8_t *text, size_t count, size_t start, size_t end, nazif_key_counts *counts) {
    nazif_count_key_bytes_width(text, count, start, end, counts, best_width(start, end));
}

int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts) {
    return nazif_scan_simple_line_width(text, count, start, end, counts, best_width(start, end));
}

#else

int nazif_has_avx2(void) { return 0; }

void nazif_count_key_bytes_width(const uint8_t *text, size_t count, size_t start, size_t end,
                            nazif_key_counts *counts, int width) {
    (void)width;
    nazif_count_key_bytes(text, count, start, end, counts);
}

void nazif_count_key_bytes(const uint8_t *text, size_t count, size_t start, size_t end, nazif_key_counts *counts) {
    counts->spaces = counts->arabicLeads = counts->continuations = 0;
    if (end > count || start >= end) return;
    for (size_t position = start; position < end; position++) {
        uint8_t byte = text[position];
        counts->spaces += byte == 0x20;
        counts->arabicLeads += (byte & 0xFC) == 0xD8;
        counts->continuations += (byte & 0xC0) == 0x80;
    }
}

int nazif_scan_simple_line_width(const uint8_t *text, size_t count, size_t start, size_t end,
                                 nazif_line_counts *counts, int width) {
    (void)text; (void)count; (void)start; (void)end; (void)counts; (void)width;
    return 0;
}

int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts) {
    (void)text; (void)count; (void)start; (void)end; (void)counts;
    return 0;
}

#endif
