/*
** sentence.h: sentence splitting for Arabic news text. Sentences end at
** . ! ? ؟ … and at paragraph breaks, but not inside numbers (3.5,
** 01/11/2020) or after abbreviations; closing quotes and brackets stay with
** the sentence they close.
**
** The rules:
**   - a line break ends a sentence: in marsad's stored bodies (clean.h) one
**     line is one paragraph, and news paragraphs often end without a dot
**     (headings, datelines, "إلى ذلك ... إلى 231"); blank lines are simply
**     empty paragraphs;
**   - a run of terminators (. ! ? ؟ … ۔, also ".." and "؟!") and the closing
**     quotes and brackets right after it (” ’ » " ' ) ] }) end a sentence
**     when followed by the end, white space, or an Arabic letter (Arabic text
**     often misses the space after a full stop). So a dot between digits
**     (3.5, 01.11.2020) or inside a name (example.com) never splits;
**   - a lone dot after a one-letter word is an abbreviation, not an end:
**     Latin initials (J. Smith, U.S.) and the usual Arabic ones (د. for
**     doctor, م. for engineer or a Gregorian year, ص. for page, ق.م.).
** Sentences are reported with surrounding white space trimmed; blank ones
** are not reported. Invalid UTF-8 is carried inside sentences as it is.
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
