/*
** sentence.h: sentence splitting for Arabic news text. Sentences end at
** . ! ? ؟ … and at paragraph breaks, but not inside numbers (3.5,
** 01/11/2020) or after abbreviations; closing quotes and brackets stay with
** the sentence they close.
*/
#ifndef MARSAD_SENTENCE_H
#define MARSAD_SENTENCE_H
#include <stddef.h>

/* Called once per sentence with its span, leading and trailing white space
** excluded. Return non-zero to stop (that value is returned). */
typedef int (*marsad_sentence_fn)(void *pCtx, size_t iStart, size_t iEnd);

/* Splits p[0..n) into sentences. Returns MARSAD_OK or the callback's value. */
int marsad_sentences(const char *p, size_t n, marsad_sentence_fn xSentence,
                     void *pCtx);

#endif
