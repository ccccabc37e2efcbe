// The body of the line kernel, written once and compiled once per vector width: CLineScan.c
// includes this file with KERNEL(name) (the name with the width's suffix), KERNEL_TARGET, WIDTH,
// VEC and the V_* operations defined for SSE2 (16 bytes) and for AVX2 (32 bytes). Not a public
// header.

static KERNEL_TARGET int KERNEL(scan_simple_line)(const uint8_t *text, size_t count, size_t start, size_t end,
                                                  nazif_line_counts *counts) {
    if (end > count || start > end) return 0;
    memset(counts, 0, sizeof *counts);
    const VEC space = V_SET1(0x20);
    const VEC ones = V_SET1((char)0xFF);
    VEC previousBlock = space;  // before the line: a space, so its first character starts a token
    VEC tokens = V_ZERO(), punctuation = V_ZERO();
    VEC sentenceEnds = V_ZERO(), pipes = V_ZERO();
    VEC anyAt = V_ZERO(), anyVisible = V_ZERO();
    uint32_t run = 0;        // bytes since the last space
    int blocksInLanes = 0;   // blocks added to the lane accumulators since they were emptied
    size_t position = start;
    while (position < end) {
        // The tail padded with spaces: they count for nothing and end the last word.
        VEC block = KERNEL(load_block)(text, position, end, count, 0x20);
        // Each lane's previous byte and the byte before it, across the block boundary.
        VEC previous = V_PREVIOUS1(block, previousBlock);
        VEC beforePrevious = V_PREVIOUS2(block, previousBlock);
        previousBlock = block;

        VEC isSpace = V_EQ(block, space);
        VEC isContinuation = V_EQ(V_AND(block, V_SET1((char)0xC0)), V_SET1((char)0x80));
        // Leads D8...DB: Arabic, with the Persian and Urdu letters (ک, ی, ۔) of U+0680–06FF.
        VEC isLead = V_EQ(V_AND(block, V_SET1((char)0xFC)), V_SET1((char)0xD8));
        VEC previousIsLead = V_EQ(V_AND(previous, V_SET1((char)0xFC)), V_SET1((char)0xD8));
        VEC previousIsD8 = V_EQ(previous, V_SET1((char)0xD8));
        // C2 only as the no-break space (C2 A0); E2 only as E2 80 and a quote, the bullet or the
        // ellipsis (“ ” ‘ ’ • …): no dashes, no invisible format characters.
        VEC isC2 = V_EQ(block, V_SET1((char)0xC2));
        VEC isE2 = V_EQ(block, V_SET1((char)0xE2));
        VEC previousIsC2 = V_EQ(previous, V_SET1((char)0xC2));
        VEC previousIsE2 = V_EQ(previous, V_SET1((char)0xE2));
        VEC thirdOfE2 = V_AND(V_EQ(previous, V_SET1((char)0x80)), V_EQ(beforePrevious, V_SET1((char)0xE2)));
        VEC quoteOrBullet = V_OR(
            V_OR(V_OR(V_EQ(block, V_SET1((char)0x9C)), V_EQ(block, V_SET1((char)0x9D))),
                 V_OR(V_EQ(block, V_SET1((char)0x98)), V_EQ(block, V_SET1((char)0x99)))),
            V_OR(V_EQ(block, V_SET1((char)0xA2)), V_EQ(block, V_SET1((char)0xA6))));
        // Printable ASCII: 0x20...0x7E (signed compare: bytes >= 0x80 are negative), not '-'.
        VEC ascii = V_ANDNOT(V_OR(V_EQ(block, V_SET1(0x7F)), V_EQ(block, V_SET1('-'))), V_GT(block, V_SET1(0x1F)));
        VEC allowed = V_OR(V_OR(ascii, isContinuation), V_OR(isLead, V_OR(isC2, isE2)));
        // Where a continuation byte may stand: after an Arabic lead; A0 after C2; 80 after E2;
        // the quote, bullet or ellipsis byte after E2 80. And where one must.
        VEC continuationFits = V_OR(
            V_OR(previousIsLead, V_AND(previousIsC2, V_EQ(block, V_SET1((char)0xA0)))),
            V_OR(V_AND(previousIsE2, V_EQ(block, V_SET1((char)0x80))), V_AND(thirdOfE2, quoteOrBullet)));
        VEC continuationNeeded = V_OR(V_OR(previousIsLead, previousIsC2), V_OR(previousIsE2, thirdOfE2));
        VEC bad = V_OR(V_XOR(allowed, ones),
                       V_OR(V_ANDNOT(continuationFits, isContinuation), V_ANDNOT(isContinuation, continuationNeeded)));
        // U+061C (D8 9C) is invisible.
        bad = V_OR(bad, V_AND(V_EQ(block, V_SET1((char)0x9C)), previousIsD8));
        if (V_MOVEMASK(bad) != 0) return 0;

        // A visible character starts where a byte is neither a space, nor a continuation, nor
        // the lead of a no-break space; a token where the character before is invisible (a
        // space, or a no-break space: A0 after C2).
        VEC visibleStart = V_ANDNOT(V_OR(V_OR(isSpace, isContinuation), isC2), ones);
        VEC previousInvisible = V_OR(V_EQ(previous, space),
                                     V_AND(V_EQ(previous, V_SET1((char)0xA0)), V_EQ(beforePrevious, V_SET1((char)0xC2))));
        VEC starts = V_AND(visibleStart, previousInvisible);
        VEC ends = V_OR(V_OR(V_EQ(block, V_SET1('.')), V_EQ(block, V_SET1('!'))),
                        V_OR(V_EQ(block, V_SET1('?')), V_AND(V_EQ(block, V_SET1((char)0x9F)), previousIsD8)));
        VEC marks = V_OR(V_OR(V_EQ(block, V_SET1(',')), V_EQ(block, V_SET1(';'))),
                         V_AND(V_OR(V_EQ(block, V_SET1((char)0x8C)), V_EQ(block, V_SET1((char)0x9B))), previousIsD8));
        tokens = V_SUB(tokens, starts);
        sentenceEnds = V_SUB(sentenceEnds, ends);
        punctuation = V_SUB(punctuation, V_OR(ends, marks));
        pipes = V_SUB(pipes, V_EQ(block, V_SET1('|')));
        anyAt = V_OR(anyAt, V_EQ(block, V_SET1('@')));
        anyVisible = V_OR(anyVisible, visibleStart);

        // Teh marbuta (D8 A9) or alef maksura (D9 89): rare, checked one by one.
        VEC finals = V_OR(V_AND(V_EQ(block, V_SET1((char)0xA9)), previousIsD8),
                          V_AND(V_EQ(block, V_SET1((char)0x89)), V_EQ(previous, V_SET1((char)0xD9))));
        uint32_t finalMask = V_MOVEMASK(finals);
        while (finalMask != 0) {
            size_t lane = (size_t)__builtin_ctz(finalMask);
            counts->gluedFinalLetters += (uint32_t)arabic_letter_at(text, position + lane + 1, end);
            finalMask &= finalMask - 1;
        }

        // Words of 16 bytes or more: the one running into the block's first space, and (in a
        // block of 32) at most one between its spaces.
        uint32_t spaceMask = V_MOVEMASK(isSpace);
        if (spaceMask == 0) {
            run += WIDTH;
        } else {
            uint32_t first = (uint32_t)__builtin_ctz(spaceMask);
            uint32_t last = 31 - (uint32_t)__builtin_clz(spaceMask);
            counts->longWords += run + first >= 16;
            counts->longWords += inner_long_word(spaceMask, first, last);
            run = WIDTH - 1 - last;
        }

        if (++blocksInLanes == 255) {
            counts->tokens += V_LANE_SUM(tokens);
            counts->punctuation += V_LANE_SUM(punctuation);
            counts->sentenceEnds += V_LANE_SUM(sentenceEnds);
            counts->pipes += V_LANE_SUM(pipes);
            tokens = punctuation = sentenceEnds = pipes = V_ZERO();
            blocksInLanes = 0;
        }
        position += WIDTH;
    }
    // A character cut off by the end of the line (a padded tail was checked above).
    if (end > start && ((text[end - 1] & 0xFC) == 0xD8 || text[end - 1] == 0xC2 || text[end - 1] == 0xE2)) return 0;
    if (end - start >= 2 && text[end - 2] == 0xE2) return 0;
    counts->longWords += run >= 16;
    counts->tokens += V_LANE_SUM(tokens);
    counts->punctuation += V_LANE_SUM(punctuation);
    counts->sentenceEnds += V_LANE_SUM(sentenceEnds);
    counts->pipes += V_LANE_SUM(pipes);
    counts->hasAt = V_MOVEMASK(anyAt) != 0;
    counts->hasVisible = V_MOVEMASK(anyVisible) != 0;
    return 1;
}
