// Nazif's SIMD kernels (SSE2 sixteen bytes at a time, AVX2 thirty-two where the processor has
// it; plain C with stdint types): the counts the boilerplate rules need from a line as written,
// for lines of the common kind (printable ASCII and two-byte Arabic), called from Boilerplate's
// LineTable; the words of a key line that may be cue words, for the promotion rule; and the
// scan of a JSON string for its next quote, backslash or control character, for nazif's
// JSONLine.
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
// than U+061C, or a no-break space, or E2 80 with a quote, the bullet or the ellipsis;
// returns 0 otherwise, and always where SSE2 is not available (the caller then scans the line
// itself). `count` is the length of `text`: bytes of text[end..<count] may be read (never
// counted), nothing outside text[0..<count]. AVX2 (32 bytes at a time) is used when the
// processor has it, SSE2 otherwise.
int nazif_scan_simple_line(const uint8_t *text, size_t count, size_t start, size_t end,
                           nazif_line_counts *counts);

// The same with the vector width chosen: 16 (SSE2) or 32 (AVX2; returns 0 without it). For tests.
int nazif_scan_simple_line_width(const uint8_t *text, size_t count, size_t start, size_t end,
                                 nazif_line_counts *counts, int width);

typedef struct {
    uint32_t spaces;        // 0x20 bytes
    uint32_t arabicLeads;   // lead bytes 0xD8...0xDB (U+0600–06FF)
    uint32_t continuations; // UTF-8 continuation bytes (10xxxxxx)
} nazif_key_counts;

// Counts the bytes of text[start..<end] (a line's key) by kind. `count` is the length of `text`:
// bytes of text[end..<count] may be read (never counted), nothing outside text[0..<count].
// AVX2 where the processor has it, SSE2 otherwise, one byte at a time without either.
void nazif_count_key_bytes(const uint8_t *text, size_t count, size_t start, size_t end, nazif_key_counts *counts);

// The same with the vector width chosen: 16 (SSE2) or 32 (AVX2 if the processor has it). For tests.
void nazif_count_key_bytes_width(const uint8_t *text, size_t count, size_t start, size_t end,
                            nazif_key_counts *counts, int width);

// 1 when the processor and the system support AVX2.
int nazif_has_avx2(void);

// The word starts (offsets into `text`) of text[start..<end] whose bucket is set in
// `bucketBits` (65,536 bits; a word's bucket as Boilerplate's Lexicon.CueStarts computes it from
// its first four bytes), in order, at most `capacity` of them; returns how many were written.
// Words are runs of bytes other than 0x20. Reads text[start..<end] only.
size_t nazif_cue_word_starts(const uint8_t *text, size_t count, size_t start, size_t end,
                             const uint64_t *bucketBits, uint32_t *found, size_t capacity);

// The normalizer's block kernel (AVX2). A fold map holds 256 bytes made from a fold table: at
// an ASCII byte, its one-byte output, 0x20 at the space when a single space is kept as it is,
// 0xFF where the character needs more than a copy or a one-for-one replacement; at
// 0x80 | (D9 ? 0x40 : 0) | (trail & 0x3F), for the two-byte characters led by D8 and D9, the
// output's lead minus 0xD8 in the top two bits (D8, D9 or DA) and its trail's low six bits, or
// 0xFF. The kernel reads it prepared (nazif_fold_prepare_map, once per map).
//
// Writes the output of the longest prefix of text[0..<count] made of such characters, with no
// space after a space (*previousIsSpace says whether the character before text[0] was one), in
// whole blocks of 32 bytes: the output is as long as the input, and bytes of out[0..<count]
// past the prefix may be written too. Returns the prefix's length in bytes (a character
// boundary; 0 when the first character is not such a one, when count < 32, or without AVX2)
// and sets *previousIsSpace for the prefix's last character.
size_t nazif_fold_easy_prefix(const uint8_t *text, size_t count, uint8_t *out, const uint8_t *prepared,
                              uint32_t *previousIsSpace);

// Makes the kernel's form of a fold map (256 bytes in, 256 out).
void nazif_fold_prepare_map(const uint8_t *map, uint8_t *prepared);

// 1 when nazif_fold_easy_prefix can do anything on this processor.
int nazif_fold_kernel_available(void);

// How many bytes of text[0..<count] equal `byte` (AVX2 where the processor has it).
size_t nazif_count_byte(const uint8_t *text, size_t count, uint8_t byte);

// Asks for the cache line holding `address` ahead of a read (a hint: nothing is read now).
static inline void nazif_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// The offset of the first '"', '\\' or byte below 0x20 in text[from..<to], or `to` when there
// is none. Reads text[from..<to] only.
size_t nazif_json_string_stop(const uint8_t *text, size_t from, size_t to);

#endif
