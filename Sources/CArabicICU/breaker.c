// Word and sentence break iteration over UTF-8 through a UText, so the text is never converted
// to UTF-16 by the caller and every boundary is a byte offset into the caller's buffer.
#include "CArabicICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

typedef struct Breaker {
    UBreakIterator *iterator;
    UText *text;
} Breaker;

void *nz_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIteratorType type = kind == 1 ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return NULL;
    }
    Breaker *breaker = (Breaker *)calloc(1, sizeof(Breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    *status = code;
    return breaker;
}

void nz_breaker_close(void *opaque) {
    Breaker *breaker = (Breaker *)opaque;
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    if (breaker->text != NULL) utext_close(breaker->text);
    free(breaker);
}

void nz_breaker_set_text(void *opaque, const uint8_t *text, int64_t length, int32_t *status) {
    Breaker *breaker = (Breaker *)opaque;
    UErrorCode code = U_ZERO_ERROR;
    static const char empty[1] = {0};
    breaker->text = utext_openUTF8(breaker->text, length > 0 ? (const char *)text : empty,
                                   length, &code);
    if (U_SUCCESS(code)) {
        ubrk_setUText(breaker->iterator, breaker->text, &code);
    }
    *status = code;
}

int32_t nz_breaker_next_batch(void *opaque, int64_t *boundaries, int32_t *statuses,
                              int32_t capacity) {
    Breaker *breaker = (Breaker *)opaque;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(breaker->iterator);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    return count;
}
