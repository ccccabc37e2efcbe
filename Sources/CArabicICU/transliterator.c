// ICU transforms. ICU's transliterator API is UTF-16 only; the conversion happens here, in C,
// so Swift hands over and receives UTF-8.
#include "CArabicICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/uenum.h>

static UChar *utf16FromUTF8(const uint8_t *source, int32_t length, int32_t *outLength,
                            int32_t extraCapacity, int32_t *capacityOut, UErrorCode *code) {
    int32_t needed = 0;
    UErrorCode probe = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &needed, (const char *)source, length, 0xFFFD, NULL, &probe);
    if (probe != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(probe)) {
        *code = probe;
        return NULL;
    }
    int32_t capacity = needed + extraCapacity + 1;
    UChar *buffer = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
    if (buffer == NULL) {
        *code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    u_strFromUTF8WithSub(buffer, capacity, outLength, (const char *)source, length, 0xFFFD, NULL,
                         code);
    if (U_FAILURE(*code)) {
        free(buffer);
        return NULL;
    }
    *capacityOut = capacity;
    return buffer;
}

void *nz_transliterator_open(const uint8_t *identifier, int32_t identifierLength,
                             const uint8_t *rules, int32_t rulesLength, int32_t direction,
                             int32_t *errorLine, int32_t *errorOffset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t idLength = 0, idCapacity = 0, rulesUTF16Length = 0, rulesCapacity = 0;
    *errorLine = -1;
    *errorOffset = -1;
    UChar *id = utf16FromUTF8(identifier, identifierLength, &idLength, 0, &idCapacity, &code);
    if (id == NULL) {
        *status = code;
        return NULL;
    }
    UChar *rulesUTF16 = NULL;
    if (rules != NULL) {
        rulesUTF16 = utf16FromUTF8(rules, rulesLength, &rulesUTF16Length, 0, &rulesCapacity, &code);
        if (rulesUTF16 == NULL) {
            free(id);
            *status = code;
            return NULL;
        }
    }
    UParseError parseError;
    memset(&parseError, 0, sizeof(parseError));
    parseError.line = -1;
    parseError.offset = -1;
    UTransliterator *transliterator = utrans_openU(
        id, idLength, direction == 1 ? UTRANS_REVERSE : UTRANS_FORWARD,
        rulesUTF16, rulesUTF16 != NULL ? rulesUTF16Length : 0, &parseError, &code);
    free(id);
    free(rulesUTF16);
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    *status = code;
    if (U_FAILURE(code)) {
        if (transliterator != NULL) utrans_close(transliterator);
        return NULL;
    }
    return transliterator;
}

void *nz_transliterator_clone(const void *transliterator, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *copy = utrans_clone((const UTransliterator *)transliterator, &code);
    *status = code;
    return U_SUCCESS(code) ? copy : NULL;
}

void nz_transliterator_close(void *transliterator) {
    if (transliterator != NULL) utrans_close((UTransliterator *)transliterator);
}

int32_t nz_transliterate_utf8(void *transliterator,
                              const uint8_t *source, int32_t length,
                              uint8_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t textLength = 0, textCapacity = 0;
    // Transforms can lengthen text (Arabic-Latin roughly doubles it); start with room to spare and
    // grow when ICU says the buffer is too small.
    int32_t extra = length * 3 + 64;
    for (int attempt = 0; attempt < 4; attempt++) {
        code = U_ZERO_ERROR;
        UChar *text = utf16FromUTF8(source, length, &textLength, extra, &textCapacity, &code);
        if (text == NULL) {
            *status = code;
            return 0;
        }
        int32_t limit = textLength;
        utrans_transUChars((const UTransliterator *)transliterator, text, &textLength,
                           textCapacity, 0, &limit, &code);
        if (code == U_BUFFER_OVERFLOW_ERROR) {
            free(text);
            extra = extra * 4 + textLength;
            continue;
        }
        if (U_FAILURE(code)) {
            free(text);
            *status = code;
            return 0;
        }
        int32_t written = 0;
        u_strToUTF8WithSub((char *)destination, capacity, &written, text, textLength, 0xFFFD,
                           NULL, &code);
        free(text);
        if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
        *status = code;
        return written;
    }
    *status = U_BUFFER_OVERFLOW_ERROR;
    return 0;
}

int32_t nz_transliterator_ids(uint8_t *buffer, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    int32_t total = 0;
    int32_t idLength = 0;
    const char *id;
    while ((id = uenum_next(ids, &idLength, &code)) != NULL && U_SUCCESS(code)) {
        if (total + idLength + 1 <= capacity) {
            memcpy(buffer + total, id, (size_t)idLength);
            buffer[total + idLength] = 0;
        }
        total += idLength + 1;
    }
    uenum_close(ids);
    *status = code;
    return total;
}
