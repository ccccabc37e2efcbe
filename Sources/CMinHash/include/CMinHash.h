#ifndef CMINHASH_H
#define CMINHASH_H
// MinHash kernels for Nazif's Dedup module: word hashes of a key text, word n-gram shingle
// hashes, the minimum of each universal hash over the shingles, and LSH band keys. Plain C with
// stdint types only; the loops over permutations are written to vectorize (an AVX2 clone is
// chosen at run time on x86-64, and an AVX-512 kernel that keeps the minima in registers).
#include <stddef.h>
#include <stdint.h>

/// Hashes each word of `text` (words are runs of bytes above 0x20) into `out`, which has room
/// for `capacity` hashes. Returns the number of words (it may exceed `capacity`: then only the
/// first `capacity` were written and the call should be repeated with more room).
size_t cminhash_word_hashes(const uint8_t *text, size_t length, uint64_t *out, size_t capacity);

/// The same hashes as `cminhash_word_hashes`, a byte at a time (the reference the tests compare
/// the eight-byte scan with).
size_t cminhash_word_hashes_reference(const uint8_t *text, size_t length, uint64_t *out, size_t capacity);

/// The 32-bit hashes of the `count - size + 1` shingles (runs of `size` consecutive words) of
/// `words`, written to `out`. Nothing is written when `count < size`.
void cminhash_shingles(const uint64_t *words, size_t count, size_t size, uint32_t *out);

/// For each permutation i < `permutations`: out[i] = min over the shingles s of
/// mix(a[i] * s + b[i]) (32-bit arithmetic, a[i] odd). `out` starts at UINT32_MAX when
/// `count` is 0.
void cminhash_minimums(const uint32_t *shingles, size_t count, const uint32_t *a, const uint32_t *b,
                       size_t permutations, uint32_t *out);

/// `cminhash_minimums` with one kernel: 0 the portable loop, 1 AVX2, 2 AVX-512F (x86-64).
/// Returns 0 without writing when that kernel is not available on this machine, else 1.
int cminhash_minimums_variant(int variant, const uint32_t *shingles, size_t count, const uint32_t *a,
                              const uint32_t *b, size_t permutations, uint32_t *out);

/// The band keys of a signature: key[j] = a 64-bit hash of values[j*rows ..< (j+1)*rows] and j.
void cminhash_band_keys(const uint32_t *values, size_t bands, size_t rows, uint64_t *out);

#endif
