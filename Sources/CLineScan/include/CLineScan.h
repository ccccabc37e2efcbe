// Nazif's one SIMD kernel: the counts the boilerplate rules need from a line as written, for
// lines of the common kind (printable ASCII and two-byte Arabic), sixteen bytes at a time.
// Plain C with stdint types; Swift calls it from Boilerplate's LineTable.
#ifndef NAZIF_CLINESCAN_H
#define NAZIF_CLINESCAN_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t tokens;            // runs of non-space characters
    uint32_t punctuation;       // . ! ? , ;  and  ، ؛ ؟
    uint32_t sentenceEnds;      // . ! ?  and  ؟
    uint32_t pipes;             // '|'
    uint32_t gluedFinalLetters; // ة or ى directly followed by an Arabic letter U+0621–064A
    uint32_t longWords;         // runs of 16 bytes or more between spaces
    uint32_t hasAt;             // an '@'
    uint32_t hasVisible;        // a byte other than a space
} nazif_line_counts;

// Returns 1 and fills `counts` when every byte of text[start..<end] is printable ASCII other
// than '-', or part of a well-formed two-byte sequence led by 0xD8...0xDB (U+0600–06FF) other
// than U+061C;
// returns 0 otherwise, and always where SSE2 is not available (the caller then scans the line
// itself). `count` is the length of `text`; nothing outside text[start..<end] is read.
int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts);

#endif
