// CArabicICU — the only door between Swift and ICU.
//
// This header speaks stdint types and opaque pointers only. No ICU header is included here and no
// ICU type crosses it: Foundation on Linux carries its own copy of ICU (module _FoundationICU) and a
// Swift file that sees both fails to compile. The .c/.cpp files behind it call ICU by its plain
// names, so the version renaming (unorm2_normalize_72 ...) is the installed headers' business.
//
// Conventions: every function that can fail takes `int32_t *status` (an ICU UErrorCode: 0 is
// success, negative a warning, positive a failure). Text is UTF-8 unless a name says otherwise.
// Handles returned by *_open must be given back to the matching *_close.

#ifndef C_ARABIC_ICU_H
#define C_ARABIC_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name of an ICU status code ("U_ILLEGAL_ARGUMENT_ERROR"), a static string.
const char *nz_status_name(int32_t status);

/// The ICU version string ("72.1"), written into `buffer` (at least 20 bytes).
void nz_icu_version(char *buffer);

// MARK: - Normalization

/// The shared normalizer instance for a Unicode form: 0 NFC, 1 NFD, 2 NFKC, 3 NFKD.
/// The instance belongs to ICU and must not be closed; it is safe to use from any thread.
const void *nz_normalizer_instance(int32_t form, int32_t *status);

/// Normalizes UTF-8 `source` into `destination` through icu::Normalizer2::normalizeUTF8.
/// Returns the full length of the result; when it exceeds `capacity` the status is
/// U_BUFFER_OVERFLOW_ERROR and the caller retries with a buffer of that length.
/// Ill-formed UTF-8 in the source becomes U+FFFD in the result.
int32_t nz_normalize_utf8(const void *normalizer,
                          const uint8_t *source, int32_t length,
                          uint8_t *destination, int32_t capacity,
                          int32_t *status);

/// 1 when UTF-8 `source` is already in the normalizer's form (icu::Normalizer2::isNormalizedUTF8).
int32_t nz_is_normalized_utf8(const void *normalizer,
                              const uint8_t *source, int32_t length, int32_t *status);

/// The canonical combining class of a code point.
uint8_t nz_combining_class(const void *normalizer, uint32_t codePoint);

/// The quick-check answer for a single code point in the normalizer's form: 0 no, 1 yes, 2 maybe.
int32_t nz_quick_check(const void *normalizer, uint32_t codePoint, int32_t *status);

/// 1 when the code point starts a normalization segment (nothing before it interacts with it).
int32_t nz_has_boundary_before(const void *normalizer, uint32_t codePoint);

// MARK: - Character properties

/// The general category (ICU UCharCategory value: 1 Lu, 2 Ll, ... 12 Zs, ... 19 Sm ... 23 Pd ...).
int32_t nz_char_category(uint32_t codePoint);

/// The simple lowercase mapping of a code point.
uint32_t nz_simple_lowercase(uint32_t codePoint);

/// 1 when the code point has the White_Space property.
int32_t nz_is_white_space(uint32_t codePoint);

/// 1 when the code point has the Default_Ignorable_Code_Point property.
int32_t nz_is_default_ignorable(uint32_t codePoint);

/// The Word_Break property value (ICU UWordBreakValues).
int32_t nz_word_break_property(uint32_t codePoint);

/// The Script property value (ICU UScriptCode: 2 Arabic, 25 Latin, ...).
int32_t nz_script(uint32_t codePoint);

/// 1 when the code point is alphabetic (Alphabetic property).
int32_t nz_is_alphabetic(uint32_t codePoint);

/// The numeric value of a decimal digit (Nd), or -1.
int32_t nz_digit_value(uint32_t codePoint);

// MARK: - Break iteration over UTF-8

/// A break iterator bound to a UTF-8 UText: kind 0 words, 1 sentences. Opens a fresh iterator
/// (ICU caches the compiled rules, so opening is cheap after the first). Not thread-safe: give
/// each thread its own.
void *nz_breaker_open(int32_t kind, const char *locale, int32_t *status);

/// Closes a breaker from nz_breaker_open.
void nz_breaker_close(void *breaker);

/// Points the breaker at UTF-8 text (not copied: it must outlive the iteration).
void nz_breaker_set_text(void *breaker, const uint8_t *text, int64_t length, int32_t *status);

/// Fills up to `capacity` boundaries after the current position (byte offsets into the text) and
/// their rule statuses (UWordBreak tags: 0 none, 100 number, 200 letter, 300 kana, 400 ideo).
/// Returns how many were written; 0 means the end of the text was reached.
int32_t nz_breaker_next_batch(void *breaker, int64_t *boundaries, int32_t *statuses,
                              int32_t capacity);

// MARK: - Transliteration

/// Opens an ICU transliterator by ID ("Arabic-Latin", "Any-Latin; Latin-ASCII") or, when `rules`
/// is given (UTF-8), from custom rules under that ID. On a rule syntax error, `errorLine` and
/// `errorOffset` receive the position ICU reports (-1 when unknown). direction: 0 forward,
/// 1 reverse. Not thread-safe: clone per thread with nz_transliterator_clone.
void *nz_transliterator_open(const uint8_t *identifier, int32_t identifierLength,
                             const uint8_t *rules, int32_t rulesLength, int32_t direction,
                             int32_t *errorLine, int32_t *errorOffset, int32_t *status);

/// An independent copy of a transliterator.
void *nz_transliterator_clone(const void *transliterator, int32_t *status);

/// Closes a transliterator.
void nz_transliterator_close(void *transliterator);

/// Transliterates UTF-8 `source` into `destination`. Returns the result's full length; when it
/// exceeds `capacity` the status is U_BUFFER_OVERFLOW_ERROR and the caller retries.
int32_t nz_transliterate_utf8(void *transliterator,
                              const uint8_t *source, int32_t length,
                              uint8_t *destination, int32_t capacity, int32_t *status);

/// Writes the IDs of every installed transliterator, NUL-separated, into `buffer`; returns the
/// length needed (call again with a larger buffer when it exceeds `capacity`).
int32_t nz_transliterator_ids(uint8_t *buffer, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
