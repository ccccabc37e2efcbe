// Character properties and version information, ICU's C API by its plain names.
#include "CArabicICU.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

const char *nz_status_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

void nz_icu_version(char *buffer) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
}

int32_t nz_char_category(uint32_t codePoint) {
    return (int32_t)u_charType((UChar32)codePoint);
}

uint32_t nz_simple_lowercase(uint32_t codePoint) {
    return (uint32_t)u_tolower((UChar32)codePoint);
}

int32_t nz_is_white_space(uint32_t codePoint) {
    return u_isUWhiteSpace((UChar32)codePoint) ? 1 : 0;
}

int32_t nz_is_default_ignorable(uint32_t codePoint) {
    return u_hasBinaryProperty((UChar32)codePoint, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ? 1 : 0;
}

int32_t nz_word_break_property(uint32_t codePoint) {
    return u_getIntPropertyValue((UChar32)codePoint, UCHAR_WORD_BREAK);
}

int32_t nz_script(uint32_t codePoint) {
    UErrorCode code = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)codePoint, &code);
    return U_SUCCESS(code) ? (int32_t)script : -1;
}

int32_t nz_is_alphabetic(uint32_t codePoint) {
    return u_isUAlphabetic((UChar32)codePoint) ? 1 : 0;
}

int32_t nz_digit_value(uint32_t codePoint) {
    return u_charDigitValue((UChar32)codePoint);
}
