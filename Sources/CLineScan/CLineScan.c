#include "CLineScan.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

// Sums the byte lanes of an accumulator (each lane counted at most 255 times).
static inline uint32_t lane_sum(__m128i accumulator) {
    __m128i sums = _mm_sad_epu8(accumulator, _mm_setzero_si128());
    return (uint32_t)(_mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
}

// An Arabic letter U+0621–064A starts at text[position] (before `end`).
static inline int arabic_letter_at(const uint8_t *text, size_t position, size_t end) {
    if (position + 1 >= end) return 0;
    uint8_t lead = text[position], trail = text[position + 1];
    return (lead == 0xD8 && trail >= 0xA1 && trail <= 0xBF) || (lead == 0xD9 && trail >= 0x80 && trail <= 0x8A);
}

int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts) {
    if (end > count || start > end) return 0;
    memset(counts, 0, sizeof *counts);
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i ones = _mm_set1_epi8((char)0xFF);
    __m128i previousBlock = space;  // before the line: a space, so its first character starts a token
    __m128i tokens = _mm_setzero_si128(), punctuation = _mm_setzero_si128();
    __m128i sentenceEnds = _mm_setzero_si128(), pipes = _mm_setzero_si128();
    __m128i anyAt = _mm_setzero_si128(), anyVisible = _mm_setzero_si128();
    uint32_t run = 0;        // bytes since the last space
    int blocksInLanes = 0;   // blocks added to the lane accumulators since they were emptied
    size_t position = start;
    while (position < end) {
        __m128i block;
        size_t available = end - position;
        if (available >= 16) {
            block = _mm_loadu_si128((const __m128i *)(text + position));
        } else {
            // The tail, padded with spaces: they count for nothing and end the last word.
            uint8_t padded[16];
            memset(padded, 0x20, sizeof padded);
            memcpy(padded, text + position, available);
            block = _mm_loadu_si128((const __m128i *)padded);
        }
        // Each lane's previous byte: this block shifted by one, the last block's last byte first.
        __m128i previous = _mm_or_si128(_mm_slli_si128(block, 1), _mm_srli_si128(previousBlock, 15));
        __m128i previousBlockCopy = previousBlock;
        previousBlock = block;

        __m128i isSpace = _mm_cmpeq_epi8(block, space);
        __m128i isContinuation = _mm_cmpeq_epi8(_mm_and_si128(block, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80));
        // Two bytes before each lane, for the third byte of a three-byte character.
        __m128i beforePrevious = _mm_or_si128(_mm_slli_si128(block, 2), _mm_srli_si128(previousBlockCopy, 14));
        // Leads D8...DB: Arabic, with the Persian and Urdu letters (ک, ی, ۔) of U+0680–06FF.
        __m128i isLead = _mm_cmpeq_epi8(_mm_and_si128(block, _mm_set1_epi8((char)0xFC)), _mm_set1_epi8((char)0xD8));
        __m128i previousIsLead = _mm_cmpeq_epi8(_mm_and_si128(previous, _mm_set1_epi8((char)0xFC)), _mm_set1_epi8((char)0xD8));
        __m128i previousIsD8 = _mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0xD8));
        // C2 only as the no-break space (C2 A0); E2 only as E2 80 and a quote, the bullet or the
        // ellipsis (“ ” ‘ ’ • …): no dashes, no invisible format characters.
        __m128i isC2 = _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xC2));
        __m128i isE2 = _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xE2));
        __m128i previousIsC2 = _mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0xC2));
        __m128i previousIsE2 = _mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0xE2));
        __m128i thirdOfE2 = _mm_and_si128(_mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0x80)),
                                          _mm_cmpeq_epi8(beforePrevious, _mm_set1_epi8((char)0xE2)));
        __m128i quoteOrBullet = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x9C)), _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x9D))),
                         _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x98)), _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x99)))),
            _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xA2)), _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xA6))));
        // Printable ASCII: 0x20...0x7E (signed compare: bytes >= 0x80 are negative), not '-'.
        __m128i ascii = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(0x7F)),
                                                      _mm_cmpeq_epi8(block, _mm_set1_epi8('-'))),
                                         _mm_cmpgt_epi8(block, _mm_set1_epi8(0x1F)));
        __m128i allowed = _mm_or_si128(_mm_or_si128(ascii, isContinuation), _mm_or_si128(isLead, _mm_or_si128(isC2, isE2)));
        // Where a continuation byte may stand: after an Arabic lead; A0 after C2; 80 after E2;
        // the quote, bullet or ellipsis byte after E2 80. And where one must.
        __m128i continuationFits = _mm_or_si128(
            _mm_or_si128(previousIsLead, _mm_and_si128(previousIsC2, _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xA0)))),
            _mm_or_si128(_mm_and_si128(previousIsE2, _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x80))),
                         _mm_and_si128(thirdOfE2, quoteOrBullet)));
        __m128i continuationNeeded = _mm_or_si128(_mm_or_si128(previousIsLead, previousIsC2), _mm_or_si128(previousIsE2, thirdOfE2));
        __m128i bad = _mm_or_si128(_mm_xor_si128(allowed, ones),
                                   _mm_or_si128(_mm_andnot_si128(continuationFits, isContinuation),
                                                _mm_andnot_si128(isContinuation, continuationNeeded)));
        // U+061C (D8 9C) is invisible.
        bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x9C)), previousIsD8));
        if (_mm_movemask_epi8(bad) != 0) return 0;

        // A visible character starts where a byte is neither a space, nor a continuation, nor
        // the lead of a no-break space; a token where the character before is invisible (a
        // space, or a no-break space: A0 after C2).
        __m128i visibleStart = _mm_andnot_si128(_mm_or_si128(_mm_or_si128(isSpace, isContinuation), isC2), ones);
        __m128i previousInvisible = _mm_or_si128(_mm_cmpeq_epi8(previous, space),
                                                 _mm_and_si128(_mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0xA0)),
                                                               _mm_cmpeq_epi8(beforePrevious, _mm_set1_epi8((char)0xC2))));
        __m128i starts = _mm_and_si128(visibleStart, previousInvisible);
        __m128i ends = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('.')), _mm_cmpeq_epi8(block, _mm_set1_epi8('!'))),
                                    _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('?')),
                                                 _mm_and_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x9F)), previousIsD8)));
        __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(',')), _mm_cmpeq_epi8(block, _mm_set1_epi8(';'))),
                                     _mm_and_si128(_mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x8C)),
                                                                _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x9B))), previousIsD8));
        tokens = _mm_sub_epi8(tokens, starts);
        sentenceEnds = _mm_sub_epi8(sentenceEnds, ends);
        punctuation = _mm_sub_epi8(punctuation, _mm_or_si128(ends, marks));
        pipes = _mm_sub_epi8(pipes, _mm_cmpeq_epi8(block, _mm_set1_epi8('|')));
        anyAt = _mm_or_si128(anyAt, _mm_cmpeq_epi8(block, _mm_set1_epi8('@')));
        anyVisible = _mm_or_si128(anyVisible, visibleStart);

        // Teh marbuta (D8 A9) or alef maksura (D9 89): rare, checked one by one.
        __m128i finals = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xA9)), previousIsD8),
                                      _mm_and_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8((char)0x89)),
                                                    _mm_cmpeq_epi8(previous, _mm_set1_epi8((char)0xD9))));
        unsigned finalMask = (unsigned)_mm_movemask_epi8(finals);
        while (finalMask != 0) {
            size_t lane = (size_t)__builtin_ctz(finalMask);
            counts->gluedFinalLetters += (uint32_t)arabic_letter_at(text, position + lane + 1, end);
            finalMask &= finalMask - 1;
        }

        // Words of 16 bytes or more: a word inside a block is shorter; only the one running
        // into the first space of a block can be long.
        unsigned spaceMask = (unsigned)_mm_movemask_epi8(isSpace);
        if (spaceMask == 0) {
            run += 16;
        } else {
            uint32_t first = (uint32_t)__builtin_ctz(spaceMask);
            counts->longWords += run + first >= 16;
            run = 15 - (uint32_t)(31 - __builtin_clz(spaceMask));
        }

        if (++blocksInLanes == 255) {
            counts->tokens += lane_sum(tokens);
            counts->punctuation += lane_sum(punctuation);
            counts->sentenceEnds += lane_sum(sentenceEnds);
            counts->pipes += lane_sum(pipes);
            tokens = punctuation = sentenceEnds = pipes = _mm_setzero_si128();
            blocksInLanes = 0;
        }
        position += 16;
    }
    // A lead byte ending the line has no continuation (a padded tail was checked above).
    // A character cut off by the end of the line (a padded tail was checked above).
    if (end > start && ((text[end - 1] & 0xFC) == 0xD8 || text[end - 1] == 0xC2 || text[end - 1] == 0xE2)) return 0;
    if (end - start >= 2 && text[end - 2] == 0xE2) return 0;
    counts->longWords += run >= 16;
    counts->tokens += lane_sum(tokens);
    counts->punctuation += lane_sum(punctuation);
    counts->sentenceEnds += lane_sum(sentenceEnds);
    counts->pipes += lane_sum(pipes);
    counts->hasAt = _mm_movemask_epi8(anyAt) != 0;
    counts->hasVisible = _mm_movemask_epi8(anyVisible) != 0;
    return 1;
}

#else

int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts) {
    (void)text; (void)count; (void)start; (void)end; (void)counts;
    return 0;
}

#endif
