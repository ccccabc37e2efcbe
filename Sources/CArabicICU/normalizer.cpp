// Normalization through ICU's C++ API: icu::Normalizer2::normalizeUTF8 works on UTF-8 directly,
// which the C API (UTF-16 only) cannot. See CArabicICU.h for the contracts.
#include "CArabicICU.h"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

namespace {

const icu::Normalizer2 *asNormalizer(const void *normalizer) {
    return static_cast<const icu::Normalizer2 *>(normalizer);
}

} // namespace

extern "C" const void *nz_normalizer_instance(int32_t form, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const icu::Normalizer2 *instance = nullptr;
    switch (form) {
    case 0: instance = icu::Normalizer2::getNFCInstance(code); break;
    case 1: instance = icu::Normalizer2::getNFDInstance(code); break;
    case 2: instance = icu::Normalizer2::getNFKCInstance(code); break;
    case 3: instance = icu::Normalizer2::getNFKDInstance(code); break;
    default: code = U_ILLEGAL_ARGUMENT_ERROR; break;
    }
    *status = code;
    return U_SUCCESS(code) ? instance : nullptr;
}

extern "C" int32_t nz_normalize_utf8(const void *normalizer,
                                     const uint8_t *source, int32_t length,
                                     uint8_t *destination, int32_t capacity,
                                     int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(destination), capacity);
    asNormalizer(normalizer)->normalizeUTF8(
        0, icu::StringPiece(reinterpret_cast<const char *>(source), length), sink, nullptr, code);
    int32_t total = sink.NumberOfBytesAppended();
    if (U_SUCCESS(code) && sink.Overflowed()) {
        code = U_BUFFER_OVERFLOW_ERROR;
    }
    *status = code;
    return total;
}

extern "C" int32_t nz_is_normalized_utf8(const void *normalizer,
                                         const uint8_t *source, int32_t length,
                                         int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBool result = asNormalizer(normalizer)->isNormalizedUTF8(
        icu::StringPiece(reinterpret_cast<const char *>(source), length), code);
    *status = code;
    return result ? 1 : 0;
}

extern "C" uint8_t nz_combining_class(const void *normalizer, uint32_t codePoint) {
    return asNormalizer(normalizer)->getCombiningClass(static_cast<UChar32>(codePoint));
}

extern "C" int32_t nz_quick_check(const void *normalizer, uint32_t codePoint, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    icu::UnicodeString single(static_cast<UChar32>(codePoint));
    UNormalizationCheckResult result = asNormalizer(normalizer)->quickCheck(single, code);
    *status = code;
    switch (result) {
    case UNORM_NO: return 0;
    case UNORM_YES: return 1;
    default: return 2;
    }
}

extern "C" int32_t nz_has_boundary_before(const void *normalizer, uint32_t codePoint) {
    return asNormalizer(normalizer)->hasBoundaryBefore(static_cast<UChar32>(codePoint)) ? 1 : 0;
}
