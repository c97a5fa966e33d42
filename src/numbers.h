/*
** numbers.h: numbers in Arabic news text: digits in any script with their
** separators, number words (ثلاثة، خمسة وعشرون، أربعة آلاف = 4000، 130 ألف
** = 130000), dual nouns that are themselves a number (قتيلان = 2), vague
** quantities kept as vague with a lower bound (عشرات = at least 10), hedges
** (ما لا يقل عن → at least; نحو → about; أقل من → at most) and ranges
** (بين 10 و20). Word lists: data/facts_numbers.tsv, facts_hedges.tsv and the
** duals of facts_counts.tsv.
*/
#ifndef MARSAD_NUMBERS_H
#define MARSAD_NUMBERS_H
#include <stddef.h>
#include "words.h"

/* The largest value read as a number; longer digit strings are ids, phone
** or account numbers, not quantities. */
#define MARSAD_NUMBER_MAX 1e15

/* One number found in a text. */
typedef struct marsad_number {
  int iWord0;          /* words [iWord0, iWord1) of the number itself */
  int iWord1;
  int iExpr0;          /* words [iExpr0, iExpr1) with its hedges and range */
  int iExpr1;
  double dValue;       /* the value; the lower bound when vague or a range */
  double dMax;         /* the upper bound of a range, else dValue */
  int eApprox;         /* MARSAD_APPROX_* (lexicon.h) */
  int bVague;          /* عشرات، مئات، آلاف: dValue is a lower bound */
  int bDual;           /* a dual noun (قتيلان): the noun is also what is counted */
  int bRange;          /* بين 10 و20 */
} marsad_number;

typedef struct marsad_numbers {
  marsad_number *a;
  int n;
  int nAlloc;
} marsad_numbers;

#define MARSAD_NUMBERS_INIT {0, 0, 0}

/* Finds the numbers of pW in text order, passing over words flagged in
** aUsed (the words of dates; may be NULL). Appends to *pOut. MARSAD_OK or
** MARSAD_NOMEM. */
int marsad_numbers_find(const marsad_words *pW, const unsigned char *aUsed,
                        marsad_numbers *pOut);

/* Name of an approx value: "exact", "at_least", "at_most", "about". */
const char *marsad_approx_name(int eApprox);

/* Frees what *p owns and resets it. NULL is fine. */
void marsad_numbers_free(marsad_numbers *p);

#endif
